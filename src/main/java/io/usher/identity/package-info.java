/**
 * Identity and access: users and their roles, organizations and memberships, sign-in with rotating refresh
 * tokens, sessions, password reset and e-mail verification. Other modules use {@link io.usher.identity.CurrentUser}
 * to learn who is calling and {@link io.usher.identity.Organizations} to check membership.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package io.usher.identity;
