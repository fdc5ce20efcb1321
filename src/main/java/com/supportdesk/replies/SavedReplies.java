package com.supportdesk.replies;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Placeholder;
import com.supportdesk.domain.Placeholders;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.ResponsePolicy;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.util.List;
import java.util.Map;

/**
 * Saved replies and signatures for the ticket at hand: what the composer offers and inserts, and what
 * {@code support-desk template render} prints. The ticket is read as the agent may read it, through the store's
 * filtered reads (a cleared agent's read of an Official Sensitive ticket is audited; an uncleared agent gets nothing
 * of one), and on an Official Sensitive ticket only replies marked for such tickets may be used.
 */
public final class SavedReplies {

    /** The line the policy requires above the signature of every reply on an Official Sensitive ticket. */
    public static final String CLASSIFICATION_LINE = "OFFICIAL-SENSITIVE";
    /** The signature of an agent who has not saved one. */
    public static final String DEFAULT_SIGNATURE = "Kind regards,\n" + Placeholder.AGENT_NAME.token();
    /** The access audit's name for reads made to answer a ticket. */
    public static final String VIEW_REPLY = "reply";

    private final Store store;

    public SavedReplies(Store store) {
        this.store = store;
    }

    public Store store() {
        return store;
    }

    /**
     * What the agent needs to answer the ticket: the ticket, the replies they may use on it in the order they are
     * offered, the placeholder values, the signature block and the response target. Refused for an Official Sensitive
     * ticket and an agent without clearance.
     *
     * @param view what the access audit records for a cleared agent's read of a sensitive ticket
     */
    public ReplyContext context(Agent agent, long ticketId, String view) {
        if (agent == null || agent == AccessPolicy.NOBODY) {
            throw new StoreException.AccessDenied("Sign in to answer tickets.");
        }
        return store.database().inTx(tx -> {
            Ticket t = store.tickets().read(tx, agent, ticketId, view);
            if (t.redacted()) {
                throw new StoreException.AccessDenied(t.ref() + " is " + Ticket.PLACEHOLDER + ".");
            }
            ResponseClock clock = store.policy().clock();
            PolicyVersion policy = clock.policy().versionAt(t.received());
            Map<Placeholder, String> values = ReplyValues.of(t, agent, policy);
            List<SavedReply> usable = store.savedReplies().list(agent).stream()
                    .filter(r -> r.usableOn(t.classification())).toList();
            String own = store.savedReplies().signature(agent).orElse(DEFAULT_SIGNATURE);
            ReplyContext first = new ReplyContext(t, usable, values, signatureBlock(Placeholders.fill(own, values),
                    t.sensitive()), policy.targets().of(t.severity()), clock);
            return new ReplyContext(t, first.search(""), values, first.signature(), first.target(), clock);
        });
    }

    /**
     * The saved reply (by name or shortcut word, the agent's own before the team's) filled for the ticket, exactly as
     * the composer inserts it. Refused when there is no such reply, when the ticket is Official Sensitive and the reply
     * is not marked for such tickets, and for a sensitive ticket and an agent without clearance.
     */
    public String render(Agent agent, String name, long ticketId, String view) {
        ReplyContext ctx = context(agent, ticketId, view);
        SavedReply reply = store.savedReplies().require(agent, name);
        if (!reply.usableOn(ctx.ticket().classification())) {
            throw new StoreException.AccessDenied("The reply \u201c" + reply.name() + "\u201d is not marked for Official"
                    + " Sensitive tickets, and " + ctx.ticket().ref() + " is one.");
        }
        return ctx.fill(reply);
    }

    /**
     * The context of a composer with no store behind it (no mail channel yet, tests): no saved replies, the default
     * signature, the standard policy.
     */
    public static ReplyContext withoutStore(Agent agent, Ticket ticket) {
        ResponseClock clock = new ResponseClock(ResponsePolicy.standard());
        PolicyVersion policy = clock.policy().versionAt(ticket.received());
        Map<Placeholder, String> values = ReplyValues.of(ticket, agent, policy);
        return new ReplyContext(ticket, List.of(), values, signatureBlock(Placeholders.fill(DEFAULT_SIGNATURE, values),
                ticket.sensitive()), policy.targets().of(ticket.severity()), clock);
    }

    /** The agent's signature as saved, with its placeholders, or {@link #DEFAULT_SIGNATURE}. */
    public String signature(Agent agent) {
        return store.savedReplies().signature(agent).orElse(DEFAULT_SIGNATURE);
    }

    /** The block below a reply: the classification line on an Official Sensitive ticket, then the filled signature. */
    public static String signatureBlock(String filledSignature, boolean sensitive) {
        String sig = filledSignature == null ? "" : filledSignature.strip();
        if (!sensitive) {
            return sig;
        }
        return sig.isEmpty() ? CLASSIFICATION_LINE : CLASSIFICATION_LINE + "\n" + sig;
    }
}
