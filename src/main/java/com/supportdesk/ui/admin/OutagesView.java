package com.supportdesk.ui.admin;

import com.supportdesk.domain.Customer;
import com.supportdesk.report.Availability;
import com.supportdesk.report.Durations;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Styles;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Outages with the Business Hours flag, a form to record one, and monthly availability against 99.5 %. */
public final class OutagesView extends BorderPane {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private final OutagesViewModel vm;

    public OutagesView(OutagesViewModel vm, DialogService dialogs) {
        this.vm = vm;
        setId("outagesView");
        getStyleClass().add(Styles.ADMIN_VIEW);
        setTop(Forms.header("Outages and availability", MaterialDesignL.LAN_DISCONNECT,
                "Monthly availability = 1 \u2212 unscheduled downtime / minutes in the month, against 99.5 %. Scheduled"
                        + " maintenance belongs outside Business Hours: any part inside them is flagged and counts as unscheduled."));

        TableView<OutagesViewModel.OutageRow> table = Forms.table("outagesTable", "No outages recorded");
        table.setItems(vm.outages());
        table.getColumns().add(Forms.column("Start", 150, r -> vm.when(r.outage().start())));
        table.getColumns().add(Forms.column("Duration", 90, r -> Durations.compact(r.outage().duration())));
        table.getColumns().add(Forms.column("Kind", 120, r -> r.outage().scheduled() ? "Scheduled" : "Unscheduled"));
        table.getColumns().add(Forms.column("Business Hours", 150, r -> r.flagged()
                ? "\u26a0 overlaps by " + Durations.compact(r.businessOverlap()) : r.outage().scheduled() ? "outside" : "\u2014"));
        table.getColumns().add(Forms.column("Customer", 130, r -> r.outage().allCustomers() ? "All customers"
                : r.outage().customerName()));
        table.getColumns().add(Forms.column("Description", 200, r -> r.outage().description()));
        table.getColumns().add(Forms.column("S1 tickets", 100, r -> String.join(", ", r.outage().ticketRefs())));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(OutagesViewModel.OutageRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().remove(Styles.FLAGGED);
                if (!empty && r != null && r.flagged()) {
                    getStyleClass().add(Styles.FLAGGED);
                }
            }
        });
        Button delete = new Button("Delete outage\u2026", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("outageDelete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        delete.setOnAction(e -> {
            OutagesViewModel.OutageRow r = table.getSelectionModel().getSelectedItem();
            if (r != null && dialogs.confirm("Delete this outage?", "The outage of " + vm.when(r.outage().start())
                    + " will no longer count against availability.", "Delete")) {
                vm.delete(r);
            }
        });
        VBox list = Forms.section("Outages", MaterialDesignL.LAN_DISCONNECT, table, Forms.buttons(delete));
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox left = new VBox(list, availability());
        left.getStyleClass().add(Styles.ADMIN_COLUMN);
        VBox.setVgrow(list, Priority.ALWAYS);
        HBox.setHgrow(left, Priority.ALWAYS);

        VBox right = new VBox(form());
        right.getStyleClass().add(Styles.ADMIN_COLUMN);
        right.setPrefWidth(390);
        right.setMinWidth(370);
        HBox body = new HBox(left, right);
        body.getStyleClass().addAll(Styles.ADMIN_COLUMNS, Styles.ADMIN_BODY);
        setCenter(body);
    }

    private VBox form() {
        DatePicker startDate = Forms.datePicker("outageStartDate");
        startDate.valueProperty().bindBidirectional(vm.startDateProperty());
        startDate.setPrefWidth(130);
        TextField startTime = new TextField();
        startTime.setId("outageStartTime");
        startTime.setPrefColumnCount(5);
        startTime.textProperty().bindBidirectional(vm.startTimeProperty());
        DatePicker endDate = Forms.datePicker("outageEndDate");
        endDate.valueProperty().bindBidirectional(vm.endDateProperty());
        endDate.setPrefWidth(130);
        TextField endTime = new TextField();
        endTime.setId("outageEndTime");
        endTime.setPrefColumnCount(5);
        endTime.textProperty().bindBidirectional(vm.endTimeProperty());
        TextField description = new TextField();
        description.setId("outageDescription");
        description.setPromptText("What was down, e.g. Payments API unavailable");
        description.textProperty().bindBidirectional(vm.descriptionProperty());
        CheckBox scheduled = new CheckBox("Scheduled maintenance");
        scheduled.setId("outageScheduled");
        scheduled.selectedProperty().bindBidirectional(vm.scheduledProperty());
        ObservableList<Customer> choices = FXCollections.observableArrayList();
        choices.add(null);
        vm.customers().addListener((ListChangeListener<Customer>) ch -> {
            Customer keep = vm.customerProperty().get();
            choices.setAll(vm.customers());
            choices.add(0, null);
            vm.customerProperty().set(keep);
        });
        ComboBox<Customer> customer = new ComboBox<>(choices);
        customer.setId("outageCustomer");
        customer.valueProperty().bindBidirectional(vm.customerProperty());
        customer.setConverter(names("All customers"));
        customer.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Customer c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty ? null : c == null ? "All customers" : c.name());
            }
        });
        TextField tickets = new TextField();
        tickets.setId("outageTickets");
        tickets.setPromptText("Severity 1 tickets, e.g. SD-1010, SD-1012");
        tickets.textProperty().bindBidirectional(vm.ticketsProperty());
        GridPane g = Forms.grid();
        Forms.row(g, 0, "Start", times(startDate, startTime));
        Forms.row(g, 1, "End", times(endDate, endTime));
        Forms.row(g, 2, "Description", description);
        g.add(scheduled, 1, 3);
        Forms.row(g, 4, "Customer", customer);
        Forms.row(g, 5, "Linked tickets", tickets);
        Button add = new Button("Record outage", new FontIcon(MaterialDesignC.CALENDAR_PLUS));
        add.setId("outageAdd");
        add.getStyleClass().add(Styles.PRIMARY);
        add.disableProperty().bind(vm.busyProperty());
        add.setOnAction(e -> vm.add());
        return Forms.section("Record an outage", MaterialDesignC.CLOCK_ALERT_OUTLINE, g,
                Forms.warning("outageOverlap", vm.overlapWarningProperty()), Forms.buttons(add),
                Forms.error("outageError", vm.errorProperty()), Forms.status("outageStatus", vm.statusProperty()));
    }

    private static HBox times(DatePicker d, TextField t) {
        HBox h = new HBox(8, d, t);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    private VBox availability() {
        ComboBox<Customer> customer = new ComboBox<>(vm.customers());
        customer.setId("availabilityCustomer");
        customer.valueProperty().bindBidirectional(vm.availabilityCustomerProperty());
        customer.setConverter(names(""));
        customer.setPrefWidth(260);
        TableView<Availability.Month> t = Forms.table("availabilityTable", "Choose a customer");
        t.setItems(vm.availability());
        t.getColumns().add(Forms.column("Month", 140, m -> MONTH.format(m.month()) + (m.complete() ? "" : " (so far)")));
        t.getColumns().add(Forms.column("Availability", 110, OutagesViewModel::percent));
        t.getColumns().add(Forms.column("Unscheduled downtime", 160, m -> Durations.compact(m.unscheduledSeconds())));
        t.getColumns().add(Forms.column("Target 99.5 %", 120, m -> m.meetsTarget() ? "\u2714 met" : "\u2718 below target"));
        t.setRowFactory(x -> new TableRow<>() {
            @Override
            protected void updateItem(Availability.Month m, boolean empty) {
                super.updateItem(m, empty);
                getStyleClass().remove(Styles.BELOW_TARGET);
                if (!empty && m != null && !m.meetsTarget()) {
                    getStyleClass().add(Styles.BELOW_TARGET);
                }
            }
        });
        t.setPrefHeight(200);
        t.setMinHeight(190);
        HBox head = new HBox(10, new Label("Customer"), customer);
        head.setAlignment(Pos.CENTER_LEFT);
        Label note = new Label("Outages recorded for all customers count for each of them.");
        note.getStyleClass().add(Styles.ADMIN_HINT);
        return Forms.section("Monthly availability", MaterialDesignS.SERVER_NETWORK, head, t, note);
    }

    private static StringConverter<Customer> names(String none) {
        return new StringConverter<>() {
            @Override
            public String toString(Customer c) {
                return c == null ? none : c.name();
            }

            @Override
            public Customer fromString(String s) {
                return null;
            }
        };
    }
}
