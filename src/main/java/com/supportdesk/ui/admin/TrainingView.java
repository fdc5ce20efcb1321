package com.supportdesk.ui.admin;

import com.supportdesk.domain.Customer;
import com.supportdesk.store.TrainingRepository.Session;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
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
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Training sessions of a customer: contracted vs delivered vs remaining, the sessions, and a form to record one. */
public final class TrainingView extends BorderPane {

    private final TrainingViewModel vm;
    private final DialogService dialogs;

    public TrainingView(TrainingViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        setId("trainingView");
        getStyleClass().add(Styles.ADMIN_VIEW);
        setTop(Forms.header("Training sessions", MaterialDesignS.SCHOOL_OUTLINE,
                "Training and adoption sessions per customer against the number in their contract. A session counts as"
                        + " delivered once its date has come; later ones are planned."));
        VBox list = sessions();
        HBox.setHgrow(list, Priority.ALWAYS);
        VBox right = new VBox(recordForm());
        right.getStyleClass().add(Styles.ADMIN_COLUMN);
        HBox body = new HBox(list, right);
        body.getStyleClass().addAll(Styles.ADMIN_COLUMNS, Styles.ADMIN_BODY);
        setCenter(body);
    }

    /** The customer, contracted vs delivered vs remaining, and the sessions with Delete. */
    private VBox sessions() {
        TableView<Session> table = Forms.table("trainingTable", "No sessions recorded for this customer");
        table.setItems(vm.sessions());
        table.getColumns().add(Forms.column("Date", 120, s -> PolicyViewModel.format(s.heldOn())));
        table.getColumns().add(Forms.column("Topic", 240, Session::topic));
        table.getColumns().add(Forms.column("Attendees", 220, Session::attendees));
        table.getColumns().add(Forms.column("Delivered by", 130, Session::deliveredBy));
        table.getColumns().add(Forms.column("", 80, s -> vm.planned(s) ? "Planned" : "Delivered"));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Session s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove(Styles.INACTIVE);
                if (!empty && s != null && vm.planned(s)) {
                    getStyleClass().add(Styles.INACTIVE);
                }
            }
        });
        Button delete = new Button("Delete session\u2026", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        delete.setId("trainingDelete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(vm.busyProperty()));
        delete.setOnAction(e -> {
            Session s = table.getSelectionModel().getSelectedItem();
            if (s != null && dialogs.confirm("Delete this training session?", "\u201c" + s.topic() + "\u201d on "
                    + PolicyViewModel.format(s.heldOn()) + " will no longer count as delivered.", "Delete")) {
                vm.delete(s);
            }
        });
        VBox list = Forms.section("Sessions", MaterialDesignC.CALENDAR_CHECK_OUTLINE, customerLine(), table,
                Forms.buttons(delete));
        VBox.setVgrow(table, Priority.ALWAYS);
        return list;
    }

    /** The customer chooser and the contract summary ("2 of 4 delivered, 2 remaining"). */
    private HBox customerLine() {
        ComboBox<Customer> customer = new ComboBox<>(vm.customers());
        customer.setId("trainingCustomer");
        customer.valueProperty().bindBidirectional(vm.customerProperty());
        customer.setConverter(new StringConverter<>() {
            @Override
            public String toString(Customer c) {
                return c == null ? "" : c.name();
            }

            @Override
            public Customer fromString(String s) {
                return null;
            }
        });
        customer.setPrefWidth(280);
        Label summary = new Label();
        summary.setId("trainingSummary");
        summary.getStyleClass().add(Styles.SUMMARY_PILL);
        summary.textProperty().bind(Bindings.createStringBinding(() -> TrainingViewModel.summaryText(vm.summaryProperty().get()),
                vm.summaryProperty()));
        summary.visibleProperty().bind(vm.summaryProperty().isNotNull());
        vm.summaryProperty().addListener((o, was, s) -> {
            summary.getStyleClass().removeAll(Styles.WARN, Styles.GOOD);
            if (s != null) {
                summary.getStyleClass().add(s.remaining() == 0 ? Styles.GOOD : Styles.WARN);
            }
        });
        HBox top = new HBox(10, new Label("Customer"), customer, summary);
        top.setAlignment(Pos.CENTER_LEFT);
        return top;
    }

    /** Record a session: date, topic, attendees, who delivered it. */
    private VBox recordForm() {
        DatePicker date = Forms.datePicker("trainingDate");
        date.valueProperty().bindBidirectional(vm.dateProperty());
        TextField topic = new TextField();
        topic.setId("trainingTopic");
        topic.setPromptText("e.g. Reporting module for new team leads");
        topic.textProperty().bindBidirectional(vm.topicProperty());
        TextField attendees = new TextField();
        attendees.setId("trainingAttendees");
        attendees.setPromptText("Names, separated by commas");
        attendees.textProperty().bindBidirectional(vm.attendeesProperty());
        ComboBox<String> by = new ComboBox<>(vm.people());
        by.setId("trainingDeliveredBy");
        by.setEditable(true);
        by.valueProperty().bindBidirectional(vm.deliveredByProperty());
        GridPane g = Forms.grid();
        Forms.row(g, 0, "Date", date);
        Forms.row(g, 1, "Topic", topic);
        Forms.row(g, 2, "Attendees", attendees);
        Forms.row(g, 3, "Delivered by", by);
        Button add = new Button("Record session", new FontIcon(MaterialDesignC.CALENDAR_PLUS));
        add.setId("trainingAdd");
        add.getStyleClass().add(Styles.PRIMARY);
        add.disableProperty().bind(vm.busyProperty().or(vm.customerProperty().isNull()));
        add.setOnAction(e -> {
            if (by.getEditor() != null && by.isEditable()) {
                vm.deliveredByProperty().set(by.getEditor().getText());
            }
            vm.add();
        });
        VBox form = Forms.section("Record a session", MaterialDesignS.SCHOOL_OUTLINE, g, Forms.buttons(add),
                Forms.error("trainingError", vm.errorProperty()), Forms.status("trainingStatus", vm.statusProperty()));
        form.setPrefWidth(380);
        form.setMinWidth(360);
        return form;
    }
}
