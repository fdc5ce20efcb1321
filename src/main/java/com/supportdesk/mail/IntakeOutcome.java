package com.supportdesk.mail;

import com.supportdesk.domain.Ticket;

/**
 * Where one message ended. Carries ids only — never a subject, body or address — so it may be logged.
 *
 * @param ticketId     the ticket it opened or was attached to (for a duplicate: where the stored copy is), or null
 * @param quarantineId its quarantine or automated-log entry (for a duplicate: the stored entry), or null
 */
public record IntakeOutcome(Kind kind, Long ticketId, Long quarantineId) {

    public enum Kind {
        /** A new ticket was opened. */
        NEW_TICKET,
        /** Attached to an existing ticket (by subject tag or In-Reply-To/References), reopening it if resolved. */
        THREADED,
        /** Automated mail: no ticket, no reply. Attached to the ticket it concerns, or kept in the automated log. */
        AUTOMATED,
        /** Could not be read as mail: kept in the quarantine with its raw source and the reason. */
        QUARANTINED,
        /** Already stored: nothing changed. */
        DUPLICATE
    }

    /** {@code SD-1042}, or null without a ticket. */
    public String ref() {
        return ticketId == null ? null : Ticket.ref(ticketId);
    }

    /** A short description with ids only, e.g. {@code new ticket SD-1042} or {@code quarantined (entry 7)}. */
    public String describe() {
        return switch (kind) {
            case NEW_TICKET -> "new ticket " + ref();
            case THREADED -> "added to " + ref();
            case AUTOMATED -> ticketId != null ? "automated, attached to " + ref()
                    : "automated, kept in the automated-mail log (entry " + quarantineId + ")";
            case QUARANTINED -> "quarantined (entry " + quarantineId + ")";
            case DUPLICATE -> "duplicate" + (ticketId != null ? " of a message on " + ref()
                    : quarantineId != null ? " of quarantine entry " + quarantineId : "");
        };
    }
}
