package io.usher.catalog;

import io.usher.common.UsherException;

/** 409: only drafts can be deleted. */
public class NotADraft extends UsherException {

    public NotADraft() {
        super(409, "catalog.not_a_draft", "Only drafts can be deleted; cancel a published event instead.");
    }
}
