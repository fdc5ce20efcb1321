package com.supportdesk.ui;

import com.supportdesk.ui.board.Notifier;

/**
 * The operating system's side of the desk's alerts: its notification centre (a toast or balloon from the tray icon on
 * Windows, Notification Center on macOS, libnotify or the tray on Linux), a request for attention on the taskbar or
 * dock, and a tray or menu-bar icon showing how many tickets are at risk. Implemented with {@code java.awt} in the
 * app's wiring ({@code app.AwtSystemAlerts}); {@link #NONE} where the OS offers nothing (and in headless tests), so the
 * desk shows its alerts in its own window instead ({@link AlertRouter}).
 */
public interface SystemAlerts extends AutoCloseable {

    /** True when alerts reach the OS notification centre. */
    boolean available();

    /**
     * Shows an alert in the OS notification centre. It has already been made fit to leave the desk
     * ({@link Notifier.Alert#outsideTheDesk()}). {@code onClick} runs on the FX thread when the person clicks it, where
     * the OS reports that.
     */
    void show(Notifier.Alert alert, Runnable onClick);

    /** Asks for the person's attention (the dock icon bounces; the taskbar button flashes), where the OS can. */
    void requestAttention();

    /** The tray or menu-bar icon (and the dock badge on macOS): {@code count} tickets at risk, {@code tooltip} says so. */
    void atRisk(int count, String tooltip);

    /** Removes the tray icon. */
    @Override
    default void close() {
    }

    /** No OS integration: every alert is shown in the desk's window. */
    SystemAlerts NONE = new SystemAlerts() {
        @Override
        public boolean available() {
            return false;
        }

        @Override
        public void show(Notifier.Alert alert, Runnable onClick) {
        }

        @Override
        public void requestAttention() {
        }

        @Override
        public void atRisk(int count, String tooltip) {
        }
    };
}
