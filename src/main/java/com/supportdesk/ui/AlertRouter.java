package com.supportdesk.ui;

import com.supportdesk.ui.board.Notifier;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Where the desk's alerts (a new S1; 50, 75 and 90 % of a response target) go: to the OS notification centre when it
 * has one ({@link SystemAlerts}), asking for attention on the taskbar or dock when the desk is not the window in
 * front; otherwise to popups in the desk's own window. Either way a click brings the desk forward with the ticket
 * selected.
 *
 * <p>Redaction: the alerts are built from tickets as the agent may see them (an uncleared agent only ever has the
 * placeholder of an Official Sensitive ticket). What leaves the desk's window goes further: the OS notification
 * centre keeps a history and may show on a locked screen, so there a sensitive ticket is named by its ref and the
 * placeholder only, for cleared staff too ({@link Notifier.Alert#outsideTheDesk()}).
 */
public final class AlertRouter implements Notifier {

    private final SystemAlerts os;
    private final Notifier inWindow;
    private final LongConsumer select;
    private final BooleanSupplier deskInFront;

    /**
     * @param os          the OS notification centre, or {@link SystemAlerts#NONE}
     * @param inWindow    popups in the desk's own window
     * @param select      brings the desk forward and selects the ticket (FX thread)
     * @param deskInFront true while the desk's window has the focus
     */
    public AlertRouter(SystemAlerts os, Notifier inWindow, LongConsumer select, BooleanSupplier deskInFront) {
        this.os = os;
        this.inWindow = inWindow;
        this.select = select;
        this.deskInFront = deskInFront;
    }

    @Override
    public void notify(Alert alert) {
        if (!os.available()) {
            inWindow.notify(alert);
            return;
        }
        os.show(alert.outsideTheDesk(), () -> select.accept(alert.ticketId()));
        if (!deskInFront.getAsBoolean()) {
            os.requestAttention();
        }
    }

    /** The tray or menu-bar icon: how many of the agent's tickets are at risk. */
    public void atRisk(int count) {
        os.atRisk(count, tooltip(count));
    }

    /** "Support Desk — 3 tickets at risk". */
    static String tooltip(int count) {
        return MainWindow.TITLE + " \u2014 " + (count == 0 ? "no tickets at risk"
                : count == 1 ? "1 ticket at risk" : count + " tickets at risk");
    }
}
