package com.supportdesk.ui;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.ui.board.BoardView;
import com.supportdesk.ui.board.BoardViewModel;
import com.supportdesk.ui.board.ChangeFeed;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.ticket.ReplyComposer;
import com.supportdesk.ui.ticket.TicketActions;
import com.supportdesk.ui.ticket.TicketDetailView;
import com.supportdesk.ui.ticket.TicketDetailViewModel;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignV;

/**
 * The signed-in desk: menu bar, header, the Board tab (and, for cleared staff only, the Official Sensitive
 * tab), the ticket at hand on the right, a status bar. Owns the shared ticker and the change feed.
 */
public final class DeskView extends BorderPane {

    /** What the desk needs besides the session. */
    public record Services(Clock clock, TaskExecutor executor, DialogService dialogs, Notifier notifier,
                           ReplyComposer composer, CallConsoleOpener callConsole, Runnable signOut,
                           com.supportdesk.ui.mail.MailDesk mail) {
    }

    private final Session session;
    private final Ticker ticker;
    private final BoardViewModel board;
    private final BoardViewModel sensitiveBoard;
    private final BoardView boardView;
    private final BoardView sensitiveView;
    private final TicketDetailViewModel detail;
    private final TicketActions actions;
    private final Services services;
    private ChangeFeed feed;
    private boolean live;
    private final TabPane tabs = new TabPane();
    private final Label feedStatus = new Label("Connecting\u2026");
    private final DateTimeFormatter hms;
    private final com.supportdesk.ui.admin.DeskTools tools;

    public DeskView(Session session, Services s, java.util.function.Supplier<Window> owner) {
        this.session = session;
        this.services = s;
        Agent agent = session.agent();
        this.ticker = new Ticker(s.clock());
        this.hms = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.UK).withZone(session.zone());
        Countdown fmt = new Countdown(session.zone());
        setId("desk");

        board = new BoardViewModel(session, s.executor(), s.clock(), false, s.notifier());
        sensitiveBoard = agent.cleared() ? new BoardViewModel(session, s.executor(), s.clock(), true, Notifier.NONE) : null;
        detail = new TicketDetailViewModel(session, s.executor(), s.dialogs(), new Countdown(session.zone()), "desktop board");
        actions = new TicketActions(detail, owner, s.composer(), s.callConsole(), s.dialogs(), s.executor());
        boardView = new BoardView(board, ticker, fmt);
        sensitiveView = sensitiveBoard == null ? null : new BoardView(sensitiveBoard, ticker, fmt);
        TicketDetailView detailView = new TicketDetailView(detail, actions);

        detail.setOnChanged(t -> applyAll(List.of(t)));
        actions.setOnCreated(t -> {
            BoardViewModel target = t.sensitive() && sensitiveBoard != null && tabs.getSelectionModel().getSelectedIndex() == 1
                    ? sensitiveBoard : board;
            target.apply(List.of(t));
            target.selectById(t.id());
        });
        board.selected().addListener((o, was, t) -> {
            if (t != null) {
                detail.show(t);
            }
        });
        if (sensitiveBoard != null) {
            sensitiveBoard.selected().addListener((o, was, t) -> {
                if (t != null) {
                    detail.show(t);
                }
            });
        }

