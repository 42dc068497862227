/** Web conventions shared by every module's adapters: problem details, correlation ids, API docs. */
@org.springframework.modulith.NamedInterface("web")
package io.usher.platform.web;
