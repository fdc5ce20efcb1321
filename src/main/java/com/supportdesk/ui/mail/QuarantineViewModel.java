package com.supportdesk.ui.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.mail.IntakeOutcome;
import com.supportdesk.mail.QuarantineService;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.MailboxRepository.QuarantineEntry;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.DialogService.FileType;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskState;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
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
    private final DialogService dialogs;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty showAutomated = new SimpleBooleanProperty(this, "showAutomated");
    private final BooleanProperty showResolved = new SimpleBooleanProperty(this, "showResolved");
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final TaskState work = TaskState.oneLine(this);
    private final TaskExecutor executor;
    private final BooleanBinding canRetry;
    private final BooleanBinding canAct;

    public QuarantineViewModel(QuarantineService service, Agent admin, ZoneId zone, TaskExecutor executor,
                               DialogService dialogs) {
        this.service = Objects.requireNonNull(service, "service");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.executor = Objects.requireNonNull(executor, "executor");
        canAct = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().entry().open() && !work.isBusy(),
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
        BackgroundTask.wrap(() -> service.list(admin, category, resolved)).trackedBy(work).onSuccess(entries -> {
            Long keep = selected.get() == null ? null : selected.get().id();
            rows.setAll(entries.stream().map(this::row).toList());
            selected.set(rows.stream().filter(r -> keep != null && r.id() == keep).findFirst().orElse(null));
            if (work.getStatus().isEmpty() || work.getStatus().startsWith("Nothing")) {
                work.setStatus(rows.isEmpty() ? "Nothing here." : "");
            }
        }).executeWith(executor);
    }

    /** Reads the selected unreadable message again through the intake. */
    public void retry() {
        Row r = selected.get();
        if (r == null || !canRetry.get()) {
            return;
        }
        BackgroundTask.wrap(() -> service.retry(admin, r.id())).trackedBy(work)
                .withStatus("Reading message " + r.id() + " again…").onSuccess(outcome -> {
                    work.setStatus(outcome.kind() == IntakeOutcome.Kind.QUARANTINED
                            ? "Message " + r.id() + " still cannot be read; it stays here."
                            : "Message " + r.id() + ": " + outcome.describe() + ".");
                    refresh();
                }).executeWith(executor);
    }

    /** Opens a ticket from the selected entry whatever it is. */
    public void makeTicket() {
        Row r = selected.get();
        if (r == null || !canAct.get()) {
            return;
        }
        BackgroundTask.wrap(() -> service.makeTicket(admin, r.id())).trackedBy(work)
                .withStatus("Making a ticket from message " + r.id() + "…").onSuccess(ticketId -> {
                    work.setStatus("Ticket " + Ticket.ref(ticketId) + " made from message " + r.id() + ".");
                    refresh();
                }).executeWith(executor);
    }

    /** Marks the selected entry dealt with (the raw source is kept). */
    public void dismiss() {
        Row r = selected.get();
        if (r == null || !canAct.get()) {
            return;
        }
        BackgroundTask.wrap(() -> service.dismiss(admin, r.id())).trackedBy(work).onSuccess(v -> {
            work.setStatus("Message " + r.id() + " dismissed.");
            refresh();
        }).executeWith(executor);
    }

    /** Asks where to save the selected entry's raw source (Ctrl+S), then writes it there. */
    public void saveRawSource() {
        if (selected.get() == null) {
            return;
        }
        dialogs.askSaveLocation("Save raw source", suggestedFileName(), FileType.of("E-mail message (*.eml)", "*.eml"))
                .ifPresent(this::saveRawSource);
    }

    /** Writes the selected entry's raw source to {@code target}. */
    public void saveRawSource(Path target) {
        Row r = selected.get();
        if (r == null || target == null) {
            return;
        }
        BackgroundTask.wrap(() -> service.saveRawSource(admin, r.id(), target)).trackedBy(work).withStatus("Saving…")
                .onSuccess(bytes -> work.setStatus("Saved " + size(bytes) + " to " + target + ".")).executeWith(executor);
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
        return work.getStatus();
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
