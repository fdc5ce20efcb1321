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
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
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
    private final Executor background;
    private final Executor ui;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final BooleanProperty showAutomated = new SimpleBooleanProperty(this, "showAutomated");
    private final BooleanProperty showResolved = new SimpleBooleanProperty(this, "showResolved");
    private final ObjectProperty<Row> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final BooleanBinding canRetry;
    private final BooleanBinding canAct;

    public QuarantineViewModel(QuarantineService service, Agent admin, ZoneId zone, Executor background, Executor ui) {
        this.service = Objects.requireNonNull(service, "service");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.background = Objects.requireNonNull(background, "background");
        this.ui = Objects.requireNonNull(ui, "ui");
        canAct = Bindings.createBooleanBinding(() -> selected.get() != null && selected.get().entry().open() && !busy.get(),
                selected, busy);
        canRetry = Bindings.createBooleanBinding(() -> canAct.get()
                && selected.get().entry().category() == QuarantineCategory.UNREADABLE, canAct, selected);
        showAutomated.addListener((o, a, b) -> refresh());
        showResolved.addListener((o, a, b) -> refresh());
    }

    /** Reloads the list (in the background). */
    public void refresh() {
        QuarantineCategory category = showAutomated.get() ? QuarantineCategory.AUTOMATED : QuarantineCategory.UNREADABLE;
        boolean resolved = showResolved.get();
        work(null, () -> service.list(admin, category, resolved), entries -> {
            Long keep = selected.get() == null ? null : selected.get().id();
            rows.setAll(entries.stream().map(this::row).toList());
            selected.set(rows.stream().filter(r -> keep != null && r.id() == keep).findFirst().orElse(null));
            if (status.get().isEmpty() || status.get().startsWith("Nothing")) {
                status.set(rows.isEmpty() ? "Nothing here." : "");
            }
        });
    }

    /** Reads the selected unreadable message again through the intake. */
    public void retry() {
        Row r = selected.get();
        if (r == null || !canRetry.get()) {
            return;
        }
        work("Reading message " + r.id() + " again…", () -> service.retry(admin, r.id()), outcome -> {
            status.set(outcome.kind() == IntakeOutcome.Kind.QUARANTINED
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
        work("Making a ticket from message " + r.id() + "…", () -> service.makeTicket(admin, r.id()), ticketId -> {
            status.set("Ticket " + Ticket.ref(ticketId) + " made from message " + r.id() + ".");
            refresh();
        });
    }

    /** Marks the selected entry dealt with (the raw source is kept). */
    public void dismiss() {
        Row r = selected.get();
        if (r == null || !canAct.get()) {
            return;
        }
        work(null, () -> {
            service.dismiss(admin, r.id());
            return r.id();
        }, id -> {
            status.set("Message " + id + " dismissed.");
            refresh();
        });
    }

    /** Writes the selected entry's raw source to {@code target}. */
    public void saveRawSource(Path target) {
        Row r = selected.get();
        if (r == null || target == null) {
            return;
        }
        work("Saving…", () -> service.saveRawSource(admin, r.id(), target),
                bytes -> status.set("Saved " + size(bytes) + " to " + target + "."));
    }

    /** A file name to suggest for the raw source. */
    public String suggestedFileName() {
        Row r = selected.get();
        return r == null ? "message.eml" : "quarantined-" + r.id() + ".eml";
    }

    private interface Work<T> {
        T run() throws Exception;
    }

    private <T> void work(String pending, Work<T> work, java.util.function.Consumer<T> done) {
        busy.set(true);
        if (pending != null) {
            status.set(pending);
        }
        background.execute(() -> {
            T result = null;
            String error = null;
            try {
                result = work.run();
            } catch (Exception e) {
                error = e.getMessage() == null ? "That did not work (" + e.getClass().getSimpleName() + ")." : e.getMessage();
            }
            T r = result;
            String failure = error;
            ui.execute(() -> {
                busy.set(false);
                if (failure != null) {
                    status.set(failure);
                } else {
                    done.accept(r);
                }
            });
        });
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
        return status.getReadOnlyProperty();
    }

    public String status() {
        return status.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canRetryBinding() {
        return canRetry;
    }

    public BooleanBinding canActBinding() {
        return canAct;
    }
}
