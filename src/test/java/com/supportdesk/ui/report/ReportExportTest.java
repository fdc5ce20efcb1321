package com.supportdesk.ui.report;

import static org.assertj.core.api.Assertions.assertThat;
import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.report.Quarter;
import com.supportdesk.report.QuarterlyReportCsv;
import com.supportdesk.report.ReportFormat;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.ScriptedDialogs;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.UiTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The quarterly report from the desk: the dialog under Monocle and the view-model's progress, cancel and errors. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ReportExportTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
    Store store;
    Agent lead;
    final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        // windows are created by the tests that need them
    }

    @BeforeEach
    void seed() {
        store = TestStores.open(dir.resolve("db"), clock);
        lead = new Wiring(Map.of(), clock).seedDemo(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void theDialogExportsACsvWithProgressToTheEnd(FxRobot robot) throws Exception {
        UiTaskExecutor executor = new UiTaskExecutor("report-test");
        try {
            ReportExportViewModel vm = new ReportExportViewModel(store, lead, executor, clock, dialogs);
            List<Double> seen = new CopyOnWriteArrayList<>();
            vm.progressProperty().addListener((o, was, p) -> seen.add(p.doubleValue()));
            ReportExportWindow w = WaitForAsyncUtils.asyncFx(() -> {
                ReportExportWindow win = new ReportExportWindow(null, vm);
                win.show();
                vm.load();
                return win;
            }).get();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Department for Digital Services".equals(vm.customerProperty().get()));
            robot.interact(() -> {
                vm.customerProperty().set("Northwind Logistics");
                vm.quarterProperty().set(Quarter.parse("2026-Q1"));
            });
            robot.clickOn("#reportCsv");
            assertThat(vm.formatProperty().get()).isEqualTo(ReportFormat.CSV);
            dialogs.file = dir.resolve("northwind"); // the chooser gave no extension: the format's is added
            robot.clickOn("#reportExport");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> vm.writtenProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(dialogs.asked()).contains("save: Northwind-Logistics-2026-Q1.csv");
            Path file = dir.resolve("northwind.csv");
            assertThat(vm.writtenProperty().get()).isEqualTo(file);
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.get(0)).isEqualTo(String.join(",", QuarterlyReportCsv.COMPLIANCE_COLUMNS));
            assertThat(lines).anyMatch(l -> l.startsWith("S1,")).anyMatch(l -> l.startsWith("S2,"));
            assertThat(seen).isNotEmpty().isSorted().last().isEqualTo(1.0);
            assertThat(robot.lookup("#reportProgress").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
            assertThat(robot.lookup("#reportMessage").queryAs(Label.class).getText()).startsWith("Saved northwind.csv (");
            assertThat(robot.lookup("#reportOpenFolder").queryAs(Button.class).isVisible()).isTrue();
            robot.clickOn("#reportOpenFolder"); // no desktop here: the folder is named instead
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> dialogs.infos().stream().anyMatch(s -> s.contains(dir.toString())));
            robot.interact(w::close);
        } finally {
            executor.close();
        }
    }

    @Test
    void cancellingStopsTheReportAndLeavesNoFile() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        ReportExportViewModel vm = new ReportExportViewModel(store, lead, TaskExecutor.direct(), clock, dialogs,
                (reader, customer, quarter, file, progress) -> {
                    progress.accept(0.2);
                    started.countDown();
                    try {
                        Thread.sleep(30_000);
                    } catch (InterruptedException e) {
                        throw new CancellationException("The report was cancelled.");
                    }
                    throw new AssertionError("not cancelled");
                });
        vm.load().join();
        Path file = dir.resolve("never.pdf");
        var result = vm.exportTo(file);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(vm.runningProperty().get()).isTrue();
        vm.cancel();
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Cancelled: no file was written.");
        assertThat(result).failsWithin(10, TimeUnit.SECONDS);
        assertThat(file).doesNotExist();
        assertThat(vm.errorProperty().get()).isEmpty();
        vm.close();
    }

    @Test
    void aFolderThatDoesNotExistIsAPlainError() throws Exception {
        ReportExportViewModel vm = new ReportExportViewModel(store, lead, TaskExecutor.direct(), clock, dialogs);
        vm.load().join();
        vm.quarterProperty().set(Quarter.parse("2026-Q1"));
        var result = vm.exportTo(dir.resolve("missing").resolve("report.pdf"));
        assertThat(result).failsWithin(20, TimeUnit.SECONDS);
        assertThat(vm.errorProperty().get()).startsWith("The report could not be written: Cannot write the report to ")
                .endsWith("does not exist.");
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.writtenProperty().get()).isNull();
        vm.close();
    }

    @Test
    void theSuggestedNameAndTheQuarters() {
        ReportExportViewModel vm = new ReportExportViewModel(store, lead, TaskExecutor.direct(), clock, dialogs);
        vm.load().join();
        assertThat(vm.quarters()).first().hasToString("2026-Q1");
        assertThat(vm.quarterProperty().get()).as("last quarter by default").hasToString("2025-Q4");
        vm.customerProperty().set("Harbour Bank plc");
        assertThat(vm.suggestedFileName()).isEqualTo("Harbour-Bank-plc-2025-Q4.pdf");
        assertThat(vm.withExtension(Path.of("x.CSV"))).isEqualTo(Path.of("x.CSV"));
        vm.close();
    }
}
