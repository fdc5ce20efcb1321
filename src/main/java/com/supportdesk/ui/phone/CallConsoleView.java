package com.supportdesk.ui.phone;

import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.phone.CallerLines;
import com.supportdesk.store.ContactRepository.ContactMatch;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.KeyStyle;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.phone.CallConsoleViewModel.Target;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The call console window: timer, caller lookup, the caller's card and open tickets, the new ticket's
 * fields, notes and the policy notice. Keyboard first: the tab order follows the form top to bottom,
 * every field has a mnemonic (Alt+letter), Enter ends and saves the call (Ctrl+Enter from the notes),
 * Esc asks before discarding it.
 */
public final class CallConsoleView {

    public static final String TITLE = "Call \u2014 Support Desk";

    private static final String SUBMIT_KEY = DeskAction.SUBMIT_DIALOG.keyText(KeyStyle.current());

    private final CallConsoleViewModel vm;
    private final PhoneControls.LookupField lookup;
    private final TextField subject = new TextField();
    private final TextArea notes = new TextArea();
    private final TextField newCallerName = new TextField();

    public CallConsoleView(CallConsoleViewModel vm) {
        this.vm = vm;
        this.lookup = new PhoneControls.LookupField("caller", vm.lookup(), this::pick, () -> {
            if (vm.lookup().caller() != null) {
                vm.save();
            }
        });
    }

    /** Builds the window, owned by {@code owner}, and shows it with the timer running. */
    public Stage show(Window owner) {
        Stage stage = PhoneControls.window(owner, TITLE, root(), 760, 720, vm::save, vm::discard, vm.closedProperty());
        stage.setOnHidden(e -> vm.dispose());
        vm.start();
        vm.tick();
        stage.show();
        stage.requestFocus();
        Platform.runLater(() -> (vm.targetFixed() ? notes : lookup.field).requestFocus());
        return stage;
    }

    Parent root() {
        BorderPane root = new BorderPane();
        root.getStyleClass().add(Styles.CALL_CONSOLE);
        root.setTop(header());
        root.setCenter(form());
        root.setBottom(buttons());
        return root;
    }

