package com.supportdesk.ui.admin;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
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
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignK;

/** Agents: the list on the left, the selected (or new) agent's form and password reset on the right. */
public final class AgentsView extends BorderPane {

    private final AgentsViewModel vm;
    private final TableView<Agent> table;

    public AgentsView(AgentsViewModel vm) {
        this.vm = vm;
        setId("agentsView");
        getStyleClass().add(Styles.ADMIN_VIEW);
        setTop(Forms.header("Agents", MaterialDesignA.ACCOUNT_GROUP,
                "Staff accounts: security clearance (Official Sensitive), support level, team lead, admin, active."));
        table = Forms.table("agentsTable", "No agents");
        table.setItems(vm.agents());
        table.getColumns().add(Forms.column("Name", 140, Agent::displayName));
        table.getColumns().add(Forms.column("User name", 90, Agent::username));
        table.getColumns().add(Forms.column("Level", 65, a -> a.level().label()));
        table.getColumns().add(Forms.column("Clearance", 80, a -> a.cleared() ? "Cleared" : "\u2014"));
        table.getColumns().add(Forms.column("Roles", 130, AgentsViewModel::roles));
        table.getColumns().add(Forms.column("Status", 80, a -> a.active() ? "Active" : "Deactivated"));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Agent a, boolean empty) {
                super.updateItem(a, empty);
                getStyleClass().remove(Styles.INACTIVE);
                if (!empty && a != null && !a.active()) {
                    getStyleClass().add(Styles.INACTIVE);
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, a) -> {
            if (a != null && a != vm.editingProperty().get()) {
                vm.edit(a);
            }
        });
        vm.editingProperty().addListener((o, was, a) -> {
            if (a == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() == null
                    || table.getSelectionModel().getSelectedItem().id() != a.id()) {
                vm.agents().stream().filter(x -> x.id() == a.id()).findFirst().ifPresent(x -> table.getSelectionModel().select(x));
            }
        });
        Button add = new Button("New agent", new FontIcon(MaterialDesignA.ACCOUNT_PLUS_OUTLINE));
        add.setId("newAgent");
        add.setOnAction(e -> vm.edit(null));
        VBox list = Forms.section("Staff", MaterialDesignA.ACCOUNT_MULTIPLE_OUTLINE, table, Forms.buttons(add));
        VBox.setVgrow(table, Priority.ALWAYS);
        HBox.setHgrow(list, Priority.ALWAYS);

        VBox right = new VBox(form(), passwordReset());
        right.getStyleClass().add(Styles.ADMIN_COLUMN);
        right.setPrefWidth(430);
        right.setMinWidth(420);
        HBox body = new HBox(list, right);
        body.getStyleClass().addAll(Styles.ADMIN_COLUMNS, Styles.ADMIN_BODY);
        setCenter(body);
    }

    private VBox form() {
        TextField username = new TextField();
        username.setId("agentUsername");
        username.textProperty().bindBidirectional(vm.usernameProperty());
        username.editableProperty().bind(vm.creatingProperty());
        TextField name = new TextField();
        name.setId("agentDisplayName");
        name.textProperty().bindBidirectional(vm.displayNameProperty());
        ComboBox<SupportLevel> level = new ComboBox<>(FXCollections.observableArrayList(SupportLevel.values()));
        level.setId("agentLevel");
        level.valueProperty().bindBidirectional(vm.levelProperty());
        level.setConverter(new StringConverter<>() {
            @Override
            public String toString(SupportLevel l) {
                return l == null ? "" : l.label();
            }

            @Override
            public SupportLevel fromString(String s) {
                return null;
            }
        });
        CheckBox cleared = check("agentCleared", "Security cleared (Official Sensitive)", vm.clearedProperty());
        CheckBox lead = check("agentLead", "Team lead (wallboard, training, outages)", vm.leadProperty());
        CheckBox admin = check("agentAdmin", "Admin (policy, staff, customers)", vm.adminProperty());
        CheckBox active = check("agentActive", "Active (may sign in)", vm.activeProperty());
        PasswordField pw = new PasswordField();
        pw.setId("agentPassword");
        pw.textProperty().bindBidirectional(vm.passwordProperty());
        PasswordField pw2 = new PasswordField();
        pw2.setId("agentPassword2");
        pw2.textProperty().bindBidirectional(vm.repeatProperty());
        GridPane g = Forms.grid();
        Forms.row(g, 0, "User name", username);
        Forms.row(g, 1, "Full name", name);
        Forms.row(g, 2, "Support level", level);
        g.add(new VBox(6, cleared, lead, admin, active), 1, 3);
        Label pwLabel = new Label("Initial password");
        pwLabel.getStyleClass().add(Styles.FORM_LABEL);
        Label pw2Label = new Label("Repeat");
        pw2Label.getStyleClass().add(Styles.FORM_LABEL);
        g.add(pwLabel, 0, 4);
        g.add(pw, 1, 4);
        g.add(pw2Label, 0, 5);
        g.add(pw2, 1, 5);
        for (Node n : new Node[] {pwLabel, pw, pw2Label, pw2}) {
            Forms.showWhen(n, vm.creatingProperty());
        }
        Button save = new Button(null, new FontIcon(MaterialDesignC.CONTENT_SAVE_OUTLINE));
        save.setId("agentSave");
        save.getStyleClass().add(Styles.PRIMARY);
        save.textProperty().bind(Bindings.when(vm.creatingProperty()).then("Create agent").otherwise("Save changes"));
        save.disableProperty().bind(vm.busyProperty());
        save.setDefaultButton(true);
        save.setOnAction(e -> vm.save());
        Label title = new Label();
        title.getStyleClass().add(Styles.SECTION_TITLE);
        VBox box = Forms.section("Agent", MaterialDesignA.ACCOUNT_EDIT_OUTLINE, g, Forms.buttons(save),
                Forms.error("agentError", vm.errorProperty()), Forms.status("agentStatus", vm.statusProperty()));
        Label head = (Label) box.getChildren().get(0);
        head.textProperty().bind(Bindings.createStringBinding(() -> vm.editingProperty().get() == null ? "New agent"
                : "Edit " + vm.editingProperty().get().displayName(), vm.editingProperty()));
        return box;
    }

    private VBox passwordReset() {
        PasswordField pw = new PasswordField();
        pw.setId("resetPassword");
        pw.textProperty().bindBidirectional(vm.passwordProperty());
        PasswordField pw2 = new PasswordField();
        pw2.setId("resetPassword2");
        pw2.textProperty().bindBidirectional(vm.repeatProperty());
        GridPane g = Forms.grid();
        Forms.row(g, 0, "New password", pw);
        Forms.row(g, 1, "Repeat", pw2);
        Button reset = new Button("Reset password", new FontIcon(MaterialDesignK.KEY_VARIANT));
        reset.setId("agentResetPassword");
        reset.disableProperty().bind(vm.busyProperty());
        reset.setOnAction(e -> vm.resetPassword());
        VBox box = Forms.section("Reset password", MaterialDesignK.KEY_OUTLINE, g, Forms.buttons(reset));
        Forms.showWhen(box, vm.creatingProperty().not());
        return box;
    }

    private static CheckBox check(String id, String text, BooleanProperty p) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.selectedProperty().bindBidirectional(p);
        return c;
    }

    public TableView<Agent> table() {
        return table;
    }
}
