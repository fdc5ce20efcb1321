package com.supportdesk.ui.board;

import com.supportdesk.domain.Severity;

/**
 * Desktop notifications. The production implementation shows ControlsFX notifications; tests record them.
 * Texts are built from tickets as the agent may see them, so a sensitive ticket is never named for an
 * uncleared agent.
 */
@FunctionalInterface
public interface Notifier {

    record Alert(long ticketId, Severity severity, String title, String text) {
    }

    void notify(Alert alert);

    Notifier NONE = a -> { };
}
