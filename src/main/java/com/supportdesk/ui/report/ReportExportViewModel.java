package com.supportdesk.ui.report;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Customer;
import com.supportdesk.report.Quarter;
import com.supportdesk.report.QuarterlyReport;
import com.supportdesk.report.ReportFormat;
import com.supportdesk.report.ReportService;
import com.supportdesk.store.Store;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Errors;
import com.supportdesk.ui.common.TaskExecutor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The quarterly report from the desk: choose a customer, a quarter and PDF or CSV, then a file (through the
 * {@link DialogService}); {@link ReportService#export} runs on a background thread of its own, its progress callback
 * drives {@link #progressProperty()}, {@link #cancel()} interrupts it (the report service stops, and no file is left behind —
 * it writes beside the final name and moves the file into place only when complete). Errors are shown in plain words.
 * No Nodes here.
 */
public final class ReportExportViewModel {

    /** Builds and writes a report: {@link ReportService#export} (tests substitute a slow or failing one). */
    @FunctionalInterface
    interface Exporter {
        QuarterlyReport export(Agent reader, String customer, Quarter quarter, Path file, DoubleConsumer progress);
    }

    /** Opens a folder in the desktop's file manager (the view supplies one; tests record the call). */
    public interface FolderOpener {
        void open(Path folder) throws Exception;
    }

    private final Store store;
    private final Agent reader;
    private final TaskExecutor ui;
    private final Clock clock;
    private final DialogService dialogs;
    private final Exporter exporter;
    private final ExecutorService worker;
    private FolderOpener folderOpener = folder -> {
        throw new UnsupportedOperationException("Opening folders is not available here.");
    };

    private final ObservableList<String> customers = FXCollections.observableArrayList();
    private final ObservableList<Quarter> quarters = FXCollections.observableArrayList();
    private final ObjectProperty<String> customer = new SimpleObjectProperty<>(this, "customer");
    private final ObjectProperty<Quarter> quarter = new SimpleObjectProperty<>(this, "quarter");
    private final ObjectProperty<ReportFormat> format = new SimpleObjectProperty<>(this, "format", ReportFormat.PDF);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>(this, "written");
    private final AtomicLong generation = new AtomicLong();
    private Future<?> job;

    public ReportExportViewModel(Store store, Agent reader, TaskExecutor ui, Clock clock, DialogService dialogs) {
        this(store, reader, ui, clock, dialogs, null);
    }

    ReportExportViewModel(Store store, Agent reader, TaskExecutor ui, Clock clock, DialogService dialogs, Exporter exporter) {
        this.store = store;
        this.reader = reader;
        this.ui = ui;
        this.clock = clock;
        this.dialogs = dialogs;
        this.exporter = exporter != null ? exporter : new ReportService(store)::export;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quarterly-report");
            t.setDaemon(true);
            return t;
        });
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Quarter q = Quarter.of(today);
        List<Quarter> list = new ArrayList<>();
        for (int i = 0; i < 8 && q.year() >= Quarter.FIRST_YEAR; i++) {
            list.add(q);
            if (q.year() == Quarter.FIRST_YEAR && q.number() == 1) {
                break;
            }
            q = q.previous();
        }
        quarters.setAll(list);
        // the report usually asked for is last quarter's; while a quarter runs its report is "so far"
        quarter.set(list.size() > 1 ? list.get(1) : list.get(0));
    }

    public void setFolderOpener(FolderOpener opener) {
        this.folderOpener = opener;
    }

    /** Loads the customers' names. */
    public CompletableFuture<Void> load() {
        return ui.supply(() -> store.customers().all().stream().map(Customer::name).toList()).handle((names, err) -> {
            if (err != null) {
                error.set(Errors.plain(err));
                return null;
            }
            customers.setAll(names);
            if (customer.get() == null && !names.isEmpty()) {
                customer.set(names.get(0));
            }
            return null;
        });
    }

    /** "Northwind-Logistics-2026-Q1.pdf". */
    public String suggestedFileName() {
        String c = customer.get() == null ? "report" : customer.get().strip().replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        return (c.isEmpty() ? "report" : c) + "-" + quarter.get() + format.get().extension();
    }

    /** Asks where to save, then exports; nothing happens when the agent cancels the file chooser. */
    public CompletableFuture<Path> export() {
        if (customer.get() == null || quarter.get() == null) {
            error.set("Choose the customer and the quarter.");
            return CompletableFuture.completedFuture(null);
        }
        Optional<Path> file = dialogs.askSaveLocation("Save the quarterly report", suggestedFileName());
        if (file.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return exportTo(withExtension(file.get()));
    }

    /** The file with the chosen format's extension added when it has neither .pdf nor .csv. */
    Path withExtension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".pdf") || n.endsWith(".csv")) {
            return file;
        }
        return file.resolveSibling(file.getFileName() + format.get().extension());
    }

    /** Builds and writes the report to the file on the report thread; progress and result come back on the UI thread. */
    public CompletableFuture<Path> exportTo(Path file) {
        if (running.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("A report is already being written."));
        }
        String name = customer.get();
        Quarter q = quarter.get();
        long gen = generation.incrementAndGet();
        running.set(true);
        progress.set(0);
        error.set("");
        written.set(null);
        message.set("Building the " + q + " report of " + name + "\u2026");
        CompletableFuture<Path> result = new CompletableFuture<>();
        job = worker.submit(() -> {
            long[] lastPercent = {-1};
            try {
                QuarterlyReport r = exporter.export(reader, name, q, file, p -> {
                    long pct = Math.round(p * 100);
                    if (pct != lastPercent[0]) {
                        lastPercent[0] = pct;
                        ui.onUiThread(() -> {
                            if (generation.get() == gen && running.get()) {
                                progress.set(p);
                            }
                        });
                    }
                });
                ui.onUiThread(() -> finish(gen, file, r, null, result));
            } catch (RuntimeException | Error e) {
                ui.onUiThread(() -> finish(gen, file, null, e, result));
            }
        });
        return result;
    }

    private void finish(long gen, Path file, QuarterlyReport r, Throwable err, CompletableFuture<Path> result) {
        if (generation.get() != gen) {
            result.completeExceptionally(new CancellationException("The report was cancelled."));
            return;
        }
        running.set(false);
        if (err != null) {
            boolean cancelled = err instanceof CancellationException;
            progress.set(0);
            message.set(cancelled ? "Cancelled: no file was written." : "");
            error.set(cancelled ? "" : "The report could not be written: " + Errors.plain(err));
            result.completeExceptionally(err);
            return;
        }
        progress.set(1);
        written.set(file);
        long size = -1;
        try {
            size = Files.size(file);
        } catch (IOException ignored) {
            // the message then leaves the size out
        }
        message.set("Saved " + file.getFileName() + (size >= 0 ? " (" + human(size) + ")" : "") + " \u2014 " + r.totalTickets()
                + (r.totalTickets() == 1 ? " ticket" : " tickets") + (r.withheldTickets() > 0 ? ", " + r.withheldTickets()
                + " Official Sensitive counted but not described" : "") + ".");
        result.complete(file);
    }

    /** Stops the report being written (the file is not created). */
    public void cancel() {
        if (job != null && running.get()) {
            job.cancel(true);
            generation.incrementAndGet();
            running.set(false);
            progress.set(0);
            message.set("Cancelled: no file was written.");
        }
    }

    /** Opens the folder of the written report in the desktop's file manager (in the background). */
    public void openFolder() {
        Path f = written.get();
        if (f == null) {
            return;
        }
        Path dir = f.toAbsolutePath().getParent();
        worker.execute(() -> {
            try {
                folderOpener.open(dir);
            } catch (Exception e) {
                ui.onUiThread(() -> dialogs.showInfo("The report is saved", "The desk cannot open folders here. The report"
                        + " is in:\n" + dir));
            }
        });
    }

    /** Stops the worker (the window closed); a report being written is cancelled. */
    public void close() {
        cancel();
        worker.shutdownNow();
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", bytes / 1024.0 / 1024.0);
    }

    // ---------------------------------------------------------------- accessors

    public ObservableList<String> customers() {
        return customers;
    }

    public ObservableList<Quarter> quarters() {
        return quarters;
    }

    public ObjectProperty<String> customerProperty() {
        return customer;
    }

    public ObjectProperty<Quarter> quarterProperty() {
        return quarter;
    }

    public ObjectProperty<ReportFormat> formatProperty() {
        return format;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }
}
