package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.ui.common.CallConsoleOpener;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Errors;
import com.supportdesk.ui.common.FormDialog;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Icons;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.TaskExecutor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The ticket's actions and the views of their dialogs. What a dialog asks, checks and submits is in its view-model
 * ({@link AssignForm}, {@link LevelForm}, {@link NewTicketForm}, {@link ValueForm}); here the controls are built and
 * bound to it. Every dialog stays open on failure with the message (e.g. "SD-12 was changed by Lee Adams … — reload")
 * and the agent's text kept.
 */
public final class TicketActions {

    private final TicketDetailViewModel vm;
    private final Supplier<Window> owner;
    private final ReplyComposer composer;
    private final CallConsoleOpener callConsole;
    private final DialogService dialogs;
    private final TaskExecutor executor;
    private Consumer<Ticket> onCreated = t -> { };

    public TicketActions(TicketDetailViewModel vm, Supplier<Window> owner, ReplyComposer composer,
                         CallConsoleOpener callConsole, DialogService dialogs, TaskExecutor executor) {
        this.vm = vm;
        this.owner = owner;
        this.composer = composer;
        this.callConsole = callConsole;
        this.dialogs = dialogs;
        this.executor = executor;
    }

    public void setOnCreated(Consumer<Ticket> onCreated) {
        this.onCreated = onCreated;
    }

    private Ticket current() {
        Ticket t = vm.ticketProperty().get();
        if (t == null) {
            dialogs.showInfo("No ticket selected", "Select a ticket on the board first.");
        }
        return t;
    }

    // ---------------------------------------------------------------- actions without a dialog

    public void assignToMe() {
        if (current() != null) {
            vm.assignToMe().exceptionally(err -> {
                dialogs.showError("Could not assign", Errors.plain(err));
                return null;
            });
        }
    }

    public void reply() {
        Ticket t = current();
        if (t != null) {
            composer.compose(owner.get(), vm.agent(), t, vm::reload);
        }
    }

    /** An outbound (or further) call logged on the ticket at hand. */
    public void logCall() {
        callConsole.open(vm.agent(), vm.ticketProperty().get());
    }

    /** A new inbound call (Ctrl+L from anywhere): the console starts its timer now, with no ticket yet. */
    public void newCall() {
        callConsole.open(vm.agent(), null);
    }

    /** Logs a chat transcript: on the ticket at hand if there is one, else as a new ticket. */
    public void logChat() {
        try {
            callConsole.logChat(vm.agent(), vm.ticketProperty().get());
        } catch (UnsupportedOperationException e) {
            dialogs.showInfo("Log chat", e.getMessage());
        }
    }

    // ---------------------------------------------------------------- dialogs

    public void assignTo() {
        Ticket t = current();
        if (t == null) {
            return;
        }
        AssignForm form = new AssignForm(vm, t);
        ComboBox<Agent> who = new ComboBox<>(form.agents());
        who.setId("assignAgent");
        who.setMaxWidth(Double.MAX_VALUE);
        who.setCellFactory(lv -> named(TicketActions::describe));
        who.setButtonCell(named(TicketActions::describe));
        who.valueProperty().bindBidirectional(form.assigneeProperty());
        CheckBox none = new CheckBox("Leave it unassigned");
        none.setId("assignNone");
        none.selectedProperty().bindBidirectional(form.unassignedProperty());
        who.disableProperty().bind(none.selectedProperty());
        form.load();
        VBox box = new VBox(8, new Label(form.hint()), who, none);
        new FormDialog(owner.get(), "Assign " + t.ref(), "Who should work on " + t.ref() + "?", box, "Assign")
                .onSubmit(form::submit).show();
    }

    public void changeSeverity() {
        Ticket t = current();
        if (t == null) {
            return;
        }
        ValueForm<Severity> form = new ValueForm<>(t.severity(), vm::changeSeverity);
        VBox box = new VBox(10);
        ToggleGroup g = new ToggleGroup();
        for (Severity s : Severity.values()) {
            RadioButton r = choice(g, form.valueProperty(), s, Countdown.severityText(s), "severity-" + s.name());
            r.setGraphic(new FontIcon(Icons.severity(s)));
            Label def = hint(s.definition());
            def.setPadding(new Insets(0, 0, 0, 26));
            box.getChildren().add(new VBox(2, r, def));
        }
        box.getChildren().add(hint("The response deadline is recomputed from when the customer asked, with the new target."));
        new FormDialog(owner.get(), "Severity of " + t.ref(), "Change the severity of " + t.ref(), box, "Change severity")
                .onSubmit(form::submit).show();
    }

    public void changeLevel() {
        Ticket t = current();
        if (t == null) {
            return;
        }
        LevelForm form = new LevelForm(vm, t);
        ComboBox<SupportLevel> level = new ComboBox<>(FXCollections.observableArrayList(SupportLevel.values()));
        level.setId("levelChoice");
        level.setButtonCell(named(SupportLevel::label));
        level.setCellFactory(lv -> named(SupportLevel::label));
        level.valueProperty().bindBidirectional(form.levelProperty());
        TextArea reason = area("levelReason", "Why does the next level need to take it?", 3, form.reasonProperty());
        TextArea steps = area("levelSteps", "1. …\n2. …  (complete steps to reproduce)", 5, form.stepsProperty());
        TextArea isolation = area("levelIsolation", "What was ruled out: environments, data, versions, network…", 4,
                form.isolationProperty());
        VBox l3box = new VBox(6, new Label("Steps to reproduce"), steps, new Label("Isolation done"), isolation,
                hint("Level 3 needs the complete steps to reproduce and the isolation done at level 2; they are added to"
                        + " the conversation for level 3 to read."));
        Forms.showWhen(l3box, form.reproductionNeededBinding());
        VBox box = new VBox(8, new Label("Move to"), level, new Label("Reason"), reason, l3box);
        new FormDialog(owner.get(), "Support level of " + t.ref(), form.header(), box, "Change level")
                .onSubmit(form::submit).show();
    }

