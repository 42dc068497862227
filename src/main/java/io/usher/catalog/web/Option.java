package io.usher.catalog.web;

/** One choice of a select on a page. */
record Option(String value, String label) {
}
