package com.supportdesk.ui.admin;

import com.supportdesk.domain.Agent;
import com.supportdesk.report.AuditCsv;
import com.supportdesk.store.DiskSpace;
import com.supportdesk.store.AuditRepository.AuditEntry;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskViewModel;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The access audit browser (cleared team leads only): every read of Official Sensitive content — who, when, which
 * ticket, which view — between two days, filtered by agent or ticket, and exported to CSV. The audit names tickets by
 * ref only, never by content. No Nodes here.
 */
public final class AuditViewModel extends TaskViewModel {

    /** Whether the agent may browse the audit (the store enforces the same rule). */
    public static boolean mayBrowse(Agent a) {
        return a != null && a.cleared() && a.lead() && a.active();
    }

    private final Store store;
    private final Agent lead;
    private final Clock clock;
    private final ZoneId zone;
    private final DialogService dialogs;
    private final DateTimeFormatter when;

    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> shown = new FilteredList<>(entries, e -> true);

    public AuditViewModel(Store store, Agent lead, TaskExecutor executor, Clock clock, ZoneId zone, DialogService dialogs) {
        super(executor);
        this.store = store;
        this.lead = lead;
        this.clock = clock;
        this.zone = zone;
        this.dialogs = dialogs;
        this.when = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm:ss", Locale.UK).withZone(zone);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        from.set(today.minusDays(6));
        to.set(today);
        filter.addListener((o, was, f) -> {
            String q = f == null ? "" : f.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(e -> q.isEmpty() || e.agentName().toLowerCase(Locale.ROOT).contains(q)
                    || e.ref().toLowerCase(Locale.ROOT).contains(q) || e.view().toLowerCase(Locale.ROOT).contains(q));
        });
    }

    private Instant start() {
        if (from.get() == null || to.get() == null) {
            throw new StoreException.Invalid("Choose both days.");
        }
        if (to.get().isBefore(from.get())) {
            throw new StoreException.Invalid("The last day is before the first.");
        }
        return from.get().atStartOfDay(zone).toInstant();
    }

    private Instant end() {
        return to.get().plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Reads the audit of the chosen days (first day 00:00 to the day after the last, in the agent's zone). */
    public CompletableFuture<Void> load() {
        Instant a;
        Instant b;
        try {
            a = start();
            b = end();
        } catch (RuntimeException e) {
            return refuse(e);
        }
        return background(() -> store.audit().list(lead, a, b)).thenAccept(list -> {
            entries.setAll(list);
            setStatus(list.size() + (list.size() == 1 ? " read" : " reads") + " of Official Sensitive content from "
                    + PolicyViewModel.format(from.get()) + " to " + PolicyViewModel.format(to.get()) + ".");
        });
    }

    /** Asks where to save and writes the entries shown (after the filter) as CSV. */
    public CompletableFuture<Path> export() {
        Optional<Path> target = dialogs.askSaveLocation("Export the access audit", "access-audit-" + from.get() + "-to-"
                + to.get() + ".csv");
        if (target.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return exportTo(target.get());
    }

    /** Writes the entries shown to the file (background). */
    public CompletableFuture<Path> exportTo(Path file) {
        List<AuditEntry> rows = List.copyOf(shown);
        return background(() -> {
            write(rows, file);
            return file;
        }).thenApply(p -> {
            setStatus("Exported " + rows.size() + (rows.size() == 1 ? " entry" : " entries") + " to " + p + ".");
            return p;
        });
    }

    private void write(List<AuditEntry> rows, Path file) {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            AuditCsv.write(rows, zone, w);
        } catch (IOException e) {
            DiskSpace.SYSTEM.diskFull(e, file.toAbsolutePath().getParent()).ifPresent(full -> {
                throw full;
            });
            throw new UncheckedIOException("Could not export the audit to " + file + ": " + e.getMessage(), e);
        }
    }

    public String when(Instant t) {
        return when.format(t);
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** The entries of the chosen days, after the filter. */
    public ObservableList<AuditEntry> entries() {
        return shown;
    }




    public ZoneId zone() {
        return zone;
    }

    Clock clock() {
        return clock;
    }
}
