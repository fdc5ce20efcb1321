package com.supportdesk.ui.common;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;

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

    /** Opens the chat transcript logger: a new ticket (ticket null) or a chat on the ticket at hand. */
    default void logChat(Agent agent, Ticket ticket) {
        throw new UnsupportedOperationException("Chat logging is not installed.");
    }
}
