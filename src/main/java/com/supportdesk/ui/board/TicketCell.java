package com.supportdesk.ui.board;

import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.Ticker;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ListCell;

/**
 * A list cell holding one reusable {@link TicketCard}. Each cell (not each ticket) observes the shared
 * {@link Ticker}; only cells that exist — the visible ones, the list is virtualized — recompute a text.
 */
final class TicketCell extends ListCell<Ticket> {

    private final TicketCard card = new TicketCard();
    private final Ticker ticker;
    private final ResponseClock clock;
    private final Countdown fmt;
    private final InvalidationListener onTick;

    TicketCell(Ticker ticker, ResponseClock clock, Countdown fmt) {
        this.ticker = ticker;
        this.clock = clock;
        this.fmt = fmt;
        this.onTick = o -> {
            if (!isEmpty() && getItem() != null) {
                card.tick(clock, fmt, ticker.now());
            }
        };
        ticker.nowSecondProperty().addListener(new WeakInvalidationListener(onTick));
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        getStyleClass().add(Styles.TICKET_CELL);
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(Ticket t, boolean empty) {
        super.updateItem(t, empty);
        if (empty || t == null) {
            setGraphic(null);
            setAccessibleText(null);
            getProperties().remove("ticketId");
        } else {
            card.show(t, clock, fmt, ticker.now());
            setGraphic(card);
            getProperties().put("ticketId", t.id());
            setAccessibleText(t.ref() + ", " + t.subject() + ", " + card.countdownText());
        }
    }

    TicketCard card() {
        return card;
    }
}