    public void changeStatus() {
        Ticket t = current();
        if (t == null) {
            return;
        }
        ValueForm<TicketStatus> form = new ValueForm<>(t.status(), vm::changeStatus);
        ToggleGroup g = new ToggleGroup();
        VBox box = new VBox(8);
        for (TicketStatus s : TicketStatus.values()) {
            box.getChildren().add(choice(g, form.valueProperty(), s, s.label(), "status-" + s.name()));
        }
        new FormDialog(owner.get(), "Status of " + t.ref(), "Change the status of " + t.ref(), box, "Change status")
                .onSubmit(form::submit).show();
    }

    public void addNote() {
        Ticket t = current();
        if (t == null) {
            return;
        }
        ValueForm<String> form = new ValueForm<>("", vm::addNote);
        TextArea text = area("noteText", "Only agents see notes. A note never counts as customer contact.", 8,
                form.valueProperty());
        new FormDialog(owner.get(), "Internal note on " + t.ref(), "Add an internal note to " + t.ref(), text, "Add note")
                .onSubmit(form::submit).show();
    }

    /** A ticket typed in by the agent: received defaults to now (the time the customer asked). */
    public void newTicket() {
        NewTicketForm form = new NewTicketForm(vm, executor);
        form.load();
        new FormDialog(owner.get(), "New ticket", "Open a new ticket", newTicketGrid(form), "Open ticket")
                .onSubmit(() -> form.submit().thenAccept(onCreated)).show();
    }

    private GridPane newTicketGrid(NewTicketForm form) {
        TextField subject = new TextField();
        subject.setId("newSubject");
        subject.setPromptText("What the customer asked, in a line");
        subject.setPrefColumnCount(32);
        subject.textProperty().bindBidirectional(form.subjectProperty());
        ComboBox<Severity> severity = new ComboBox<>(FXCollections.observableArrayList(Severity.values()));
        severity.setId("newSeverity");
        severity.setButtonCell(named(Countdown::severityText));
        severity.setCellFactory(lv -> named(Countdown::severityText));
        severity.valueProperty().bindBidirectional(form.severityProperty());
        Label def = hint("");
        def.setMaxWidth(380);
        def.textProperty().bind(form.severityProperty().map(Severity::definition).orElse(""));
        ComboBox<Channel> channel = new ComboBox<>(FXCollections.observableArrayList(Channel.values()));
        channel.valueProperty().bindBidirectional(form.channelProperty());
        ComboBox<Customer> customer = new ComboBox<>(form.customers());
        customer.setId("newCustomer");
        customer.setPromptText("Customer");
        customer.setCellFactory(lv -> named(Customer::name));
        customer.setButtonCell(named(Customer::name));
        customer.valueProperty().bindBidirectional(form.customerProperty());
        ComboBox<Contact> contact = new ComboBox<>(form.contacts());
        contact.setPromptText("Contact");
        contact.setCellFactory(lv -> named(c -> c.name() + (c.email() == null ? "" : " <" + c.email() + ">")));
        contact.setButtonCell(named(Contact::name));
        contact.valueProperty().bindBidirectional(form.contactProperty());
        TextField asked = new TextField();
        asked.setId("newAsked");
        asked.setPrefColumnCount(6);
        asked.textProperty().bindBidirectional(form.askedAtProperty());
        CheckBox sensitive = new CheckBox("OFFICIAL-SENSITIVE (goes to a cleared agent)");
        sensitive.setId("newSensitive");
        sensitive.selectedProperty().bindBidirectional(form.sensitiveProperty());
        TextArea body = area("newBody", "Details, as the customer described them", 5, form.detailsProperty());
        GridPane g = Forms.grid();
        Forms.row(g, 0, "Subject", subject);
        Forms.row(g, 1, "Severity", severity);
        g.add(def, 1, 2);
        Forms.row(g, 3, "Channel", channel);
        Forms.row(g, 4, "Customer", customer);
        Forms.row(g, 5, "Contact", contact);
        Forms.row(g, 6, "Customer asked at", asked);
        g.add(sensitive, 1, 7);
        Forms.row(g, 8, "Details", body);
        return g;
    }

    // ---------------------------------------------------------------- small pieces

    private static String describe(Agent a) {
        return a.displayName() + " (" + a.username() + ", " + a.level().label() + (a.cleared() ? ", cleared" : "") + ")";
    }

    /** One choice of a form's value: selected while the value is this option, and choosing it sets the value. */
    private static <T> RadioButton choice(ToggleGroup g, ObjectProperty<T> value, T option, String text, String id) {
        RadioButton r = new RadioButton(text);
        r.setToggleGroup(g);
        r.setId(id);
        r.setSelected(option.equals(value.get()));
        r.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                value.set(option);
            }
        });
        return r;
    }

    private static <T> ListCell<T> named(Function<T, String> f) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : f.apply(v));
            }
        };
    }

    /** A text area bound both ways to a form's text. */
    private static TextArea area(String id, String prompt, int rows, Property<String> model) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPromptText(prompt);
        a.setPrefRowCount(rows);
        a.setWrapText(true);
        a.textProperty().bindBidirectional(model);
        return a;
    }

    private static Label hint(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.DEFINITION);
        l.setWrapText(true);
        return l;
    }
}
