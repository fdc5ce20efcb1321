package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;

/**
 * Sends an agent's e-mail reply to the customer (issue 4 implements it over SMTP; sending must record the
 * customer contact so the response clock stops). Called on a background thread; throw with a plain-language
 * message to keep the composer open with the text.
 */
@FunctionalInterface
public interface ReplySender {

    /** What the agent wrote. */
    record Draft(String to, String subject, String body) {
    }

    void send(Agent agent, Ticket ticket, Draft draft) throws Exception;

    /** The default until the mail engineer wires SMTP: nothing is sent, and the agent is told so. */
    ReplySender NOT_CONFIGURED = (agent, ticket, draft) -> {
        throw new IllegalStateException("E-mail sending is not configured yet, so the reply was not sent. Your text is"
                + " still here; copy it or log a call instead.");
    };
}
