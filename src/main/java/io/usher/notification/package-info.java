/**
 * Notifications to people. For now e-mail: identity's verification and reset links, and the tickets admission
 * issues (their PDF attached), sent over SMTP when {@code USHER_SMTP_HOST} is set and written to the log otherwise
 * (the embedded default). Listeners run after the publishing transaction commits and are retried from the event
 * publication log if they fail.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package io.usher.notification;
