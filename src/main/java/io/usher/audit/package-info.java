/**
 * The audit trail: who did what, when, from where. Modules record security- and money-relevant actions in
 * the same transaction as the action itself, so an action and its audit entry commit or fail together.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package io.usher.audit;
