package com.supportdesk.ui.ticket;

import com.supportdesk.domain.AttachmentInfo;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketEvent;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.Forms;
import com.supportdesk.ui.common.Icons;
import com.supportdesk.ui.common.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The ticket at hand: header with facts and countdown, action bar, conversation / history / attachments tabs. */
public final class TicketDetailView extends BorderPane {

    private final TicketDetailViewModel vm;
    private final TicketActions actions;
    private final ActionFactory factory;
    private final Label title = new Label();
    private final Label severity = new Label();
    private final Label ref = new Label();
    private final Label countdown = new Label();
    private final Label clockDetail = new Label();
    private final GridPane facts = new GridPane();
    private final VBox conversation = new VBox(8);
    private final StackPane empty;
    private final BorderPane content = new BorderPane();
    private Countdown.Tone tone;

    public TicketDetailView(TicketDetailViewModel vm, TicketActions actions, ActionFactory factory) {
        this.vm = vm;
        this.actions = actions;
        this.factory = factory;
        getStyleClass().add(Styles.DETAIL);
        setId("ticketDetail");
        setMinWidth(360);

        Label none = new Label("Select a ticket to see its conversation.\nArrow keys move between cards.");
        none.getStyleClass().add(Styles.DETAIL_EMPTY);
        empty = new StackPane(none);
        content.setTop(new VBox(header(), actionBar(), conflictBar()));
        content.setCenter(tabs());

        vm.ticketProperty().addListener((o, was, t) -> showTicket(t));
        vm.countdownTextProperty().addListener((o, was, t) -> countdown.setText(t));
        vm.countdownToneProperty().addListener((o, was, t) -> setTone(t));
        showTicket(null);
    }

