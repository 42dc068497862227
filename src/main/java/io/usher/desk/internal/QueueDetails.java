package io.usher.desk.internal;

import java.util.List;
import java.util.UUID;

/**
 * A queue as an administrator writes it: the organization whose team works it (fixed once created), a name unique
 * in the organization, the calendar its SLAs count by, managers and agents (members of the organization), the
 * assignment mode ({@code ROUND_ROBIN} by default) and after how many hours resolved tickets close (72 by default), and
 * whether a breached ticket goes to the queue's least-loaded manager (no by default).
 */
public record QueueDetails(UUID organizationId, String name, UUID calendarId, List<UUID> managers, List<UUID> agents,
        String assignmentMode, Integer autoCloseHours, Boolean reassignOnBreach) {
}
