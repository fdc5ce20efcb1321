package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;

/**
 * Sends an agent's e-mail reply to the customer ({@code app.Wiring} sends it over SMTP with the mail channel's
 * {@code ReplyService}, which records the customer contact so the response clock stops). Called on a background
 * thread; throw with a plain-language message to keep the composer open with the text.
 */
@FunctionalInterface
public interface ReplySender {

    /** What the agent wrote. */
    record Draft(String to, String subject, String body) {
    }

    void send(Agent agent, Ticket ticket, Draft draft) throws Exception;

    /** Sends nothing and tells the agent so: used while no mail channel is open, and by tests. */
    ReplySender NOT_CONFIGURED = (agent, ticket, draft) -> {
        throw new IllegalStateException("E-mail sending is not configured yet, so the reply was not sent. Your text is"
                + " still here; copy it or log a call instead.");
    };
}
