package com.supportdesk.replies;

import com.supportdesk.domain.Placeholder;
import com.supportdesk.domain.Placeholders;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.SlaStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the composer needs to answer one ticket, read once when it opens.
 *
 * @param ticket        the ticket as the agent may read it
 * @param replies       the saved replies the agent may use on it (only those allowed for Official Sensitive tickets on
 *                      one), offered in this order: while the ticket waits for its first response, the team's
 *                      "first response" replies first; then by name
 * @param values        what each placeholder stands for on this ticket
 * @param signature     what goes below every reply: the classification line on an Official Sensitive ticket, then the
 *                      agent's signature, filled
 * @param target        the policy's first-response target for the ticket's severity
 * @param clock         the response clock under the stored policy, for the ticket's time left
 */
public record ReplyContext(Ticket ticket, List<SavedReply> replies, Map<Placeholder, String> values, String signature,
                           Duration target, ResponseClock clock) {

    public ReplyContext {
        replies = List.copyOf(replies);
        values = Map.copyOf(values);
    }

    /** The ticket's response clock at {@code now}: time left, paused, met… */
    public SlaStatus status(Instant now) {
        return clock.status(ticket.severity(), ticket.received(), ticket.firstContactAt(), now);
    }

    /** Will a reply sent now be the ticket's first customer contact (and so stop its response clock)? */
    public boolean firstContact() {
        return ticket.firstContactAt() == null;
    }

    /** The reply's text filled for this ticket, as the composer inserts it. */
    public String fill(SavedReply reply) {
        return Placeholders.fill(reply.body(), values);
    }

    /**
     * The replies that match what was typed (by name or shortcut word), best first: while the ticket waits for its
     * first response the team's "first response" replies come first, then the closer matches, then by name.
     */
    public List<SavedReply> search(String typed) {
        Comparator<SavedReply> order = Comparator.comparingInt(r -> firstContact() && r.team() && r.firstResponse() ? 0 : 1);
        order = order.thenComparingInt(r -> r.rank(typed)).thenComparing(r -> r.name().toLowerCase(Locale.ROOT))
                .thenComparing(r -> r.team() ? 0 : 1);
        return replies.stream().filter(r -> r.rank(typed) >= 0).sorted(order).toList();
    }

    /** The body as it goes out: the agent's text, a blank line, then {@link #signature()}. */
    public String withSignature(String body) {
        String text = body == null ? "" : body.stripTrailing();
        return signature.isEmpty() ? text : text + "\n\n" + signature;
    }
}
