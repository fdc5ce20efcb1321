package com.supportdesk.sla;

/** Where a ticket stands against its response target. */
public enum SlaState {
    /** Open calendar, more than 25 % of the target left. */
    RUNNING,
    /** The calendar is closed now; the countdown stands still until {@link SlaStatus#resumesAt()}. */
    PAUSED,
    /** Open calendar, 25 % of the target or less left. */
    AT_RISK,
    /** No contact yet and the deadline has passed. */
    OVERDUE,
    /** First contact at or before the deadline. */
    MET,
    /** First contact after the deadline. */
    MISSED
}
