/**
 * The few value types every module shares. Keep it tiny: anything with behaviour belongs to a module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common")
package io.usher.common;