    private Node header() {
        Label timer = new Label();
        timer.setId("call-timer");
        timer.getStyleClass().add(Styles.CALL_TIMER);
        timer.textProperty().bind(vm.elapsedProperty());
        timer.setGraphic(FontIcon.of(vm.directionProperty().get() == CallDirection.INBOUND
                ? MaterialDesignP.PHONE_INCOMING : MaterialDesignP.PHONE_OUTGOING));
        timer.setTooltip(new Tooltip(vm.timerHint()));
        Label heading = new Label();
        heading.setId("call-heading");
        heading.getStyleClass().add(Styles.CALL_HEADING);
        heading.textProperty().bind(vm.headingProperty());
        Label startedAt = new Label();
        startedAt.setId("call-started");
        startedAt.textProperty().bind(Bindings.createStringBinding(vm::startedText, vm.startedProperty()));
        Label waiting = new Label();
        waiting.setId("call-waiting");
        waiting.getStyleClass().add(Styles.CALL_WAITING);
        waiting.textProperty().bind(vm.waitingProperty());
        Forms.showWhen(waiting, vm.waitingProperty().isNotEmpty());
        VBox titles = new VBox(2, heading, startedAt, waiting);
        HBox box = new HBox(16, timer, titles);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(12, 16, 8, 16));
        box.getStyleClass().add(Styles.CALL_HEADER);
        return box;
    }

    private Node form() {
        PhoneControls.Rows rows = new PhoneControls.Rows(new Insets(8, 16, 8, 16));
        callerSection(rows);
        targetSection(rows);
        newTicketSection(rows);
        notesSection(rows);
        return rows.scrolling();
    }

    /** Who is calling: the lookup with Add caller…, the matches, the new-caller form and the chosen caller's card. */
    private void callerSection(PhoneControls.Rows rows) {
        TextField callerField = lookup.field;
        Button addCaller = new Button("_Add caller\u2026");
        addCaller.setId("add-caller");
        addCaller.setGraphic(FontIcon.of(MaterialDesignA.ACCOUNT_PLUS));
        addCaller.setTooltip(new Tooltip("The caller is not listed: add them as a contact now (Alt+A)"));
        addCaller.setOnAction(e -> {
            vm.startAddingCaller();
            Platform.runLater(() -> newCallerName.requestFocus());
        });
        HBox lookupRow = new HBox(8, callerField, addCaller);
        HBox.setHgrow(callerField, Priority.ALWAYS);
        GridPane.setHgrow(lookupRow, Priority.ALWAYS);
        rows.add(PhoneControls.label("_Caller", callerField), lookupRow)
                .add(lookup.matches)
                .add(newCallerPane())
                .add(new Label("Caller details"), callerCard());
    }

    private Node callerCard() {
        Label summary = new Label();
        summary.setId("caller-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.createStringBinding(() -> vm.lookup().caller() == null
                ? "No caller chosen yet" : CallerLookup.describe(vm.lookup().caller()), vm.lookup().callerProperty()));
        Label gov = new Label("UK Government", FontIcon.of(MaterialDesignF.FLAG));
        gov.setId("caller-government");
        gov.getStyleClass().add(Styles.GOV_FLAG);
        Forms.showWhen(gov, Bindings.createBooleanBinding(() -> vm.lookup().caller() != null
                && vm.lookup().caller().government(), vm.lookup().callerProperty()));
        HBox card = new HBox(10, summary, gov);
        card.setAlignment(Pos.CENTER_LEFT);
        return card;
    }

    /** What the call is logged on: a new ticket, or one of the caller's open tickets (an inbound call only). */
    private void targetSection(PhoneControls.Rows rows) {
        ToggleGroup targets = new ToggleGroup();
        RadioButton newTicket = new RadioButton("Ne_w ticket");
        newTicket.setId("target-new");
        newTicket.setToggleGroup(targets);
        newTicket.setUserData(Target.NEW_TICKET);
        PhoneControls.mnemonicSelects(newTicket);
        RadioButton existing = new RadioButton("E_xisting ticket");
        existing.setId("target-existing");
        existing.setToggleGroup(targets);
        existing.setUserData(Target.EXISTING_TICKET);
        PhoneControls.mnemonicSelects(existing);
        PhoneControls.bindToggle(targets, vm.targetProperty());
        HBox targetRow = new HBox(16, newTicket, existing);
        Forms.showWhen(targetRow, outbound().not());
        Label logOn = new Label("Log on");
        Forms.showWhen(logOn, targetRow.visibleProperty());
        rows.add(logOn, targetRow);

        ListView<Ticket> tickets = new ListView<>(vm.callerTickets());
        tickets.setId("caller-tickets");
        tickets.setPrefHeight(100);
        tickets.setPlaceholder(new Label("The caller has no open tickets"));
        tickets.setCellFactory(lv -> PhoneControls.cell(CallConsoleView::ticketText));
        tickets.disableProperty().bind(vm.targetProperty().isNotEqualTo(Target.EXISTING_TICKET));
        Forms.showWhen(tickets, outbound().not());
        tickets.getSelectionModel().selectedItemProperty().addListener((obs, old, t) -> {
            if (t != null) {
                vm.ticketProperty().set(t);
            }
        });
        vm.ticketProperty().addListener((obs, old, t) -> {
            if (t != null && tickets.getSelectionModel().getSelectedItem() != t) {
                tickets.getSelectionModel().select(t);
            }
        });
        Label openTickets = new Label("Open tickets");
        openTickets.setLabelFor(tickets);
        Forms.showWhen(openTickets, tickets.visibleProperty());
        rows.add(openTickets, tickets);
    }

    /** The new ticket's subject, severity, level and marks (off while the call goes on an existing ticket). */
    private void newTicketSection(PhoneControls.Rows rows) {
        BooleanBinding newTicketOff = vm.targetProperty().isNotEqualTo(Target.NEW_TICKET).or(outbound());
        subject.setId("subject");
        subject.setPromptText("What the caller needs, in a line");
        subject.textProperty().bindBidirectional(vm.fields().subjectProperty());
        subject.disableProperty().bind(newTicketOff);
        rows.add(PhoneControls.label("_Subject", subject), subject);

        VBox sevBox = PhoneControls.severityChooser("severity-", vm.fields().severityProperty());
        sevBox.disableProperty().bind(newTicketOff);
        rows.add(new Label("Severity"), sevBox);

        ComboBox<SupportLevel> level = PhoneControls.levelChooser("level", vm.fields().levelProperty());
        level.disableProperty().bind(newTicketOff);
        rows.add(PhoneControls.label("Support _level", level), level);

        CheckBox technical = new CheckBox("_Technical problem (not a simple query)");
        technical.setId("technical");
        PhoneControls.mnemonicToggles(technical);
        technical.selectedProperty().bindBidirectional(vm.technicalProperty());
        CheckBox sensitive = new CheckBox("_OFFICIAL-SENSITIVE");
        sensitive.setId("sensitive");
        PhoneControls.mnemonicToggles(sensitive);
        sensitive.setGraphic(FontIcon.of(MaterialDesignS.SHIELD_LOCK));
        sensitive.getStyleClass().add(Styles.SENSITIVE);
        sensitive.setTooltip(new Tooltip("The call is about OFFICIAL-SENSITIVE data: the ticket is classified"
                + " sensitive and goes to a cleared agent"));
        sensitive.selectedProperty().bindBidirectional(vm.fields().sensitiveProperty());
        rows.add(new HBox(24, technical, sensitive));
    }

    /** The notes (autosaved), the policy notice and what stops the call being saved. */
    private void notesSection(PhoneControls.Rows rows) {
        notes.setId("notes");
        notes.setPromptText("Notes \u2014 autosaved every few seconds");
        notes.setWrapText(true);
        notes.setPrefRowCount(6);
        notes.textProperty().bindBidirectional(vm.notesProperty());
        notes.addEventFilter(KeyEvent.KEY_PRESSED, PhoneControls::tabLeavesTextArea);
        rows.add(PhoneControls.label("_Notes", notes), notes);

        Label hint = PhoneControls.message("policy-hint", vm.hintProperty(), Styles.POLICY_HINT);
        hint.setGraphic(FontIcon.of(MaterialDesignA.ALERT_OUTLINE));
        hint.setMaxWidth(Double.MAX_VALUE);
        rows.add(hint).add(PhoneControls.message("problems", vm.problemsProperty(), Styles.PROBLEMS));
    }

    private BooleanBinding outbound() {
        return vm.directionProperty().isEqualTo(CallDirection.OUTBOUND);
    }

    private Node newCallerPane() {
        newCallerName.setId("new-caller-name");
        newCallerName.textProperty().bindBidirectional(vm.newCaller().nameProperty());
        TextField phone = new TextField();
        phone.setId("new-caller-phone");
        phone.textProperty().bindBidirectional(vm.newCaller().phoneProperty());
        TextField email = new TextField();
        email.setId("new-caller-email");
        email.textProperty().bindBidirectional(vm.newCaller().emailProperty());
        ComboBox<Customer> customer = new ComboBox<>(vm.newCaller().customers());
        customer.setId("new-caller-customer");
        customer.setConverter(PhoneControls.converter(c -> c.name() + (c.government() ? " (UK Government)" : "")));
        customer.valueProperty().bindBidirectional(vm.newCaller().customerProperty());
        customer.setMaxWidth(Double.MAX_VALUE);
        ChoiceBox<ContactRole> role = new ChoiceBox<>();
        role.setId("new-caller-role");
        role.getItems().setAll(CallerLookup.roles());
        role.setConverter(PhoneControls.converter(CallerLookup::roleText));
        role.valueProperty().bindBidirectional(vm.newCaller().roleProperty());
        Button add = new Button("Sa_ve caller");
        add.setId("save-caller");
        add.setOnAction(e -> {
            vm.addCaller();
            subject.requestFocus();
        });
        newCallerName.setOnAction(e -> add.fire());
        phone.setOnAction(e -> add.fire());
        email.setOnAction(e -> add.fire());

        GridPane p = new GridPane();
        p.setHgap(8);
        p.setVgap(6);
        p.getStyleClass().add(Styles.NEW_CALLER);
        p.add(PhoneControls.label("Na_me", newCallerName), 0, 0);
        p.add(newCallerName, 1, 0);
        p.add(PhoneControls.label("_Phone", phone), 2, 0);
        p.add(phone, 3, 0);
        p.add(PhoneControls.label("E-ma_il", email), 0, 1);
        p.add(email, 1, 1);
        p.add(PhoneControls.label("C_ustomer", customer), 2, 1);
        p.add(customer, 3, 1);
        p.add(PhoneControls.label("_Role", role), 0, 2);
        p.add(role, 1, 2);
        p.add(add, 3, 2);
        Forms.showWhen(p, vm.newCaller().openProperty());
        return p;
    }

    private Node buttons() {
        return PhoneControls.buttonBar("", vm.statusProperty(), vm.busyProperty(), "_Discard call\u2026", vm::discard,
                "_End call and save", "Enter (" + SUBMIT_KEY + " from the notes): stamp the end, log the call and close",
                vm::save);
    }

    private void pick(ContactMatch m) {
        vm.chooseCaller(m);
        if (vm.targetFixed()) {
            notes.requestFocus();
        } else if (vm.targetProperty().get() == Target.NEW_TICKET) {
            subject.requestFocus();
        } else {
            notes.requestFocus();
        }
    }

    static String ticketText(Ticket t) {
        return CallerLines.ticket(t);
    }
}
