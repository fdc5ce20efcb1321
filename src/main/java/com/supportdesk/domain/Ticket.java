package com.supportdesk.domain;

import java.time.Instant;

/**
 * A ticket as one agent may see it. When {@link #redacted()} is true the store has replaced every
 * content field (subject, customer, contact) with the Official Sensitive placeholder: the agent has
 * no clearance, and only the ref, severity, status, countdown and assignee remain.
 */
public record Ticket(long id, String ref, String subject, Long customerId, String customerName, Long contactId,
                     String contactName, String contactEmail, Severity severity, SupportLevel level,
                     TicketStatus status, Classification classification, Channel channel, Instant received,
                     Instant deadline, Instant firstContactAt, ContactEvent firstContactEvent, Long assigneeId,
                     String assigneeName, boolean needsTriage, boolean needsClearedAgent, Instant resolvedAt,
                     Instant updatedAt, String updatedByName, int version, boolean redacted) {

    /** What an uncleared agent sees instead of a sensitive ticket's content. */
    public static final String PLACEHOLDER = "Official Sensitive \u2014 cleared staff only";

    public static String ref(long id) {
        return "SD-" + id;
    }

    /** Parses {@code SD-1042} or {@code 1042}; returns -1 if the text is not a ref. */
    public static long parseRef(String text) {
        if (text == null) {
            return -1;
        }
        String t = text.trim();
        if (t.regionMatches(true, 0, "SD-", 0, 3)) {
            t = t.substring(3);
        }
        if (t.isEmpty() || t.length() > 18) {
            return -1;
        }
        for (int i = 0; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return -1;
            }
        }
        return Long.parseLong(t);
    }

    public boolean sensitive() {
        return classification.isSensitive();
    }

    public boolean isOpen() {
        return status.isOpen();
    }

    /** The same ticket with every content field replaced by the placeholder. */
    public Ticket redact() {
        return new Ticket(id, ref, PLACEHOLDER, null, null, null, null, null, severity, level, status,
                classification, channel, received, deadline, firstContactAt, firstContactEvent, assigneeId,
                assigneeName, needsTriage, needsClearedAgent, resolvedAt, updatedAt, updatedByName, version, true);
    }
}
