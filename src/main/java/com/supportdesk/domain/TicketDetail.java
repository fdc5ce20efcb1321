package com.supportdesk.domain;

import java.util.List;

/** Everything about one ticket: only ever built for an agent allowed to read it. */
public record TicketDetail(Ticket ticket, List<Message> messages, List<CallRecord> calls,
                           List<TicketEvent> history) {
}
