package com.supportdesk.domain;

import java.time.Instant;

/** One entry of a ticket's history. */
public record TicketEvent(long id, long ticketId, Instant at, Long agentId, String agentName, EventKind kind,
                          String detail) {
}
