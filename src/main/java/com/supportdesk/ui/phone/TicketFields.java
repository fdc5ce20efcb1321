package com.supportdesk.ui.phone;

import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.phone.Markings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The fields of a ticket opened from a call or a chat: subject, severity (no default: the operator
 * decides), support level and the OFFICIAL-SENSITIVE mark, which the customer's marking in the subject
 * ticks by itself (never unticks).
 */
public final class TicketFields {

    private final StringProperty subject = new SimpleStringProperty(this, "subject", "");
    private final ObjectProperty<Severity> severity = new SimpleObjectProperty<>(this, "severity");
    private final ObjectProperty<SupportLevel> level = new SimpleObjectProperty<>(this, "level", SupportLevel.L1);
    private final BooleanProperty sensitive = new SimpleBooleanProperty(this, "sensitive", false);

    TicketFields(Runnable onChange) {
        subject.addListener((obs, old, now) -> {
            if (Markings.marksSensitive(now)) {
                sensitive.set(true);
            }
            onChange.run();
        });
        severity.addListener((obs, old, now) -> onChange.run());
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    public ObjectProperty<Severity> severityProperty() {
        return severity;
    }

    public ObjectProperty<SupportLevel> levelProperty() {
        return level;
    }

    public BooleanProperty sensitiveProperty() {
        return sensitive;
    }
}
