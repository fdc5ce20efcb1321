package com.supportdesk.ui.report;

import com.supportdesk.report.Quarter;
import com.supportdesk.report.ReportFormat;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.Theme;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
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
        Label head = new Label("Quarterly incident and activity report", new FontIcon(MaterialDesignF.FILE_CHART_OUTLINE));
        head.getStyleClass().add(Styles.ADMIN_TITLE);
        Label sub = new Label("Tickets, response compliance, breaches, S1 incidents, training and availability for one"
                + " customer and quarter. Official Sensitive tickets you are not cleared for are counted, not described.");
        sub.getStyleClass().add(Styles.ADMIN_SUBTITLE);
        sub.setWrapText(true);
        VBox header = new VBox(head, sub);
        header.getStyleClass().add(Styles.ADMIN_HEADER);

        ComboBox<String> customer = new ComboBox<>(vm.customers());
        customer.setId("reportCustomer");
        customer.valueProperty().bindBidirectional(vm.customerProperty());
        customer.setMaxWidth(Double.MAX_VALUE);
        ComboBox<Quarter> quarter = new ComboBox<>(vm.quarters());
        quarter.setId("reportQuarter");
        quarter.valueProperty().bindBidirectional(vm.quarterProperty());
        quarter.setCellFactory(l -> quarterCell());
        quarter.setButtonCell(quarterCell());
        quarter.setMaxWidth(Double.MAX_VALUE);
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
        HBox formatRow = new HBox(16, pdf, csv);
        GridPane g = new GridPane();
        g.getStyleClass().add(Styles.ADMIN_FORM);
        g.addRow(0, label("Customer"), customer);
        g.addRow(1, label("Quarter"), quarter);
        g.addRow(2, label("Format"), formatRow);
        javafx.scene.layout.ColumnConstraints c0 = new javafx.scene.layout.ColumnConstraints();
        javafx.scene.layout.ColumnConstraints c1 = new javafx.scene.layout.ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(c0, c1);
        g.disableProperty().bind(vm.runningProperty());

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
        HBox progressRow = new HBox(10, bar, pct, cancel);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        progressRow.visibleProperty().bind(vm.runningProperty());
        progressRow.managedProperty().bind(progressRow.visibleProperty());

        Label message = new Label();
        message.setId("reportMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add(Styles.ADMIN_HINT);
        vm.writtenProperty().addListener((o, was, p) -> message.getStyleClass().setAll(Styles.LABEL, p != null ? Styles.REPORT_DONE : Styles.ADMIN_HINT));
        Label error = new Label();
        error.setId("reportError");
        error.setWrapText(true);
        error.getStyleClass().add(Styles.ADMIN_ERROR);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        Button export = new Button("Export\u2026", new FontIcon(MaterialDesignF.FILE_EXPORT_OUTLINE));
        export.setId("reportExport");
        export.getStyleClass().add(Styles.PRIMARY);
        export.setDefaultButton(true);
        export.disableProperty().bind(vm.runningProperty().or(vm.customerProperty().isNull()));
        export.setOnAction(e -> vm.export());
        Button folder = new Button("Open folder", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        folder.setId("reportOpenFolder");
        folder.visibleProperty().bind(vm.writtenProperty().isNotNull().and(vm.runningProperty().not()));
        folder.managedProperty().bind(folder.visibleProperty());
        folder.setOnAction(e -> vm.openFolder());
        Button close = new Button("Close");
        close.setId("reportClose");
        close.setOnAction(e -> close());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox buttons = new HBox(8, folder, sp, close, export);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox body = new VBox(12, g, progressRow, message, error, buttons);
        body.getStyleClass().addAll(Styles.ADMIN_BODY);
        VBox root = new VBox(header, body);
        root.getStyleClass().add(Styles.ADMIN_VIEW);
        root.setId("reportExportView");
        root.setPrefWidth(580);

        Scene scene = new Scene(root);
        Theme.dress(stage, scene, owner);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close();
            }
        });
        stage.setTitle("Quarterly report \u2014 " + Theme.APP_TITLE);
        stage.setResizable(false);
        stage.setOnHidden(e -> vm.close());
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.FORM_LABEL);
        return l;
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
    private static void openFolder(java.nio.file.Path dir) throws java.io.IOException {
        if (!java.awt.Desktop.isDesktopSupported() || !java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.OPEN)) {
            throw new UnsupportedOperationException("no desktop");
        }
        java.awt.Desktop.getDesktop().open(dir.toFile());
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
