package io.usher.desk;

/** What a custom field of a category holds. */
public enum CustomFieldType {
    TEXT, NUMBER, DATE, SELECT, BOOLEAN
}
