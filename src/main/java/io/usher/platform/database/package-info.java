/** The database Usher runs on: embedded PostgreSQL by default, an external server when configured. */
@org.springframework.modulith.NamedInterface("database")
package io.usher.platform.database;
