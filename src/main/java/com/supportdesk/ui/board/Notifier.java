package com.supportdesk.ui.board;

import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;

/**
 * Desktop notifications. The production implementation sends them to the OS notification centre, or shows them in
 * the desk's own window where the OS offers nothing ({@code ui.AlertRouter}); tests record them. Texts are built from
 * tickets as the agent may see them, so a sensitive ticket is never named for an uncleared agent.
 */
@FunctionalInterface
public interface Notifier {

    /**
     * One alert about a ticket.
     *
     * @param title     what happened, naming the ticket by ref only ("SD-1042 at 75 % of its response time")
     * @param status    severity, time left, assignment — never the ticket's content; may be empty
     * @param content   the ticket's subject and customer as the agent may see them (the placeholder for a sensitive
     *                  ticket and no clearance); may be empty
     * @param sensitive the ticket is OFFICIAL-SENSITIVE: outside the desk's own window (the OS notification centre,
     *                  which keeps a history and may show on a locked screen) its content is never shown
     */
    record Alert(long ticketId, Severity severity, boolean sensitive, String title, String status, String content) {

        public Alert {
            status = status == null ? "" : status;
            content = content == null ? "" : content;
        }

        /** The body as shown: the status line, then the content. */
        public String text() {
            return status.isEmpty() ? content : content.isEmpty() ? status : status + "\n" + content;
        }

        /**
         * The alert as it may leave the desk's window: a sensitive ticket's content is the placeholder, for cleared
         * staff too.
         */
        public Alert outsideTheDesk() {
            return sensitive ? new Alert(ticketId, severity, true, title, status, Ticket.PLACEHOLDER) : this;
        }
    }

    void notify(Alert alert);

    Notifier NONE = a -> { };
}
