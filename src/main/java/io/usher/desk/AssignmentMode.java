package io.usher.desk;

/** How a queue hands new tickets to its agents. */
public enum AssignmentMode {
    /** In turn, among the agents who are available. */
    ROUND_ROBIN,
    /** To the available agent with the fewest open tickets. */
    LEAST_LOADED
}
