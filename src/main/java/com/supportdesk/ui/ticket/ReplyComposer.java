package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import javafx.stage.Window;

/**
 * Opens the e-mail reply composer for a ticket (Ctrl+R). The default is {@link ReplyComposerDialog}, which
 * sends through a {@link ReplySender}.
 */
@FunctionalInterface
public interface ReplyComposer {

    /**
     * @param onSent called on the FX thread after the reply went out (the board then reloads the ticket)
     */
    void compose(Window owner, Agent agent, Ticket ticket, Runnable onSent);
}
