package com.supportdesk.domain;

/** A member of staff using the desk. The password hash never leaves the store. */
public record Agent(long id, String username, String displayName, Clearance clearance, SupportLevel level,
                    boolean lead, boolean admin, boolean active) {

    public boolean cleared() {
        return clearance == Clearance.CLEARED;
    }

    /** May this agent see the content of a ticket with this classification? */
    public boolean maySee(Classification classification) {
        return !classification.isSensitive() || cleared();
    }
}
