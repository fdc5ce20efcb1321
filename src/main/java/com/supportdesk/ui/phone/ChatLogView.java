package com.supportdesk.ui.phone;

import com.supportdesk.store.ContactRepository.ContactMatch;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.KeyStyle;
import com.supportdesk.ui.common.Styles;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The "Log chat" window: paste or import a transcript, see what it will log (and which line is wrong),
 * tick the desk's participants, then log it as a new ticket or on an existing one. Ctrl+Enter (or Enter
 * outside the transcript) logs, Esc asks before discarding.
 */
public final class ChatLogView {

    public static final String TITLE = "Log chat \u2014 Support Desk";

    private final ChatLogViewModel vm;
    private final TextArea text = new TextArea();
    private final PhoneControls.LookupField lookup;
    private final FlowPane desk = new FlowPane(12, 4);

    public ChatLogView(ChatLogViewModel vm) {
        this.vm = vm;
        this.lookup = new PhoneControls.LookupField("chat-caller", vm.lookup(), this::pick, vm::save);
    }

    public Stage show(Window owner) {
        Stage stage = PhoneControls.window(owner, TITLE, root(), 760, 700, vm::save, vm::discard, vm.closedProperty());
        vm.start();
        stage.show();
        stage.requestFocus();
        Platform.runLater(text::requestFocus);
        return stage;
    }

    BorderPane root() {
        PhoneControls.Rows rows = new PhoneControls.Rows(new Insets(12, 16, 8, 16));
        transcriptSection(rows);
        targetSection(rows);
        newTicketSection(rows);
        rows.add(PhoneControls.message("chat-problems", vm.problemsProperty(), Styles.PROBLEMS));
        BorderPane root = new BorderPane(rows.scrolling());
        root.getStyleClass().add(Styles.CHAT_LOG);
        root.setBottom(buttons());
        return root;
    }

    /** The transcript (pasted or imported), what is wrong with it, what will be logged, and who the desk is. */
    private void transcriptSection(PhoneControls.Rows rows) {
        text.setId("chat-text");
        text.setPromptText("[10:02] Customer Name: text \u00b7 [10:04] Agent Name: reply \u00b7 \u2026 (one line each)");
        text.setPrefRowCount(10);
        text.textProperty().bindBidirectional(vm.textProperty());
        text.addEventFilter(KeyEvent.KEY_PRESSED, PhoneControls::tabLeavesTextArea);
        Button importFile = new Button("_Import .txt\u2026");
        importFile.setId("chat-import");
        importFile.setOnAction(e -> vm.importFile());
        rows.add(PhoneControls.label("_Transcript", text), new VBox(6, text, importFile));

        Label summary = new Label();
        summary.setId("chat-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(vm.summaryProperty());
        rows.add(PhoneControls.message("chat-error", vm.errorProperty(), Styles.PROBLEMS)).add(summary);

        desk.setId("chat-desk");
        vm.participants().addListener((ListChangeListener<ChatLogViewModel.Participant>) c -> rebuildDesk());
        rebuildDesk();
        Label deskLabel = new Label("The desk is");
        deskLabel.setTooltip(new Tooltip("Lines by these participants are the desk's replies: customer contact"));
        rows.add(deskLabel, desk);
    }

    /** Logged as a new ticket, or on an existing one by its ref. */
    private void targetSection(PhoneControls.Rows rows) {
        ToggleGroup target = new ToggleGroup();
        RadioButton newTicket = new RadioButton("Ne_w ticket");
        newTicket.setId("chat-target-new");
        newTicket.setUserData(Boolean.TRUE);
        PhoneControls.mnemonicSelects(newTicket);
        newTicket.setToggleGroup(target);
        RadioButton existing = new RadioButton("E_xisting ticket");
        existing.setId("chat-target-existing");
        existing.setUserData(Boolean.FALSE);
        PhoneControls.mnemonicSelects(existing);
        existing.setToggleGroup(target);
        ObjectProperty<Boolean> targetValue = new SimpleObjectProperty<>(vm.newTicketProperty().get());
        targetValue.addListener((obs, old, v) -> vm.newTicketProperty().set(v));
        vm.newTicketProperty().addListener((obs, old, v) -> targetValue.set(v));
        PhoneControls.bindToggle(target, targetValue);
        TextField ref = new TextField();
        ref.setId("chat-ticket-ref");
        ref.setPromptText("SD-1042");
        ref.setPrefColumnCount(10);
        ref.textProperty().bindBidirectional(vm.ticketRefProperty());
        ref.disableProperty().bind(vm.newTicketProperty());
        HBox targetRow = new HBox(16, newTicket, existing, ref);
        targetRow.setAlignment(Pos.CENTER_LEFT);
        rows.add(new Label("Log as"), targetRow);
    }

    /** The new ticket's subject, customer, severity, level and mark (off while it goes on an existing ticket). */
    private void newTicketSection(PhoneControls.Rows rows) {
        BooleanBinding notNew = vm.newTicketProperty().not();
        TextField subject = new TextField();
        subject.setId("chat-subject");
        subject.textProperty().bindBidirectional(vm.fields().subjectProperty());
        subject.disableProperty().bind(notNew);
        rows.add(PhoneControls.label("_Subject", subject), subject);

        lookup.field.disableProperty().bind(notNew);
        Label caller = new Label();
        caller.setId("chat-caller");
        caller.textProperty().bind(Bindings.createStringBinding(() -> vm.lookup().caller() == null
                ? "No customer chosen (optional)" : CallerLookup.describe(vm.lookup().caller()),
                vm.lookup().callerProperty()));
        caller.setWrapText(true);
        rows.add(PhoneControls.label("_Customer", lookup.field), new VBox(4, lookup.field, lookup.matches, caller));

        VBox severity = PhoneControls.severityChooser("chat-severity-", vm.fields().severityProperty());
        severity.disableProperty().bind(notNew);
        rows.add(new Label("Severity"), severity);

        var level = PhoneControls.levelChooser("chat-level", vm.fields().levelProperty());
        level.disableProperty().bind(notNew);
        CheckBox sensitive = new CheckBox("_OFFICIAL-SENSITIVE");
        sensitive.setId("chat-sensitive");
        PhoneControls.mnemonicToggles(sensitive);
        sensitive.getStyleClass().add(Styles.SENSITIVE);
        sensitive.setGraphic(FontIcon.of(MaterialDesignS.SHIELD_LOCK));
        sensitive.selectedProperty().bindBidirectional(vm.fields().sensitiveProperty());
        HBox levelRow = new HBox(24, level, sensitive);
        levelRow.setAlignment(Pos.CENTER_LEFT);
        rows.add(PhoneControls.label("Support _level", level), levelRow);
    }

    private Node buttons() {
        return PhoneControls.buttonBar("chat-", vm.statusProperty(), vm.busyProperty(), "_Discard\u2026", vm::discard,
                "Lo_g chat", "Enter (" + DeskAction.SUBMIT_DIALOG.keyText(KeyStyle.current()) + " from the transcript)", vm::save);
    }

    private void rebuildDesk() {
        desk.getChildren().clear();
        int i = 0;
        for (ChatLogViewModel.Participant p : vm.participants()) {
            CheckBox box = new CheckBox(p.name());
            box.setId("chat-desk-" + i++);
            box.selectedProperty().bindBidirectional(p.deskProperty());
            desk.getChildren().add(box);
        }
        if (vm.participants().isEmpty()) {
            desk.getChildren().add(new Label("(participants appear here)"));
        }
    }

    private void pick(ContactMatch m) {
        vm.lookup().choose(m);
    }
}