    /** Severity, ref and countdown; the subject; what stopped the clock or when it is due; the facts. */
    private VBox header() {
        title.getStyleClass().add(Styles.DETAIL_TITLE);
        title.setId("detailTitle");
        title.setWrapText(true);
        ref.getStyleClass().add(Styles.CARD_REF);
        severity.getStyleClass().add(Styles.SEVERITY_BADGE);
        countdown.getStyleClass().add(Styles.COUNTDOWN);
        countdown.setId("detailCountdown");
        clockDetail.getStyleClass().add(Styles.CARD_META);
        clockDetail.setWrapText(true);
        clockDetail.setId("detailClock");
        clockDetail.textProperty().bind(vm.clockDetailProperty());
        facts.getStyleClass().add(Styles.DETAIL_FACTS);
        facts.setHgap(10);
        facts.setVgap(2);
        HBox line = new HBox(8, severity, ref, countdown);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, line, title, clockDetail, facts);
        header.getStyleClass().add(Styles.DETAIL_HEADER);
        return header;
    }

    /** The ticket's actions, from the action registry (also in the Ticket menu, with the same keys). */
    private FlowPane actionBar() {
        FlowPane bar = new FlowPane(6, 6,
                button(DeskAction.ASSIGN_TO_ME, actions::assignToMe),
                button(DeskAction.ASSIGN, actions::assignTo),
                button(DeskAction.CHANGE_SEVERITY, actions::changeSeverity),
                button(DeskAction.CHANGE_LEVEL, actions::changeLevel),
                button(DeskAction.CHANGE_STATUS, actions::changeStatus),
                button(DeskAction.ADD_NOTE, actions::addNote),
                button(DeskAction.REPLY, actions::reply),
                button(DeskAction.LOG_CALL_ON_TICKET, actions::logCall));
        bar.getStyleClass().add(Styles.DETAIL_ACTIONS);
        return bar;
    }

    /** "SD-12 was changed by … — reload to see the change; what you typed is kept", with Reload; hidden otherwise. */
    private HBox conflictBar() {
        Label conflictText = new Label();
        conflictText.setWrapText(true);
        conflictText.setId("conflictMessage");
        conflictText.textProperty().bind(vm.conflictProperty());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox bar = new HBox(8, new FontIcon(MaterialDesignA.ALERT_OUTLINE), conflictText, sp,
                factory.button(DeskAction.RELOAD, vm::reload));
        bar.getStyleClass().add(Styles.CONFLICT_BAR);
        Forms.showWhen(bar, vm.conflictProperty().isNotEmpty());
        return bar;
    }

    /** Conversation (oldest first), History and Attachments. */
    private TabPane tabs() {
        conversation.setPadding(new Insets(10));
        conversation.setId("conversation");
        ScrollPane convScroll = new ScrollPane(conversation);
        convScroll.setFitToWidth(true);
        vm.conversation().addListener((ListChangeListener<TicketDetailViewModel.Entry>) c -> renderConversation());
        Tab fileTab = new Tab("Attachments", attachments());
        TabPane tabs = new TabPane(new Tab("Conversation", convScroll), new Tab("History", history()), fileTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        vm.attachments().addListener((ListChangeListener<AttachmentInfo>) c ->
                fileTab.setText("Attachments (" + vm.attachments().size() + ")"));
        return tabs;
    }

    private ListView<TicketEvent> history() {
        ListView<TicketEvent> history = new ListView<>(vm.history());
        history.getStyleClass().add(Styles.HISTORY_LIST);
        history.setId("history");
        history.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(TicketEvent e, boolean isEmpty) {
                super.updateItem(e, isEmpty);
                if (isEmpty || e == null) {
                    setText(null);
                } else {
                    setText(vm.formatter().dateTime(e.at()) + "  \u00b7  " + (e.agentName() == null ? "Support Desk" : e.agentName())
                            + "  \u00b7  " + e.detail());
                    setWrapText(true);
                    setPrefWidth(0);
                }
            }
        });
        return history;
    }

    private VBox attachments() {
        VBox files = new VBox(6);
        files.setPadding(new Insets(10));
        files.setId("attachments");
        vm.attachments().addListener((ListChangeListener<AttachmentInfo>) c -> {
            files.getChildren().setAll(vm.attachments().stream().map(this::attachmentRow).toList());
            if (files.getChildren().isEmpty()) {
                files.getChildren().add(new Label("No attachments."));
            }
        });
        return files;
    }

    private Button button(DeskAction action, Runnable command) {
        Button b = factory.button(action, command);
        b.disableProperty().bind(vm.busyProperty());
        return b;
    }

    private void setTone(Countdown.Tone t) {
        if (tone != null) {
            countdown.getStyleClass().remove(tone.styleClass());
        }
        if (t != null) {
            countdown.getStyleClass().add(t.styleClass());
        }
        tone = t;
    }

    private void showTicket(Ticket t) {
        if (t == null) {
            setCenter(empty);
            return;
        }
        setCenter(content);
        title.setText(t.subject());
        ref.setText(t.ref());
        severity.setText(Countdown.severityText(t.severity()));
        severity.setGraphic(new FontIcon(Icons.severity(t.severity())));
        severity.getStyleClass().removeIf(Styles::isSeverity);
        severity.getStyleClass().add(Styles.severity(t.severity()));
        facts.getChildren().clear();
        int row = 0;
        row = fact(row, "Customer", t.customerName() == null ? "\u2014" : t.customerName()
                + (t.contactName() == null ? "" : " \u00b7 " + t.contactName() + (t.contactEmail() == null ? "" : " <" + t.contactEmail() + ">")));
        row = fact(row, "Status", t.status().label() + " \u00b7 " + t.level().label() + " \u00b7 " + Icons.channelText(t.channel()));
        row = fact(row, "Assignee", t.assigneeName() == null ? "Unassigned" : t.assigneeName());
        row = fact(row, "Received", vm.formatter().dateTime(t.received()));
        if (t.sensitive()) {
            Label s = new Label("OFFICIAL-SENSITIVE \u2014 reads are audited", new FontIcon(MaterialDesignS.SHIELD_LOCK_OUTLINE));
            s.getStyleClass().add(Styles.SENSITIVE_TAG);
            facts.add(s, 0, row, 2, 1);
        }
    }

    private int fact(int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add(Styles.FACT_NAME);
        n.setMinWidth(Region.USE_PREF_SIZE);
        Label v = new Label(value);
        v.setWrapText(true);
        facts.add(n, 0, row);
        facts.add(v, 1, row);
        return row + 1;
    }

    private void renderConversation() {
        conversation.getChildren().clear();
        for (TicketDetailViewModel.Entry e : vm.conversation()) {
            conversation.getChildren().add(entryNode(e));
        }
    }

    private Node entryNode(TicketDetailViewModel.Entry e) {
        Ikon icon = switch (e.kind()) {
            case EMAIL_IN, REQUEST -> MaterialDesignE.EMAIL_OUTLINE;
            case EMAIL_OUT -> MaterialDesignE.EMAIL_ARROW_RIGHT_OUTLINE;
            case NOTE -> MaterialDesignN.NOTE_TEXT_OUTLINE;
            case CALL -> MaterialDesignP.PHONE_OUTLINE;
            case CHAT -> MaterialDesignC.CHAT_OUTLINE;
            case ACK -> MaterialDesignE.EMAIL_CHECK_OUTLINE;
            case BOUNCE -> MaterialDesignE.EMAIL_ALERT_OUTLINE;
        };
        String css = switch (e.kind()) {
            case EMAIL_OUT, CHAT -> Styles.ENTRY_OUT;
            case NOTE -> Styles.ENTRY_NOTE;
            case CALL -> Styles.ENTRY_CALL;
            default -> Styles.ENTRY_IN;
        };
        Label head = new Label(e.title(), new FontIcon(icon));
        head.getStyleClass().add(Styles.ENTRY_HEAD);
        head.setWrapText(true);
        Label when = new Label(vm.formatter().dateTime(e.at()));
        when.getStyleClass().add(Styles.ENTRY_TIME);
        when.setMinWidth(Region.USE_PREF_SIZE);
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox top = new HBox(8, head, sp, when);
        top.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(head, Priority.SOMETIMES);
        Label body = new Label(e.body() == null ? "" : e.body());
        body.getStyleClass().add(Styles.ENTRY_BODY);
        body.setWrapText(true);
        body.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(4, top, body);
        if (e.unknownSender()) {
            Label unknown = new Label(TicketDetailViewModel.UNKNOWN_SENDER, new FontIcon(MaterialDesignA.ACCOUNT_ALERT_OUTLINE));
            unknown.getStyleClass().add("entry-unknown-sender");
            unknown.setWrapText(true);
            unknown.setMinHeight(Region.USE_PREF_SIZE);
            box.getChildren().add(1, unknown);
        }
        for (AttachmentInfo a : e.attachments()) {
            box.getChildren().add(attachmentRow(a));
        }
        box.getStyleClass().addAll(Styles.ENTRY, css);
        return box;
    }

    private Node attachmentRow(AttachmentInfo a) {
        Hyperlink save = new Hyperlink("Save\u2026");
        save.setId("save-attachment-" + a.id());
        save.setOnAction(ev -> vm.saveAttachment(a));
        save.setDisable(a.tooLarge());
        Label l = new Label(a.filename() + " (" + a.sizeText() + (a.tooLarge() ? ", kept on the mail server" : "") + ")",
                new FontIcon(MaterialDesignT.TRAY_ARROW_DOWN));
        HBox row = new HBox(6, l, save);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    public TicketDetailViewModel viewModel() {
        return vm;
    }

    public TicketActions actions() {
        return actions;
    }
}
