package io.usher.desk;

import io.usher.common.UsherException;

/**
 * 422: a watcher, tag, link or merge the desk's rules do not allow ({@code desk.self_link},
 * {@code desk.merge_into_itself}, {@code desk.too_many_tags}, {@code desk.watcher_cannot_see_ticket}).
 */
public class TicketRelationRefused extends UsherException {

    public TicketRelationRefused(String code, String detail) {
        super(422, code, detail);
    }
}
