package com.supportdesk.ui.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.mail.IntakeOutcome;
import com.supportdesk.mail.QuarantineService;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.MailboxRepository.QuarantineEntry;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The quarantine screen's state (admins): unreadable mail, and with "show automated mail" the automated-mail log.
 * Retry, make ticket anyway, save raw source and dismiss run in the background; the outcome is one plain line in
 * {@link #statusProperty()}. Never touches a Node.
 */
public final class QuarantineViewModel {

    /** One table row, already formatted for display. */
    public record Row(QuarantineEntry entry, String when, String from, String subject, String reason, String size,
                      String state) {
        public long id() {
            return entry.id();
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK);

    private final QuarantineService service;
    private final Agent admin;
    private final ZoneId zone;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty showAutomated = new SimpleBooleanProperty(this, "showAutomated");
    private final BooleanProperty showResolved = new SimpleBooleanProperty(this, "showResolved");
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final BackgroundWork work;
    private final BooleanBinding canRetry;
    private final BooleanBinding canAct;

    public QuarantineViewModel(QuarantineService service, Agent admin, ZoneId zone, Executor background, Executor ui) {
        this.service = Objects.requireNonNull(service, "service");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.work = new BackgroundWork(this, background, ui);
        canAct = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().entry().open() && !work.busy(),
                selected, work.busyProperty());
        canRetry = Bindings.createBooleanBinding(() -> canAct.get()
                && selected.get().entry().category() == QuarantineCategory.UNREADABLE, canAct, selected);
        showAutomated.addListener((o, a, b) -> refresh());
        showResolved.addListener((o, a, b) -> refresh());
    }

    /** Reloads the list (in the background). */
    public void refresh() {
        QuarantineCategory category = showAutomated.get() ? QuarantineCategory.AUTOMATED : QuarantineCategory.UNREADABLE;
        boolean resolved = showResolved.get();
        work.run(null, () -> service.list(admin, category, resolved), entries -> {
            Long keep = selected.get() == null ? null : selected.get().id();
            rows.setAll(entries.stream().map(this::row).toList());
            selected.set(rows.stream().filter(r -> keep != null && r.id() == keep).findFirst().orElse(null));
            if (work.status().isEmpty() || work.status().startsWith("Nothing")) {
                work.status(rows.isEmpty() ? "Nothing here." : "");
            }
        });
    }

    /** Reads the selected unreadable message again through the intake. */
    public void retry() {
        Row r = selected.get();
        if (r == null || !canRetry.get()) {
            return;
        }
        work.run("Reading message " + r.id() + " again…", () -> service.retry(admin, r.id()), outcome -> {
            work.status(outcome.kind() == IntakeOutcome.Kind.QUARANTINED
                    ? "Message " + r.id() + " still cannot be read; it stays here."
                    : "Message " + r.id() + ": " + outcome.describe() + ".");
            refresh();
        });
    }

    /** Opens a ticket from the selected entry whatever it is. */
    public void makeTicket() {
        Row r = selected.get();
        if (r == null || !canAct.get()) {
            return;
        }
        work.run("Making a ticket from message " + r.id() + "…", () -> service.makeTicket(admin, r.id()), ticketId -> {
            work.status("Ticket " + Ticket.ref(ticketId) + " made from message " + r.id() + ".");
            refresh();
        });
    }

    /** Marks the selected entry dealt with (the raw source is kept). */
    public void dismiss() {
        Row r = selected.get();
        if (r == null || !canAct.get()) {
            return;
        }
        work.run(null, () -> {
            service.dismiss(admin, r.id());
            return r.id();
        }, id -> {
            work.status("Message " + id + " dismissed.");
            refresh();
        });
    }

    /** Writes the selected entry's raw source to {@code target}. */
    public void saveRawSource(Path target) {
        Row r = selected.get();
        if (r == null || target == null) {
            return;
        }
        work.run("Saving…", () -> service.saveRawSource(admin, r.id(), target),
                bytes -> work.status("Saved " + size(bytes) + " to " + target + "."));
    }

    /** A file name to suggest for the raw source. */
    public String suggestedFileName() {
        Row r = selected.get();
        return r == null ? "message.eml" : "quarantined-" + r.id() + ".eml";
    }

    private Row row(QuarantineEntry e) {
        return new Row(e, WHEN.format(e.received().atZone(zone)), e.sender() == null ? "" : e.sender(),
                e.subject() == null ? "" : e.subject(), e.reason(), size(e.rawSize()),
                e.open() ? "open" : e.resolution());
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
        }
        return bytes >= 1024 ? (bytes / 1024) + " KB" : bytes + " B";
    }

    public ObservableList<Row> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    /** The current rows (for tests). */
    public List<Row> rowsNow() {
        return List.copyOf(rows);
    }

    public BooleanProperty showAutomatedProperty() {
        return showAutomated;
    }

    public BooleanProperty showResolvedProperty() {
        return showResolved;
    }

    public ObjectProperty<Row> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty statusProperty() {
        return work.statusProperty();
    }

    public String status() {
        return work.status();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }

    public BooleanBinding canRetryBinding() {
        return canRetry;
    }

    public BooleanBinding canActBinding() {
        return canAct;
    }
}
