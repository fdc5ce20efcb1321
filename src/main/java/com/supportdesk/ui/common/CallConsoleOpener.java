package com.supportdesk.ui.common;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.phone.IncomingCall;

/**
 * Opens the telephone call console ({@code ui.phone.CallConsole}, connected in {@code app.Wiring}). The board
 * calls it for "Log a call" (Ctrl+L, global) with the ticket at hand, or with none to start a new call.
 */
@FunctionalInterface
public interface CallConsoleOpener {

    /**
     * @param agent the signed-in operator or agent
     * @param ticket the ticket at hand (the call is logged on it), or null for a new call / new ticket
     */
    void open(Agent agent, Ticket ticket);

    /**
     * Opens the call console for a call a softphone reported ({@code support-desk call --from}): timer from the moment
     * of the call, caller looked up by number. Without a console that knows such calls, a plain new call.
     */
    default void openIncoming(Agent agent, IncomingCall call) {
        open(agent, null);
    }

    /** Opens the chat transcript logger: a new ticket (ticket null) or a chat on the ticket at hand. */
    default void logChat(Agent agent, Ticket ticket) {
        throw new UnsupportedOperationException("Chat logging is not installed.");
    }
}
