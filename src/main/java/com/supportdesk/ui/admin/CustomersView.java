package com.supportdesk.ui.admin;

import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignO;

/** Customers on the left; the selected customer's details (with training) and contacts on the right. */
public final class CustomersView extends BorderPane {

    private final CustomersViewModel vm;

    public CustomersView(CustomersViewModel vm) {
        this.vm = vm;
        setId("customersView");
        getStyleClass().add(Styles.ADMIN_VIEW);
        setTop(Forms.header("Customers & contacts", MaterialDesignO.OFFICE_BUILDING_OUTLINE,
                "Customers with the UK Government flag (Official Sensitive markings apply) and contracted training"
                        + " sessions; each customer's administrators and registered users."));
        TableView<Customer> table = Forms.table("customersTable", "No customers yet");
        table.setItems(vm.customers());
        table.getColumns().add(Forms.column("Customer", 190, Customer::name));
        table.getColumns().add(Forms.column("Government", 90, c -> c.government() ? "UK Government" : "\u2014"));
        table.getColumns().add(Forms.column("Training sessions", 220, vm::trainingSummary));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, c) -> {
            if (c != null && (vm.editingProperty().get() == null || vm.editingProperty().get().id() != c.id())) {
                vm.edit(c);
            }
        });
        vm.customers().addListener((ListChangeListener<Customer>) ch -> {
            Customer e = vm.editingProperty().get();
            if (e != null) {
                vm.customers().stream().filter(c -> c.id() == e.id()).findFirst()
                        .ifPresent(c -> table.getSelectionModel().select(c));
            }
        });
        Button add = new Button("New customer", new FontIcon(MaterialDesignO.OFFICE_BUILDING_PLUS_OUTLINE));
        add.setId("newCustomer");
        add.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            vm.edit(null);
        });
        VBox list = Forms.section("Customers", MaterialDesignO.OFFICE_BUILDING, table, Forms.buttons(add));
        VBox.setVgrow(table, Priority.ALWAYS);
        list.setPrefWidth(520);
        HBox.setHgrow(list, Priority.ALWAYS);

        VBox right = new VBox(customerForm(), contacts());
        right.getStyleClass().add(Styles.ADMIN_COLUMN);
        right.setPrefWidth(560);
        right.setMinWidth(520);
        VBox.setVgrow(right.getChildren().get(1), Priority.ALWAYS);
        HBox body = new HBox(list, right);
        body.getStyleClass().addAll(Styles.ADMIN_COLUMNS, Styles.ADMIN_BODY);
        setCenter(body);
    }

    private VBox customerForm() {
        TextField name = new TextField();
        name.setId("customerName");
        name.textProperty().bindBidirectional(vm.nameProperty());
        CheckBox gov = new CheckBox("UK Government (Official Sensitive markings apply)");
        gov.setId("customerGovernment");
        gov.selectedProperty().bindBidirectional(vm.governmentProperty());
        TextField sessions = new TextField();
        sessions.setId("customerSessions");
        sessions.setPrefColumnCount(4);
        sessions.setMaxWidth(80);
        sessions.textProperty().bindBidirectional(vm.sessionsProperty());
        Label training = new Label();
        training.setId("customerTraining");
        training.getStyleClass().add(Styles.SUMMARY_PILL);
        training.textProperty().bind(vm.trainingTextProperty());
        training.visibleProperty().bind(training.textProperty().isNotEmpty());
        HBox sessionRow = new HBox(10, sessions, training);
        sessionRow.setAlignment(Pos.CENTER_LEFT);
        GridPane g = Forms.grid();
        Forms.row(g, 0, "Name", name);
        g.add(gov, 1, 1);
        Forms.row(g, 2, "Training sessions", sessionRow);
        Button save = new Button(null, new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("customerSave");
        save.getStyleClass().add(Styles.PRIMARY);
        save.textProperty().bind(Bindings.when(vm.editingProperty().isNull()).then("Add customer").otherwise("Save customer"));
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.save());
        VBox box = Forms.section("Customer", MaterialDesignO.OFFICE_BUILDING_COG_OUTLINE, g, Forms.buttons(save),
                Forms.error("customerError", vm.errorProperty()), Forms.status("customerStatus", vm.statusProperty()));
        ((Label) box.getChildren().get(0)).textProperty().bind(Bindings.createStringBinding(() ->
                vm.editingProperty().get() == null ? "New customer" : vm.editingProperty().get().name(), vm.editingProperty()));
        return box;
    }

    private VBox contacts() {
        TableView<Contact> table = Forms.table("contactsTable", "No contacts for this customer");
        table.setItems(vm.contacts());
        table.getColumns().add(Forms.column("Name", 140, Contact::name));
        table.getColumns().add(Forms.column("Role", 110, c -> CustomersViewModel.roleText(c.role())));
        table.getColumns().add(Forms.column("E-mail", 170, Contact::email));
        table.getColumns().add(Forms.column("Phone", 120, Contact::phone));
        table.getSelectionModel().selectedItemProperty().addListener((o, was, c) -> {
            if (c != null && vm.editingContactProperty().get() != c) {
                vm.editContact(c);
            }
        });
        table.setPrefHeight(140);
        TextField name = new TextField();
        name.setId("contactName");
        name.textProperty().bindBidirectional(vm.contactNameProperty());
        ComboBox<ContactRole> role = new ComboBox<>(FXCollections.observableArrayList(ContactRole.values()));
        role.setId("contactRole");
        role.valueProperty().bindBidirectional(vm.roleProperty());
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(ContactRole r) {
                return r == null ? "" : CustomersViewModel.roleText(r);
            }

            @Override
            public ContactRole fromString(String s) {
                return null;
            }
        });
        TextField email = new TextField();
        email.setId("contactEmail");
        email.textProperty().bindBidirectional(vm.emailProperty());
        TextField phone = new TextField();
        phone.setId("contactPhone");
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        GridPane g = Forms.grid();
        Forms.row(g, 0, "Name", name);
        Forms.row(g, 1, "Role", role);
        g.add(new Label("E-mail"), 2, 0);
        g.add(email, 3, 0);
        g.add(new Label("Phone"), 2, 1);
        g.add(phone, 3, 1);
        g.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> n.getStyleClass().add(Styles.FORM_LABEL));
        ColumnConstraints c3 = new ColumnConstraints();
        ColumnConstraints c4 = new ColumnConstraints();
        c4.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(c3, c4);
        Button save = new Button(null, new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("contactSave");
        save.textProperty().bind(Bindings.when(vm.editingContactProperty().isNull()).then("Add contact").otherwise("Save contact"));
        save.disableProperty().bind(vm.busyProperty().or(vm.editingProperty().isNull()));
        save.setOnAction(e -> vm.saveContact());
        Button fresh = new Button("New contact", new FontIcon(MaterialDesignA.ACCOUNT_PLUS_OUTLINE));
        fresh.setId("newContact");
        fresh.disableProperty().bind(vm.editingProperty().isNull());
        fresh.setOnAction(e -> {
            table.getSelectionModel().clearSelection();
            vm.editContact(null);
        });
        VBox box = Forms.section("Contacts", MaterialDesignD.DOMAIN, table, g, Forms.buttons(save, fresh),
                Forms.error("contactError", vm.contactErrorProperty()), Forms.status("contactStatus", vm.contactStatusProperty()));
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }
}
