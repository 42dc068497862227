package io.usher.desk.internal;

import java.util.List;
import java.util.UUID;

import io.usher.desk.AssignmentMode;

/**
 * A queue: a team of agents in an organization, working tickets by one calendar.
 *
 * @param reassignOnBreach whether a ticket whose SLA breaches goes to the queue's least-loaded manager
 */
public record Queue(UUID id, UUID organizationId, String name, UUID calendarId, AssignmentMode assignmentMode,
        int autoCloseHours, List<UUID> managers, List<UUID> agents, boolean reassignOnBreach) {

    public boolean isAgent(UUID user) {
        return agents.contains(user);
    }

    public boolean isManager(UUID user) {
        return managers.contains(user);
    }
}
