package com.supportdesk.ui.ticket;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.ui.common.CallConsoleOpener;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Errors;
import com.supportdesk.ui.common.FormDialog;
import com.supportdesk.ui.common.Icons;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.TaskExecutor;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
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
 * The action dialogs of the ticket at hand. Every one stays open on failure with the message (e.g.
 * "SD-12 was changed by Lee Adams … — reload") and the agent's text kept.
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

    public void assignToMe() {
        if (current() != null) {
            vm.assignToMe().exceptionally(err -> {
                dialogs.showError("Could not assign", Errors.plain(err));
                return null;
            });
        }
    }

    public void assignTo() {
        Ticket t = current();
        if (t == null) {
            return;
        }
        ComboBox<Agent> who = new ComboBox<>();
        who.setId("assignAgent");
        who.setMaxWidth(Double.MAX_VALUE);
        who.setCellFactory(lv -> agentCell());
        who.setButtonCell(agentCell());
        CheckBox none = new CheckBox("Leave it unassigned");
        none.setId("assignNone");
        who.disableProperty().bind(none.selectedProperty());
        vm.assignable().thenAccept(list -> {
            who.getItems().setAll(list);
            list.stream().filter(a -> a.id() == (t.assigneeId() == null ? -1 : t.assigneeId())).findFirst().ifPresent(who::setValue);
        });
        VBox box = new VBox(8, new Label(t.sensitive() ? "Only cleared staff can take an Official Sensitive ticket." : "Assign to"), who, none);
        new FormDialog(owner.get(), "Assign " + t.ref(), "Who should work on " + t.ref() + "?", box, "Assign")
                .onSubmit(() -> {
                    if (!none.isSelected() && who.getValue() == null) {
                        return CompletableFuture.failedFuture(new IllegalArgumentException("Choose someone, or tick 'Leave it unassigned'."));
                    }
                    return vm.assign(none.isSelected() ? null : who.getValue());
                }).show();
    }

    private static ListCell<Agent> agentCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Agent a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : a.displayName() + " (" + a.username() + ", " + a.level().label()
                        + (a.cleared() ? ", cleared" : "") + ")");
            }
        };
    }

    public void changeSeverity() {
        Ticket t = current();
        if (t == null) {
            return;
        }
        ToggleGroup g = new ToggleGroup();
        VBox box = new VBox(10);
        for (Severity s : Severity.values()) {
            RadioButton r = new RadioButton(Countdown.severityText(s));
            r.setGraphic(new FontIcon(Icons.severity(s)));
            r.setUserData(s);
            r.setToggleGroup(g);
            r.setId("severity-" + s.name());
            r.setSelected(s == t.severity());
            Label def = new Label(s.definition());
            def.getStyleClass().add(Styles.DEFINITION);
            def.setPadding(new javafx.geometry.Insets(0, 0, 0, 26));
            box.getChildren().add(new VBox(2, r, def));
        }
        box.getChildren().add(hint("The response deadline is recomputed from when the customer asked, with the new target."));
        new FormDialog(owner.get(), "Severity of " + t.ref(), "Change the severity of " + t.ref(), box, "Change severity")
                .onSubmit(() -> vm.changeSeverity((Severity) g.getSelectedToggle().getUserData())).show();
    }

    public void changeLevel() {
        Ticket t = current();
        if (t == null) {
            return;
        }
        ComboBox<SupportLevel> level = new ComboBox<>(FXCollections.observableArrayList(SupportLevel.values()));
        level.setId("levelChoice");
        level.setValue(t.level().next().orElse(t.level()));
        level.setButtonCell(levelCell());
        level.setCellFactory(lv -> levelCell());
        TextArea reason = area("levelReason", "Why does the next level need to take it?", 3);
        TextArea steps = area("levelSteps", "1. …\n2. …  (complete steps to reproduce)", 5);
        TextArea isolation = area("levelIsolation", "What was ruled out: environments, data, versions, network…", 4);
        Label l3 = hint("Level 3 needs the complete steps to reproduce and the isolation done at level 2; they are added to"
                + " the conversation for level 3 to read.");
        VBox l3box = new VBox(6, label("Steps to reproduce"), steps, label("Isolation done"), isolation, l3);
        l3box.visibleProperty().bind(level.valueProperty().isEqualTo(SupportLevel.L3).and(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> t.level() != SupportLevel.L3)));
        l3box.managedProperty().bind(l3box.visibleProperty());
        VBox box = new VBox(8, label("Move to"), level, label("Reason"), reason, l3box);
        new FormDialog(owner.get(), "Support level of " + t.ref(), t.ref() + " is at " + t.level().label()
                + ". Escalate it or hand it back.", box, "Change level")
                .onSubmit(() -> vm.changeLevel(level.getValue(), reason.getText(),
                        l3box.isVisible() ? steps.getText() : null, l3box.isVisible() ? isolation.getText() : null))
                .show();
    }

    private static ListCell<SupportLevel> levelCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(SupportLevel l, boolean empty) {
                super.updateItem(l, empty);
                setText(empty || l == null ? null : l.label());
            }
        };
    }

    public void changeStatus() {
        Ticket t = current();
        if (t == null) {
            return;
        }
        ToggleGroup g = new ToggleGroup();
        VBox box = new VBox(8);
        for (TicketStatus s : TicketStatus.values()) {
            RadioButton r = new RadioButton(s.label());
            r.setUserData(s);
            r.setToggleGroup(g);
            r.setId("status-" + s.name());
            r.setSelected(s == t.status());
            box.getChildren().add(r);
        }
        new FormDialog(owner.get(), "Status of " + t.ref(), "Change the status of " + t.ref(), box, "Change status")
                .onSubmit(() -> vm.changeStatus((TicketStatus) g.getSelectedToggle().getUserData())).show();
    }

    public void addNote() {
        Ticket t = current();
        if (t == null) {
            return;
        }
        TextArea text = area("noteText", "Only agents see notes. A note never counts as customer contact.", 8);
        new FormDialog(owner.get(), "Internal note on " + t.ref(), "Add an internal note to " + t.ref(), text, "Add note")
                .onSubmit(() -> vm.addNote(text.getText())).show();
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

    /** A ticket typed in by the agent: received defaults to now (the time the customer asked). */
    public void newTicket() {
        TextField subject = new TextField();
        subject.setId("newSubject");
        subject.setPromptText("What the customer asked, in a line");
        ComboBox<Severity> severity = new ComboBox<>(FXCollections.observableArrayList(Severity.values()));
        severity.setId("newSeverity");
        severity.setValue(Severity.S3);
        severity.setButtonCell(sevCell());
        severity.setCellFactory(lv -> sevCell());
        Label def = new Label(Severity.S3.definition());
        def.getStyleClass().add(Styles.DEFINITION);
        severity.valueProperty().addListener((o, a, b) -> def.setText(b == null ? "" : b.definition()));
        ComboBox<Channel> channel = new ComboBox<>(FXCollections.observableArrayList(Channel.values()));
        channel.setValue(Channel.AGENT);
        ComboBox<Customer> customer = new ComboBox<>();
        customer.setId("newCustomer");
        customer.setPromptText("Customer");
        ComboBox<Contact> contact = new ComboBox<>();
        contact.setPromptText("Contact");
        customer.setCellFactory(lv -> named(Customer::name));
        customer.setButtonCell(named(Customer::name));
        contact.setCellFactory(lv -> named(c -> c.name() + (c.email() == null ? "" : " <" + c.email() + ">")));
        contact.setButtonCell(named(Contact::name));
        executor.supply(() -> vm.store().customers().all()).thenAccept(customer.getItems()::setAll);
        customer.valueProperty().addListener((o, a, c) -> {
            contact.getItems().clear();
            if (c != null) {
                executor.supply(() -> vm.store().contacts().forCustomer(c.id())).thenAccept(contact.getItems()::setAll);
            }
        });
        Countdown fmt = vm.formatter();
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        TextField asked = new TextField(hhmm.format(fmt.local(vm.store().database().clock().instant())));
        asked.setId("newAsked");
        asked.setPrefColumnCount(6);
        CheckBox sensitive = new CheckBox("OFFICIAL-SENSITIVE (goes to a cleared agent)");
        sensitive.setId("newSensitive");
        TextArea body = area("newBody", "Details, as the customer described them", 5);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, label("Subject"), subject);
        g.addRow(1, label("Severity"), severity);
        g.add(def, 1, 2);
        g.addRow(3, label("Channel"), channel);
        g.addRow(4, label("Customer"), customer);
        g.addRow(5, label("Contact"), contact);
        g.addRow(6, label("Customer asked at"), asked);
        g.add(sensitive, 1, 7);
        g.addRow(8, label("Details"), body);
        subject.setPrefColumnCount(32);
        def.setMaxWidth(380);
        def.setWrapText(true);
        new FormDialog(owner.get(), "New ticket", "Open a new ticket", g, "Open ticket").onSubmit(() -> {
            Instant received;
            try {
                LocalTime at = LocalTime.parse(asked.getText().strip(), hhmm);
                Instant now = vm.store().database().clock().instant();
                received = LocalDate.ofInstant(now, fmt.zone()).atTime(at).atZone(fmt.zone()).toInstant();
                if (received.isAfter(now)) {
                    received = now;
                }
            } catch (DateTimeParseException e) {
                return CompletableFuture.failedFuture(new IllegalArgumentException("Type the time the customer asked as HH:MM, e.g. 09:30."));
            }
            Customer cu = customer.getValue();
            Contact co = contact.getValue();
            NewTicket n = new NewTicket(subject.getText(), severity.getValue(), SupportLevel.L1, channel.getValue(),
                    cu == null ? null : cu.id(), co == null ? null : co.id(), received, body.getText(),
                    sensitive.isSelected() ? Classification.OFFICIAL_SENSITIVE : Classification.OFFICIAL, false, null);
            return vm.create(n).thenAccept(onCreated);
        }).show();
    }

    private static ListCell<Severity> sevCell() {
        return named(Countdown::severityText);
    }

    private static <T> ListCell<T> named(java.util.function.Function<T, String> f) {
        return new ListCell<>() {
            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : f.apply(v));
            }
        };
    }

    private static TextArea area(String id, String prompt, int rows) {
        TextArea a = new TextArea();
        a.setId(id);
        a.setPromptText(prompt);
        a.setPrefRowCount(rows);
        a.setWrapText(true);
        return a;
    }

    private static Label label(String s) {
        return new Label(s);
    }

    private static Label hint(String s) {
        Label l = new Label(s);
        l.getStyleClass().add(Styles.DEFINITION);
        l.setWrapText(true);
        return l;
    }

}