        Tab main = new Tab("Board", boardView);
        main.setId("boardTab");
        main.setClosable(false);
        main.setGraphic(new FontIcon(MaterialDesignV.VIEW_COLUMN_OUTLINE));
        tabs.getTabs().add(main);
        if (sensitiveView != null) {
            Tab sens = new Tab("Official Sensitive", sensitiveView);
            sens.setId("sensitiveTab");
            sens.setClosable(false);
            sens.getStyleClass().add("sensitive-tab");
            sens.setGraphic(new FontIcon(MaterialDesignS.SHIELD_LOCK_OUTLINE));
            tabs.getTabs().add(sens);
        }
        tabs.setId("boards");
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, index) ->
                detail.setView(index.intValue() == 1 && sensitiveView != null ? "official sensitive view" : "desktop board"));
        tools = new com.supportdesk.ui.admin.DeskTools(new com.supportdesk.ui.admin.DeskTools.Context(session, ticker,
                s.executor(), s.clock(), owner, feedStatus.textProperty()));
        SplitPane split = new SplitPane(tabs, detailView);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.70);
        SplitPane.setResizableWithParent(detailView, false);

        setTop(new VBox(menus(), header()));
        setCenter(split);
        setBottom(statusBar());

        ticker.nowSecond().addListener((o, was, now) -> {
            long n = now.longValue();
            board.onTick(n);
            if (sensitiveBoard != null) {
                sensitiveBoard.onTick(n);
            }
            detail.tick(ticker.now());
        });
    }

    /**
     * Loads the boards in the background; the change feed then follows from the position read just before the
     * main board's query, so nothing committed in between is missed.
     */
    public CompletableFuture<Void> load() {
        CompletableFuture<Void> a = board.load().thenRun(() -> {
            if (feed == null) {
                feed = new ChangeFeed(session.store().tickets(), session.agent(), board.feedPosition().get(),
                        services.executor(), this::onFeed);
                if (live) {
                    feed.start(1000);
                }
            }
        });
        return sensitiveBoard == null ? a : CompletableFuture.allOf(a, sensitiveBoard.load());
    }

    private void onFeed(ChangeFeed.Batch batch) {
        if (batch.problem() != null) {
            feedStatus.setText("Not connected: " + batch.problem());
        } else {
            feedStatus.setText("Live \u00b7 checked " + hms.format(ticker.clock().instant()));
            applyAll(batch.tickets());
        }
    }

    /** The change feed (after {@link #load()}); tests drive it with {@code pollOnce()}. */
    public ChangeFeed feed() {
        return feed;
    }

    /** Starts the shared 1 Hz ticker and polling the change feed every second. */
    public void startLive() {
        live = true;
        ticker.start();
        if (feed != null) {
            feed.start(1000);
        }
    }

    public void stop() {
        tools.close();
        live = false;
        ticker.stop();
        if (feed != null) {
            feed.close();
        }
    }

    /** Merges fresh tickets into every board and the ticket at hand. */
    public void applyAll(List<Ticket> fresh) {
        if (fresh.isEmpty()) {
            return;
        }
        board.apply(fresh);
        if (sensitiveBoard != null) {
            sensitiveBoard.apply(fresh);
        }
        tools.apply(fresh);
        for (Ticket t : fresh) {
            detail.changedElsewhere(t);
        }
    }

    private MenuBar menus() {
        Menu file = new Menu("_File");
        file.getItems().addAll(item("New ticket\u2026", "Shortcut+N", "menuNewTicket", actions::newTicket),
                item("Log a call\u2026", "Shortcut+L", "menuLogCall", actions::newCall),
                item("Log chat\u2026", "Shortcut+Shift+L", "menuLogChat", actions::logChat),
                new SeparatorMenuItem());
        if (services.signOut() != null) {
            file.getItems().add(item("Sign out", "Shortcut+Shift+Q", "menuSignOut", services.signOut()));
        }
        file.getItems().addAll(
                item("Quit", "Shortcut+Q", "menuQuit", () -> getScene().getWindow().hide()));
        Menu ticket = new Menu("_Ticket");
        ticket.getItems().addAll(item("Assign to me", "Shortcut+M", "menuAssignMe", actions::assignToMe),
                item("Assign to\u2026", "Shortcut+Shift+M", "menuAssign", actions::assignTo),
                item("Change severity\u2026", "Shortcut+Shift+S", "menuSeverity", actions::changeSeverity),
                item("Change support level\u2026", "Shortcut+E", "menuLevel", actions::changeLevel),
                item("Change status\u2026", "Shortcut+T", "menuStatus", actions::changeStatus),
                item("Add internal note\u2026", "Shortcut+Shift+N", "menuNote", actions::addNote),
                item("Reply by e-mail\u2026", "Shortcut+R", "menuReply", actions::reply),
                new SeparatorMenuItem(),
                item("Reload", "F5", "menuReload", detail::reload));
        Menu view = new Menu("_View");
        view.getItems().add(item("Board", "Shortcut+1", "menuBoard", () -> tabs.getSelectionModel().select(0)));
        if (sensitiveBoard != null) {
            view.getItems().add(item("Official Sensitive", "Shortcut+2", "menuSensitive", () -> tabs.getSelectionModel().select(1)));
        }
        view.getItems().addAll(item("Find\u2026", "Shortcut+F", "menuFind", this::focusSearch),
                item("Clear filters", "Shortcut+Shift+F", "menuClear", () -> currentBoard().viewModel().clearFilters()));
        tools.wallboardItem().ifPresent(i -> view.getItems().addAll(new SeparatorMenuItem(), i));
        Menu help = new Menu("_Help");
        help.getItems().add(item("Keyboard shortcuts", "F1", "menuKeys", () -> new FxDialogService(() -> getScene().getWindow())
                .showInfo("Keyboard shortcuts", SHORTCUTS)));
        help.getItems().addAll(new SeparatorMenuItem(), tools.aboutItem());
        MenuBar bar = new MenuBar(file, ticket, view);
        bar.getMenus().addAll(tools.menus());
        if (services.mail() != null) {
            List<MenuItem> mailItems = services.mail().adminItems(() -> getScene().getWindow(),
                    session.agent(), session.zone(), r -> services.executor().run(r::run));
            bar.getMenus().stream().filter(m -> "menuAdmin".equals(m.getId())).findFirst()
                    .ifPresent(admin -> {
                        admin.getItems().add(new SeparatorMenuItem());
                        admin.getItems().addAll(mailItems);
                    });
        }
        bar.getMenus().add(help);
        bar.setId("menuBar");
        return bar;
    }

    static final String SHORTCUTS = String.join("\n",
            "Ctrl+N  New ticket", "Ctrl+L  Log a call (call console)", "Ctrl+Shift+L  Log a chat transcript", "Ctrl+M  Assign to me",
            "Ctrl+Shift+M  Assign to someone", "Ctrl+Shift+S  Change severity", "Ctrl+E  Change support level (escalate)",
            "Ctrl+T  Change status", "Ctrl+Shift+N  Add internal note", "Ctrl+R  Reply by e-mail", "F5  Reload the ticket",
            "Ctrl+F  Search", "Ctrl+Shift+F  Clear filters", "Ctrl+1 / Ctrl+2  Board / Official Sensitive",
            "F11  Lead wallboard (Esc leaves it)", "Ctrl+Shift+E  Quarterly report",
            "Ctrl+Enter  Submit a dialog, Esc  cancel it", "Ctrl+Shift+Q  Sign out", "Ctrl+Q  Quit");

    private static MenuItem item(String text, String accel, String id, Runnable r) {
        MenuItem i = new MenuItem(text);
        i.setId(id);
        i.setAccelerator(KeyCombination.keyCombination(accel));
        i.setOnAction(e -> r.run());
        return i;
    }

    private void focusSearch() {
        currentBoard().focusSearch();
    }

    private BoardView currentBoard() {
        return tabs.getSelectionModel().getSelectedIndex() == 1 && sensitiveView != null ? sensitiveView : boardView;
    }

    private HBox header() {
        Label title = new Label("Support Desk", new FontIcon(MaterialDesignH.HEADSET));
        title.getStyleClass().add("app-title");
        Agent a = session.agent();
        Label user = new Label(a.displayName() + " \u00b7 " + a.level().label() + (a.lead() ? " \u00b7 team lead" : "")
                + (a.cleared() ? " \u00b7 cleared" : ""));
        user.getStyleClass().add("app-user");
        user.setId("signedInAs");
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        Region sp2 = new Region();
        HBox.setHgrow(sp2, Priority.ALWAYS);
        javafx.scene.layout.StackPane search = new javafx.scene.layout.StackPane(boardView.searchField());
        search.setPrefWidth(360);
        search.setMaxWidth(420);
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, i) ->
                search.getChildren().setAll(currentBoard().searchField()));
        HBox h = new HBox(title, sp, new FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignM.MAGNIFY), search, sp2, user);
        h.getStyleClass().add("app-header");
        return h;
    }

    private HBox statusBar() {
        Label db = new Label(session.store().database().location().databaseFile() != null
                ? "Database: " + session.store().database().location().databaseFile()
                : "Database: " + session.store().database().location().jdbcUrl());
        Label times = new Label("Times in " + session.zone().getId() + " \u00b7 business hours 09:00\u201318:00 GMT, Mon\u2013Fri");
        feedStatus.setId("feedStatus");
        Label msg = new Label();
        msg.textProperty().bind(board.message());
        msg.setId("boardMessage");
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        Label mail = new Label();
        mail.setId("mailStatus");
        if (services.mail() != null) {
            mail.textProperty().bind(services.mail().status().textProperty());
            services.mail().status().problemProperty().addListener((o, was, bad) -> {
                mail.getStyleClass().remove("status-problem");
                if (bad) {
                    mail.getStyleClass().add("status-problem");
                }
            });
        }
        Label disk = new Label(); // a write that failed for lack of space: which folder, how much is left
        disk.setId("diskStatus");
        disk.getStyleClass().add("status-problem");
        session.store().database().onDiskFull(t -> javafx.application.Platform.runLater(() -> disk.setText(t == null ? "" : t)));
        HBox bar = new HBox(feedStatus, msg, mail, disk, sp, times, db);
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    public Ticker ticker() {
        return ticker;
    }

    public BoardViewModel board() {
        return board;
    }

    public BoardViewModel sensitiveBoard() {
        return sensitiveBoard;
    }

    public BoardView boardView() {
        return boardView;
    }

    public TicketDetailViewModel detail() {
        return detail;
    }

    public TicketActions actions() {
        return actions;
    }

    public Session session() {
        return session;
    }

    /** The lead and admin tools (wallboard, administration, reports, About). */
    public com.supportdesk.ui.admin.DeskTools tools() {
        return tools;
    }
}
