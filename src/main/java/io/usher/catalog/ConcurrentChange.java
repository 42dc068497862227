package io.usher.catalog;

import io.usher.common.UsherException;

/** 409: another request changed the same thing at the same time; retrying is safe. */
public class ConcurrentChange extends UsherException {

    public ConcurrentChange() {
        super(409, "catalog.concurrent_change", "The event changed while this request was processed; retry.");
    }
}
