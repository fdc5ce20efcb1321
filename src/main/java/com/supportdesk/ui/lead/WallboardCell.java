package com.supportdesk.ui.lead;

import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.SlaStatus;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.Icons;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.Ticker;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.value.ObservableDoubleValue;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * One ticket on the wallboard: severity (colour, icon, text), ref, subject (or the placeholder), and the live
 * countdown. Like the board's cells, each cell — not each ticket — observes the shared ticker and recomputes only
 * its own countdown text. {@code compact} rows (the side panels) leave out the customer line.
 */
final class WallboardCell extends ListCell<Ticket> {

    private final WallboardViewModel vm;
    private final Ticker ticker;
    private final Countdown fmt;
    private final boolean compact;
    private final Label severity = new Label();
    private final FontIcon severityIcon = new FontIcon();
    private final Label ref = new Label();
    private final Label subject = new Label();
    private final Label meta = new Label();
    private final Label countdown = new Label();
    private final FontIcon lock = new FontIcon(MaterialDesignS.SHIELD_LOCK);
    private final HBox row;
    private final InvalidationListener onTick;
    private String tone;

    WallboardCell(WallboardViewModel vm, Ticker ticker, Countdown fmt, boolean compact,
                  ObservableDoubleValue fontSize) {
        this.vm = vm;
        this.ticker = ticker;
        this.fmt = fmt;
        this.compact = compact;
        getStyleClass().add(compact ? Styles.WALL_CELL_COMPACT : Styles.WALL_CELL);
        severity.getStyleClass().add(Styles.WALL_SEVERITY);
        severity.setGraphic(severityIcon);
        severity.setMinWidth(Region.USE_PREF_SIZE);
        ref.getStyleClass().add(Styles.WALL_REF);
        ref.setMinWidth(Region.USE_PREF_SIZE);
        subject.getStyleClass().add(Styles.WALL_SUBJECT);
        subject.setTextOverrun(OverrunStyle.ELLIPSIS);
        subject.setMaxWidth(Double.MAX_VALUE);
        subject.setMinWidth(0);
        meta.getStyleClass().add(Styles.WALL_META);
        meta.setMinWidth(0);
        countdown.getStyleClass().add(Styles.WALL_COUNTDOWN);
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        lock.getStyleClass().add(Styles.WALL_LOCK);
        IntegerBinding iconSize = Bindings.createIntegerBinding(
                () -> (int) Math.round(fontSize.get() * (compact ? 1.0 : 1.1)), fontSize);
        severityIcon.iconSizeProperty().bind(iconSize);
        lock.iconSizeProperty().bind(iconSize);
        VBox text = compact ? null : new VBox(subject, meta);
        if (text != null) {
            text.getStyleClass().add(Styles.WALL_TEXT);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
        } else {
            HBox.setHgrow(subject, Priority.ALWAYS);
        }
        row = compact ? new HBox(severity, ref, subject, countdown) : new HBox(severity, ref, text, countdown);
        row.getStyleClass().add(Styles.WALL_ROW);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setMinWidth(0);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setPrefWidth(0);
        onTick = o -> {
            if (!isEmpty() && getItem() != null) {
                tick(getItem());
            }
        };
        ticker.nowSecondProperty().addListener(new WeakInvalidationListener(onTick));
    }

    @Override
    protected void updateItem(Ticket t, boolean empty) {
        super.updateItem(t, empty);
        if (empty || t == null) {
            setGraphic(null);
            getProperties().remove("ticketId");
            setAccessibleText(null);
            return;
        }
        Severity s = t.severity();
        severity.setText(s.name());
        severityIcon.setIconCode(Icons.severity(s));
        severity.getStyleClass().removeIf(Styles::isSeverity);
        severity.getStyleClass().add(Styles.severity(s));
        ref.setText(t.ref());
        boolean hidden = vm.hidden(t);
        subject.setText(vm.subject(t));
        subject.setGraphic(hidden ? lock : null);
        row.getStyleClass().remove(Styles.WALL_PLACEHOLDER);
        if (hidden) {
            row.getStyleClass().add(Styles.WALL_PLACEHOLDER);
        }
        if (!compact) {
            String customer = vm.customer(t);
            String who = t.assigneeName() == null ? "Unassigned" : t.assigneeName();
            String flag = WallboardViewModel.attentionText(t);
            meta.setText((customer.isEmpty() ? "" : customer + "  \u00b7  ") + who + (flag.isEmpty() ? "" : "  \u00b7  " + flag));
        }
        getProperties().put("ticketId", t.id());
        tick(t);
        setGraphic(row);
        setAccessibleText(t.ref() + ", " + Countdown.severityText(s) + ", " + vm.subject(t) + ", " + countdown.getText());
    }

    /** The side panels' short form: "42m left" (also while paused), "1h 12m late", "met in 42m". */
    private String shortText(SlaStatus st) {
        return switch (st.state()) {
            case RUNNING, AT_RISK, PAUSED -> Countdown.hm(Math.max(0, st.remainingSeconds())) + " left";
            case OVERDUE -> st.remainingSeconds() >= 0 ? "due " + fmt.when(st.deadline(), ticker.now())
                    : Countdown.hm(-st.remainingSeconds()) + " late";
            default -> fmt.text(st, ticker.now());
        };
    }

    private void tick(Ticket t) {
        SlaStatus st = Countdown.status(vm.responseClock(), t, ticker.now());
        countdown.setText(compact ? shortText(st) : fmt.text(st, ticker.now()));
        String next = Countdown.Tone.of(st.state()).styleClass();
        if (!next.equals(tone)) {
            if (tone != null) {
                countdown.getStyleClass().remove(tone);
            }
            countdown.getStyleClass().add(next);
            tone = next;
        }
    }
}
