package io.usher.desk;

import io.usher.common.UsherException;

/** 422 {@code desk.not_queue_agent}: tickets are assigned only to agents of their queue. */
public class NotQueueAgent extends UsherException {

    public NotQueueAgent() {
        super(422, "desk.not_queue_agent", "Tickets are assigned only to agents of their queue.");
    }
}
