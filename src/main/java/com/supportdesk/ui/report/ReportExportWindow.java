package com.supportdesk.ui.report;

import com.supportdesk.report.Quarter;
import com.supportdesk.report.ReportFormat;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.Theme;
import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;

/**
 * Reports → Quarterly report…: customer, quarter, PDF or CSV, Export… (file chooser), a progress bar with Cancel,
 * then the saved file with Open folder. Esc closes (and cancels a report being written).
 */
public final class ReportExportWindow {

    private final Stage stage = new Stage();
    private final ReportExportViewModel vm;

    public ReportExportWindow(Window owner, ReportExportViewModel vm) {
        this.vm = vm;
        vm.setFolderOpener(ReportExportWindow::openFolder);
        VBox body = new VBox(12, choices(), progress(), message(), Forms.error("reportError", vm.errorProperty()), buttons());
        body.getStyleClass().addAll(Styles.ADMIN_BODY);
        VBox root = new VBox(Forms.header("Quarterly incident and activity report", MaterialDesignF.FILE_CHART_OUTLINE,
                "Tickets, response compliance, breaches, S1 incidents, training and availability for one customer and"
                        + " quarter. Official Sensitive tickets you are not cleared for are counted, not described."), body);
        root.getStyleClass().add(Styles.ADMIN_VIEW);
        root.setId("reportExportView");
        root.setPrefWidth(580);

        Theme.fixedWindow(stage, root, owner, Theme.title("Quarterly report"), this::close);
        stage.setOnHidden(e -> vm.close());
    }

    /** Customer, quarter and format (locked while a report is written). */
    private GridPane choices() {
        ComboBox<String> customer = new ComboBox<>(vm.customers());
        customer.setId("reportCustomer");
        customer.valueProperty().bindBidirectional(vm.customerProperty());
        ComboBox<Quarter> quarter = new ComboBox<>(vm.quarters());
        quarter.setId("reportQuarter");
        quarter.valueProperty().bindBidirectional(vm.quarterProperty());
        quarter.setCellFactory(l -> quarterCell());
        quarter.setButtonCell(quarterCell());
        GridPane g = Forms.grid();
        Forms.row(g, 0, "Customer", customer);
        Forms.row(g, 1, "Quarter", quarter);
        Forms.row(g, 2, "Format", formats());
        g.disableProperty().bind(vm.runningProperty());
        return g;
    }

    /** PDF with charts or CSV for spreadsheets, in step with the view-model's format. */
    private HBox formats() {
        ToggleGroup formats = new ToggleGroup();
        RadioButton pdf = new RadioButton("PDF with charts");
        pdf.setId("reportPdf");
        pdf.setToggleGroup(formats);
        pdf.setUserData(ReportFormat.PDF);
        RadioButton csv = new RadioButton("CSV for spreadsheets");
        csv.setId("reportCsv");
        csv.setToggleGroup(formats);
        csv.setUserData(ReportFormat.CSV);
        formats.selectToggle(vm.formatProperty().get() == ReportFormat.CSV ? csv : pdf);
        formats.selectedToggleProperty().addListener((o, was, t) -> {
            if (t != null) {
                vm.formatProperty().set((ReportFormat) t.getUserData());
            }
        });
        vm.formatProperty().addListener((o, was, f) -> formats.selectToggle(f == ReportFormat.CSV ? csv : pdf));
        return new HBox(16, pdf, csv);
    }

    /** The progress bar, its percentage and Cancel, while a report is written. */
    private HBox progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("reportProgress");
        bar.getStyleClass().add(Styles.REPORT_PROGRESS);
        bar.progressProperty().bind(vm.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label pct = new Label();
        pct.setId("reportPercent");
        pct.textProperty().bind(Bindings.createStringBinding(() -> Math.round(vm.progressProperty().get() * 100) + " %",
                vm.progressProperty()));
        pct.setMinWidth(Region.USE_PREF_SIZE);
        Button cancel = new Button("Cancel");
        cancel.setId("reportCancel");
        cancel.setOnAction(e -> vm.cancel());
        HBox row = new HBox(10, bar, pct, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        Forms.showWhen(row, vm.runningProperty());
        return row;
    }

    /** What is happening, then what was saved (in green). */
    private Label message() {
        Label message = new Label();
        message.setId("reportMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add(Styles.ADMIN_HINT);
        vm.writtenProperty().addListener((o, was, p) -> message.getStyleClass().setAll(Styles.LABEL,
                p != null ? Styles.REPORT_DONE : Styles.ADMIN_HINT));
        return message;
    }

    /** Open folder (once saved), Close and Export…. */
    private HBox buttons() {
        Button export = new Button("Export\u2026", new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("reportExport");
        export.getStyleClass().add(Styles.PRIMARY);
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.runningProperty().or(vm.customerProperty().isNull()));
        export.setOnAction(e -> vm.export());
        Button folder = new Button("Open folder", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        folder.setId("reportOpenFolder");
        Forms.showWhen(folder, vm.writtenProperty().isNotNull().and(vm.runningProperty().not()));
        folder.setOnAction(e -> vm.openFolder());
        Button close = new Button("Close");
        close.setId("reportClose");
        close.setOnAction(e -> close());
        HBox buttons = new HBox(8, folder, Forms.spacer(), close, export);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        return buttons;
    }

    private static ListCell<Quarter> quarterCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Quarter q, boolean empty) {
                super.updateItem(q, empty);
                setText(empty || q == null ? null : q + "  (" + q.months(Locale.UK) + ")");
            }
        };
    }

    /** Opens the folder with the desktop's file manager, where the platform has one. */
    private static void openFolder(Path dir) throws IOException {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.OPEN)) {
            throw new UnsupportedOperationException("no desktop");
        }
        Desktop.getDesktop().open(dir.toFile());
    }

    public void show() {
        stage.show();
        stage.toFront();
        stage.requestFocus();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void close() {
        stage.close();
    }

    public Stage stage() {
        return stage;
    }

    public ReportExportViewModel viewModel() {
        return vm;
    }
}
