package io.usher.desk;

import java.util.Map;

import io.usher.common.UsherException;

/** 413 {@code desk.ticket_attachments_full}: the ticket's attachments would pass the per-ticket total. */
public class TicketAttachmentsFull extends UsherException {

    private final long maxBytes;
    private final long usedBytes;

    public TicketAttachmentsFull(long maxBytes, long usedBytes) {
        super(413, "desk.ticket_attachments_full", "A ticket's attachments may total at most " + maxBytes
                + " bytes; " + usedBytes + " are used.");
        this.maxBytes = maxBytes;
        this.usedBytes = usedBytes;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("maxBytes", maxBytes, "usedBytes", usedBytes);
    }
}
