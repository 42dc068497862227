/**
 * The few value types every module shares: ids of the box office's core things (events, ticket types,
 * seats), {@link io.usher.common.Money}, and the base of client-caused failures. Keep it tiny: anything with
 * behaviour belongs to a module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common")
package io.usher.common;
