package com.supportdesk.ui;

import com.supportdesk.domain.Severity;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.Icons;
import com.supportdesk.ui.common.Theme;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Desktop notifications with ControlsFX; clicking one selects its ticket. */
public final class ControlsFxNotifier implements Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(ControlsFxNotifier.class);
    private final Supplier<Window> owner;
    private final LongConsumer onClick;

    public ControlsFxNotifier(Supplier<Window> owner, LongConsumer onClick) {
        this.owner = owner;
        this.onClick = onClick;
    }

    @Override
    public void notify(Alert alert) {
        try {
            FontIcon icon = new FontIcon(Icons.severity(alert.severity()));
            icon.setIconSize(28);
            icon.setIconColor(Theme.severityColor(alert.severity()));
            Notifications n = Notifications.create()
                    .title(alert.title())
                    .text(alert.text())
                    .graphic(icon)
                    .position(Pos.BOTTOM_RIGHT)
                    .hideAfter(Duration.seconds(alert.severity() == Severity.S1 ? 20 : 10))
                    .threshold(4, Notifications.create().title("Several tickets need attention"))
                    .onAction(e -> onClick.accept(alert.ticketId()));
            Window w = owner.get();
            if (w != null && w.isShowing()) {
                n.owner(w);
            }
            n.show();
        } catch (RuntimeException e) {
            LOG.warn("Could not show a notification: {}", e.toString());
        }
    }
}
