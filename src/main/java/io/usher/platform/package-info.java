/**
 * Technical conventions every module relies on: the embedded database, problem details, correlation ids,
 * request size limits, rate limiting, time, OpenAPI and the UI layout. It knows no business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.usher.platform;
