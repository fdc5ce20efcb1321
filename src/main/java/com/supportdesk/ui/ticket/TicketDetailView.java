package com.supportdesk.ui.ticket;

import com.supportdesk.domain.AttachmentInfo;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketEvent;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.Icons;
import java.util.Locale;
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
import javafx.scene.control.Tooltip;
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
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The ticket at hand: header with facts and countdown, action bar, conversation / history / attachments tabs. */
public final class TicketDetailView extends BorderPane {

    private final TicketDetailViewModel vm;
    private final TicketActions actions;
    private final Label title = new Label();
    private final Label severity = new Label();
    private final Label ref = new Label();
    private final Label countdown = new Label();
    private final Label clockDetail = new Label();
    private final GridPane facts = new GridPane();
    private final VBox conversation = new VBox(8);
    private final Label conflictText = new Label();
    private final HBox conflictBar;
    private final StackPane empty;
    private final BorderPane content = new BorderPane();
    private Countdown.Tone tone;

    public TicketDetailView(TicketDetailViewModel vm, TicketActions actions) {
        this.vm = vm;
        this.actions = actions;
        getStyleClass().add("detail");
        setId("ticketDetail");
        setMinWidth(360);

        Label none = new Label("Select a ticket to see its conversation.\nArrow keys move between cards.");
        none.getStyleClass().add("detail-empty");
        empty = new StackPane(none);

        title.getStyleClass().add("detail-title");
        title.setId("detailTitle");
        title.setWrapText(true);
        ref.getStyleClass().add("card-ref");
        severity.getStyleClass().add("severity-badge");
        countdown.getStyleClass().add("countdown");
        countdown.setId("detailCountdown");
        clockDetail.getStyleClass().add("card-meta");
        clockDetail.setWrapText(true);
        clockDetail.setId("detailClock");
        facts.getStyleClass().add("detail-facts");
        facts.setHgap(10);
        facts.setVgap(2);
        HBox line = new HBox(8, severity, ref, countdown);
        line.setAlignment(Pos.CENTER_LEFT);
        VBox header = new VBox(6, line, title, clockDetail, facts);
        header.getStyleClass().add("detail-header");

        FlowPane bar = new FlowPane(6, 6,
                button("Assign to me", MaterialDesignA.ACCOUNT_ARROW_LEFT, "Ctrl+M", "assignMe", actions::assignToMe),
                button("Assign\u2026", MaterialDesignA.ACCOUNT_SWITCH, "Ctrl+Shift+M", "assign", actions::assignTo),
                button("Severity\u2026", MaterialDesignA.ALERT_OUTLINE, "Ctrl+Shift+S", "severity", actions::changeSeverity),
                button("Level\u2026", MaterialDesignE.ELEVATOR_UP, "Ctrl+E", "level", actions::changeLevel),
                button("Status\u2026", MaterialDesignP.PROGRESS_CHECK, "Ctrl+T", "status", actions::changeStatus),
                button("Note", MaterialDesignN.NOTE_EDIT_OUTLINE, "Ctrl+Shift+N", "note", actions::addNote),
                button("Reply", MaterialDesignR.REPLY, "Ctrl+R", "reply", actions::reply),
                button("Log call", MaterialDesignP.PHONE_PLUS, "a call on this ticket; Ctrl+L starts a new one", "logCall", actions::logCall));
        bar.getStyleClass().add("detail-actions");

        conflictText.setWrapText(true);
        conflictText.setId("conflictMessage");
        Button reload = new Button("Reload", new FontIcon(MaterialDesignR.REFRESH));
        reload.setId("conflictReload");
        reload.setOnAction(e -> vm.reload());
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        conflictBar = new HBox(8, new FontIcon(MaterialDesignA.ALERT_OUTLINE), conflictText, sp, reload);
        conflictBar.getStyleClass().add("conflict-bar");
        conflictBar.visibleProperty().bind(vm.conflict().isNotEmpty());
        conflictBar.managedProperty().bind(conflictBar.visibleProperty());
        conflictText.textProperty().bind(vm.conflict());

        VBox top = new VBox(header, bar, conflictBar);
        content.setTop(top);

        conversation.setPadding(new Insets(10));
        conversation.setId("conversation");
        ScrollPane convScroll = new ScrollPane(conversation);
        convScroll.setFitToWidth(true);
        ListView<TicketEvent> history = new ListView<>(vm.history());
        history.getStyleClass().add("history-list");
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
        VBox files = new VBox(6);
        files.setPadding(new Insets(10));
        files.setId("attachments");
        Tab convTab = new Tab("Conversation", convScroll);
        Tab histTab = new Tab("History", history);
        Tab fileTab = new Tab("Attachments", files);
        TabPane tabs = new TabPane(convTab, histTab, fileTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        content.setCenter(tabs);

        vm.conversation().addListener((javafx.collections.ListChangeListener<TicketDetailViewModel.Entry>) c -> renderConversation());
        vm.attachments().addListener((javafx.collections.ListChangeListener<AttachmentInfo>) c -> {
            files.getChildren().setAll(vm.attachments().stream().map(this::attachmentRow).toList());
            if (files.getChildren().isEmpty()) {
                files.getChildren().add(new Label("No attachments."));
            }
            fileTab.setText("Attachments (" + vm.attachments().size() + ")");
        });
        vm.ticket().addListener((o, was, t) -> showTicket(t));
        vm.countdownText().addListener((o, was, t) -> countdown.setText(t));
        vm.countdownTone().addListener((o, was, t) -> setTone(t));
        clockDetail.textProperty().bind(vm.clockDetail());
        showTicket(null);
    }

    private Button button(String text, Ikon icon, String key, String id, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId("action-" + id);
        b.setTooltip(new Tooltip(text.replace("\u2026", "") + " (" + key + ")"));
        b.setOnAction(e -> action.run());
        b.disableProperty().bind(vm.busy());
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
        severity.getStyleClass().removeIf(s -> s.startsWith("sev-"));
        severity.getStyleClass().add("sev-" + t.severity().name().toLowerCase(Locale.ROOT));
        facts.getChildren().clear();
        int row = 0;
        row = fact(row, "Customer", t.customerName() == null ? "\u2014" : t.customerName()
                + (t.contactName() == null ? "" : " \u00b7 " + t.contactName() + (t.contactEmail() == null ? "" : " <" + t.contactEmail() + ">")));
        row = fact(row, "Status", t.status().label() + " \u00b7 " + t.level().label() + " \u00b7 " + Icons.channelText(t.channel()));
        row = fact(row, "Assignee", t.assigneeName() == null ? "Unassigned" : t.assigneeName());
        row = fact(row, "Received", vm.formatter().dateTime(t.received()));
        if (t.sensitive()) {
            Label s = new Label("OFFICIAL-SENSITIVE \u2014 reads are audited", new FontIcon(MaterialDesignS.SHIELD_LOCK_OUTLINE));
            s.getStyleClass().add("sensitive-tag");
            facts.add(s, 0, row, 2, 1);
        }
    }

    private int fact(int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("fact-name");
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
            case EMAIL_OUT, CHAT -> "entry-out";
            case NOTE -> "entry-note";
            case CALL -> "entry-call";
            default -> "entry-in";
        };
        Label head = new Label(e.title(), new FontIcon(icon));
        head.getStyleClass().add("entry-head");
        head.setWrapText(true);
        Label when = new Label(vm.formatter().dateTime(e.at()));
        when.getStyleClass().add("entry-time");
        when.setMinWidth(Region.USE_PREF_SIZE);
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        HBox top = new HBox(8, head, sp, when);
        top.setAlignment(Pos.TOP_LEFT);
        HBox.setHgrow(head, Priority.SOMETIMES);
        Label body = new Label(e.body() == null ? "" : e.body());
        body.getStyleClass().add("entry-body");
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
        box.getStyleClass().addAll("entry", css);
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
