package com.supportdesk.ui.board;

import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.sla.SlaStatus;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.Icons;
import com.supportdesk.ui.common.Styles;
import java.time.Instant;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * One ticket card: ref, severity (colour + icon + text), channel icon, subject, customer, support level,
 * assignee and the live countdown. Built once per list cell and refilled as the cell is reused; a tick only
 * recomputes the countdown label. Official Sensitive placeholders render as a distinct hatched card.
 */
final class TicketCard extends VBox {


    private final Label ref = new Label();
    private final Label severity = new Label();
    private final FontIcon severityIcon = new FontIcon();
    private final FontIcon channelIcon = new FontIcon();
    private final Label sensitiveTag = new Label(null, Icons.icon(MaterialDesignS.SHIELD_LOCK_OUTLINE, Styles.SHIELD));
    private final Label subject = new Label();
    private final Label customer = new Label();
    private final Label meta = new Label();
    private final Label level = new Label();
    private final Label countdown = new Label();
    private final FontIcon countdownIcon = new FontIcon(MaterialDesignT.TIMER_OUTLINE);
    private final FontIcon lock = Icons.icon(MaterialDesignL.LOCK, Styles.LOCK);
    private final Tooltip channelTip = new Tooltip();

    private Ticket ticket;
    private String sevClass;
    private Countdown.Tone tone;
    private String lastText;

    TicketCard() {
        getStyleClass().add(Styles.TICKET_CARD);
        ref.getStyleClass().add(Styles.CARD_REF);
        severity.getStyleClass().add(Styles.SEVERITY_BADGE);
        severity.setGraphic(severityIcon);
        channelIcon.getStyleClass().add(Styles.CARD_CHANNEL);
        Label channel = new Label(null, channelIcon);
        Tooltip.install(channel, channelTip);
        sensitiveTag.getStyleClass().add(Styles.SENSITIVE_TAG);
        sensitiveTag.setTooltip(new Tooltip("OFFICIAL-SENSITIVE: cleared staff only; opening it is audited"));
        sensitiveTag.setManaged(false);
        sensitiveTag.setVisible(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        level.getStyleClass().add(Styles.CARD_LEVEL);
        level.setMinWidth(Region.USE_PREF_SIZE);
        HBox top = new HBox(6, severity, ref, sensitiveTag, spacer, channel);
        top.setAlignment(Pos.CENTER_LEFT);

        subject.getStyleClass().add(Styles.CARD_SUBJECT);
        subject.setTextOverrun(OverrunStyle.ELLIPSIS);
        subject.setMaxWidth(Double.MAX_VALUE);
        subject.setMinWidth(0);
        HBox.setHgrow(subject, Priority.ALWAYS);
        setMinWidth(0);
        setMaxWidth(Double.MAX_VALUE);
        // a narrow card shortens the severity's words ("S1 Crit…"; its colour and icon stay) before it cuts off the
        // channel icon or the ref
        ref.setMinWidth(Region.USE_PREF_SIZE);
        channel.setMinWidth(Region.USE_PREF_SIZE);
        severity.setMinWidth(0);
        severity.setTextOverrun(OverrunStyle.ELLIPSIS);
        lock.setVisible(false);
        lock.setManaged(false);
        HBox subjectRow = new HBox(4, lock, subject);
        HBox.setHgrow(customer, Priority.ALWAYS);
        HBox customerRow = new HBox(5, level, customer);
        customerRow.setAlignment(Pos.CENTER_LEFT);
        subjectRow.setAlignment(Pos.CENTER_LEFT);

        customer.getStyleClass().add(Styles.CARD_CUSTOMER);
        customer.setTextOverrun(OverrunStyle.ELLIPSIS);
        customer.setMinWidth(0);
        customer.setMaxWidth(Double.MAX_VALUE);
        meta.getStyleClass().add(Styles.CARD_META);
        meta.setTextOverrun(OverrunStyle.ELLIPSIS);
        meta.setMinWidth(0);
        countdown.getStyleClass().add(Styles.COUNTDOWN);
        countdown.setGraphic(countdownIcon);
        countdown.setMinWidth(Region.USE_PREF_SIZE);
        countdown.getStyleClass().add(Styles.CARD_COUNTDOWN);
        HBox.setHgrow(meta, Priority.ALWAYS);
        meta.setMaxWidth(Double.MAX_VALUE);
        meta.setAlignment(Pos.CENTER_RIGHT);
        HBox bottom = new HBox(6, countdown, meta);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(top, subjectRow, customerRow, bottom);
    }

    void show(Ticket t, ResponseClock clock, Countdown fmt, Instant now) {
        this.ticket = t;
        ref.setText(t.ref());
        String sc = Styles.severity(t.severity());
        if (!sc.equals(sevClass)) {
            if (sevClass != null) {
                getStyleClass().remove(sevClass);
                severity.getStyleClass().remove(sevClass);
            }
            getStyleClass().add(sc);
            severity.getStyleClass().add(sc);
            sevClass = sc;
        }
        severity.setText(Countdown.severityText(t.severity()));
        severityIcon.setIconCode(Icons.severity(t.severity()));
        channelIcon.setIconCode(Icons.channel(t.channel()));
        channelTip.setText(Icons.channelText(t.channel()));
        boolean placeholder = t.redacted();
        getStyleClass().remove(Styles.PLACEHOLDER_CARD);
        if (placeholder) {
            getStyleClass().add(Styles.PLACEHOLDER_CARD);
        }
        lock.setVisible(placeholder);
        lock.setManaged(placeholder);
        boolean tag = t.sensitive() && !placeholder;
        sensitiveTag.setVisible(tag);
        sensitiveTag.setManaged(tag);
        subject.setText(t.subject());
        customer.setText(placeholder ? (t.assigneeName() == null ? "Unassigned" : t.assigneeName()) + " \u00b7 cannot be opened"
                : t.customerName() == null ? "No customer yet" : t.customerName()
                        + (t.contactName() == null ? "" : " \u00b7 " + t.contactName()));
        level.setText("L" + t.level().number());
        meta.setText((t.assigneeName() == null ? "Unassigned" : t.assigneeName())
                + (t.needsClearedAgent() ? " \u00b7 needs a cleared agent" : ""));
        lastText = null;
        tick(clock, fmt, now);
    }

    /** Recomputes only the countdown text and colour. */
    void tick(ResponseClock clock, Countdown fmt, Instant now) {
        if (ticket == null) {
            return;
        }
        SlaStatus s = Countdown.status(clock, ticket, now);
        String text = fmt.text(s, now);
        if (!text.equals(lastText)) {
            countdown.setText(text);
            lastText = text;
        }
        Countdown.Tone tn = Countdown.Tone.of(s.state());
        if (tn != tone) {
            if (tone != null) {
                countdown.getStyleClass().remove(tone.styleClass());
            }
            countdown.getStyleClass().add(tn.styleClass());
            countdownIcon.setIconCode(switch (tn) {
                case PAUSED -> MaterialDesignP.PAUSE_CIRCLE_OUTLINE;
                case AT_RISK -> MaterialDesignA.ALERT_OUTLINE;
                case OVERDUE -> MaterialDesignA.ALARM;
                case MET -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
                case MISSED -> MaterialDesignC.CLOSE_CIRCLE_OUTLINE;
                default -> MaterialDesignT.TIMER_OUTLINE;
            });
            tone = tn;
        }
    }

    Ticket ticket() {
        return ticket;
    }

    String countdownText() {
        return countdown.getText();
    }
}
