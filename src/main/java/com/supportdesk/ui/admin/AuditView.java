package com.supportdesk.ui.admin;

import com.supportdesk.store.AuditRepository.AuditEntry;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** The access audit: a date range, a filter, the reads of Official Sensitive content, and CSV export. */
public final class AuditView extends BorderPane {

    private final AuditViewModel vm;

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
        setId("auditView");
        getStyleClass().add(Styles.ADMIN_VIEW);
        setTop(Forms.header("Access audit", MaterialDesignS.SHIELD_SEARCH,
                "Every read of Official Sensitive content \u2014 who, when, which ticket, which view. Cleared team leads only."));
        DatePicker from = Forms.datePicker("auditFrom");
        from.valueProperty().bindBidirectional(vm.fromProperty());
        from.setPrefWidth(130);
        DatePicker to = Forms.datePicker("auditTo");
        to.valueProperty().bindBidirectional(vm.toProperty());
        to.setPrefWidth(130);
        Button show = new Button("Show", new FontIcon(MaterialDesignM.MAGNIFY));
        show.setId("auditShow");
        show.getStyleClass().add(Styles.PRIMARY);
        show.setDefaultButton(true);
        show.disableProperty().bind(vm.busyProperty());
        show.setOnAction(e -> vm.load());
        TextField filter = new TextField();
        filter.setId("auditFilter");
        filter.setPromptText("Filter by agent, ticket or view");
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.setPrefWidth(240);
        Button export = new Button("Export CSV\u2026", new FontIcon(MaterialDesignF.FILE_DELIMITED_OUTLINE));
        export.setId("auditExport");
        export.disableProperty().bind(vm.busyProperty());
        export.setOnAction(e -> vm.export());
        HBox bar = new HBox(8, new Label("From"), from, new Label("to"), to, show, Forms.spacer(), filter, export);
        bar.setAlignment(Pos.CENTER_LEFT);

        TableView<AuditEntry> table = Forms.table("auditTable", "No reads of Official Sensitive content in these days");
        table.setItems(vm.entries());
        table.getColumns().add(Forms.column("When (" + vm.zone().getId() + ")", 200, e -> vm.when(e.at())));
        table.getColumns().add(Forms.column("Agent", 180, AuditEntry::agentName));
        table.getColumns().add(Forms.column("Ticket", 100, AuditEntry::ref));
        table.getColumns().add(Forms.column("View", 200, AuditEntry::view));
        VBox box = Forms.section("Reads", MaterialDesignS.SHIELD_LOCK_OUTLINE, bar, table,
                Forms.error("auditError", vm.errorProperty()), Forms.status("auditStatus", vm.statusProperty()));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox body = new VBox(box);
        VBox.setVgrow(box, Priority.ALWAYS);
        body.getStyleClass().add(Styles.ADMIN_BODY);
        setCenter(body);
    }

    public AuditViewModel viewModel() {
        return vm;
    }
}
