package com.supportdesk.ui.common;

import com.supportdesk.domain.Ticket;
import java.util.Comparator;

/** How tickets are ordered on screen: the board's columns and the wallboard share these. */
public final class TicketOrder {

    /** Most urgent first: unanswered before answered, then by deadline (= least business time left). */
    public static final Comparator<Ticket> URGENCY = Comparator
            .comparing((Ticket t) -> t.firstContactAt() != null)
            .thenComparing(Ticket::deadline)
            .thenComparing(Ticket::severity)
            .thenComparingLong(Ticket::id);

    /** The resolved column: most recently resolved first. */
    public static final Comparator<Ticket> RECENTLY_RESOLVED = Comparator
            .comparing(Ticket::resolvedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingLong(Ticket::id);

    private TicketOrder() {
    }
}
