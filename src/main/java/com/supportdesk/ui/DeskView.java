package com.supportdesk.ui;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.TeamConnections;
import com.supportdesk.ui.board.BoardView;
import com.supportdesk.ui.board.BoardViewModel;
import com.supportdesk.ui.board.ChangeFeed;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.CallConsoleOpener;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.FontZoom;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.Ticker;
import com.supportdesk.ui.mail.MailDesk;
import com.supportdesk.ui.ticket.ReplyComposer;
import com.supportdesk.ui.ticket.TicketActions;
import com.supportdesk.ui.ticket.TicketDetailView;
import com.supportdesk.ui.ticket.TicketDetailViewModel;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;
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
                           MailDesk mail, FontZoom zoom) {

        public Services {
            zoom = zoom == null ? new FontZoom() : zoom;
        }
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
    /** Team database warnings: a plain-text connection to another computer, this computer's clock off. */
    private final Label teamStatus = new Label();
    private final DateTimeFormatter hms;
    private final DeskTools tools;
    private final ActionFactory actionFactory = new ActionFactory();

    public DeskView(Session session, Services s, Supplier<Window> owner) {
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
        TicketDetailView detailView = new TicketDetailView(detail, actions, actionFactory);

        detail.setOnChanged(t -> applyAll(List.of(t)));
        actions.setOnCreated(t -> {
            BoardViewModel target = t.sensitive() && sensitiveBoard != null && tabs.getSelectionModel().getSelectedIndex() == 1
                    ? sensitiveBoard : board;
            target.apply(List.of(t));
            target.selectById(t.id());
        });
        board.selectedProperty().addListener((o, was, t) -> {
            if (t != null) {
                detail.show(t);
            }
        });
        if (sensitiveBoard != null) {
            sensitiveBoard.selectedProperty().addListener((o, was, t) -> {
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
            sens.getStyleClass().add(Styles.SENSITIVE_TAB);
            sens.setGraphic(new FontIcon(MaterialDesignS.SHIELD_LOCK_OUTLINE));
            tabs.getTabs().add(sens);
        }
        tabs.setId("boards");
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, index) ->
                detail.setView(index.intValue() == 1 && sensitiveView != null ? "official sensitive view" : "desktop board"));
        tools = new DeskTools(new DeskTools.Context(session, ticker, s.executor(), s.clock(), owner,
                feedStatus.textProperty(), actionFactory));
        SplitPane split = new SplitPane(tabs, detailView);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.70);
        SplitPane.setResizableWithParent(detailView, false);

        setTop(new VBox(menus(), header()));
        setCenter(split);
        setBottom(statusBar());

        ticker.nowSecondProperty().addListener((o, was, now) -> {
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
                feed = new ChangeFeed(session.store(), session.agent(), board.feedPositionProperty().get(),
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
            feedStatus.setText(session.store().database().postgres()
                    ? "Live \u00b7 changes pushed by the team database" : "Live \u00b7 checked " + hms.format(ticker.clock().instant()));
            applyAll(batch.tickets());
        }
        if (batch.session() != null) {
            showTeamWarnings(batch.session());
        }
        if (batch.agentChanged()) {
            checkOwnRights();
        }
    }

    /**
     * Someone changed an agent's roles: if they are this desk's agent's, the desk signs out (the database already
     * applies the new rights to every statement; signing in again shows the desk as they now are).
     */
    private void checkOwnRights() {
        Agent was = session.agent();
        services.executor().supply(() -> session.store().agents().byId(was.id())).thenAccept(now -> {
            boolean same = now.isPresent() && now.get().active() && now.get().cleared() == was.cleared()
                    && now.get().lead() == was.lead() && now.get().admin() == was.admin();
            if (!same && services.signOut() != null) {
                services.dialogs().showInfo("Your account changed", now.isEmpty() || !now.get().active()
                        ? "Your account was deactivated by an admin." : "An admin changed your roles: sign in again to go on"
                        + " with them.");
                services.signOut().run();
            }
        });
    }

    private void showTeamWarnings(Database.TeamSession s) {
        List<String> warnings = new ArrayList<>();
        String plain = TeamConnections.plainTextWarning(session.store().database().location(), s);
        if (plain != null) {
            warnings.add(plain);
        }
        if (s.clockWarning() != null) {
            warnings.add(s.clockWarning());
        }
        teamStatus.setText(String.join(" ", warnings));
        teamStatus.setVisible(!warnings.isEmpty());
        teamStatus.setManaged(teamStatus.isVisible());
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
        ActionFactory f = actionFactory;
        Menu file = new Menu("_File");
        file.getItems().addAll(f.menuItem(DeskAction.NEW_TICKET, actions::newTicket),
                f.menuItem(DeskAction.NEW_CALL, actions::newCall),
                f.menuItem(DeskAction.LOG_CHAT, actions::logChat),
                new SeparatorMenuItem());
        if (services.signOut() != null) {
            file.getItems().add(f.menuItem(DeskAction.SIGN_OUT, services.signOut()));
        }
        file.getItems().add(f.menuItem(DeskAction.QUIT, () -> getScene().getWindow().hide()));
        Menu ticket = new Menu("_Ticket");
        ticket.getItems().addAll(f.menuItem(DeskAction.ASSIGN_TO_ME, actions::assignToMe),
                f.menuItem(DeskAction.ASSIGN, actions::assignTo),
                f.menuItem(DeskAction.CHANGE_SEVERITY, actions::changeSeverity),
                f.menuItem(DeskAction.CHANGE_LEVEL, actions::changeLevel),
                f.menuItem(DeskAction.CHANGE_STATUS, actions::changeStatus),
                f.menuItem(DeskAction.ADD_NOTE, actions::addNote),
                f.menuItem(DeskAction.REPLY, actions::reply),
                new SeparatorMenuItem(),
                f.menuItem(DeskAction.RELOAD, detail::reload));
        Menu view = new Menu("_View");
        view.getItems().add(f.menuItem(DeskAction.SHOW_BOARD, () -> tabs.getSelectionModel().select(0)));
        if (sensitiveBoard != null) {
            view.getItems().add(f.menuItem(DeskAction.SHOW_SENSITIVE, () -> tabs.getSelectionModel().select(1)));
        }
        view.getItems().addAll(f.menuItem(DeskAction.FIND, this::focusSearch),
                f.menuItem(DeskAction.CLEAR_FILTERS, () -> currentBoard().viewModel().clearFilters()));
        tools.wallboardItem().ifPresent(i -> view.getItems().addAll(new SeparatorMenuItem(), i));
        FontZoom zoom = services.zoom();
        MenuItem zoomIn = f.menuItem(DeskAction.ZOOM_IN, zoom::zoomIn);
        zoomIn.disableProperty().bind(zoom.canZoomInProperty().not());
        MenuItem zoomOut = f.menuItem(DeskAction.ZOOM_OUT, zoom::zoomOut);
        zoomOut.disableProperty().bind(zoom.canZoomOutProperty().not());
        view.getItems().addAll(new SeparatorMenuItem(), zoomIn, zoomOut, f.menuItem(DeskAction.ZOOM_RESET, zoom::reset));
        Menu help = new Menu("_Help");
        help.getItems().addAll(f.menuItem(DeskAction.SHORTCUTS, this::showShortcuts), new SeparatorMenuItem(),
                tools.aboutItem());
        MenuBar bar = f.menuBar(file, ticket, view);
        bar.getMenus().addAll(tools.menus());
        if (services.mail() != null) {
            List<MenuItem> mailItems = services.mail().adminItems(f, () -> getScene().getWindow(),
                    session.agent(), session.zone(), services.executor());
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

    /** Help → Keyboard shortcuts (F1): every key of the desk, from the action registry. */
    private void showShortcuts() {
        services.dialogs().showInfo("Keyboard shortcuts", actionFactory.shortcutsHelp());
    }

    private void focusSearch() {
        currentBoard().focusSearch();
    }

    private BoardView currentBoard() {
        return tabs.getSelectionModel().getSelectedIndex() == 1 && sensitiveView != null ? sensitiveView : boardView;
    }

    private HBox header() {
        Label title = new Label("Support Desk", new FontIcon(MaterialDesignH.HEADSET));
        title.getStyleClass().add(Styles.APP_TITLE);
        Agent a = session.agent();
        Label user = new Label(a.displayName() + " \u00b7 " + a.level().label() + (a.lead() ? " \u00b7 team lead" : "")
                + (a.cleared() ? " \u00b7 cleared" : ""));
        user.getStyleClass().add(Styles.APP_USER);
        user.setId("signedInAs");
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        Region sp2 = new Region();
        HBox.setHgrow(sp2, Priority.ALWAYS);
        StackPane search = new StackPane(boardView.searchField());
        search.getStyleClass().add(Styles.HEADER_SEARCH); // its width, in em, grows with the text zoom
        tabs.getSelectionModel().selectedIndexProperty().addListener((o, was, i) ->
                search.getChildren().setAll(currentBoard().searchField()));
        HBox h = new HBox(title, sp, new FontIcon(MaterialDesignM.MAGNIFY), search, sp2, user);
        h.getStyleClass().add(Styles.APP_HEADER);
        return h;
    }

    private HBox statusBar() {
        DataLocation where = session.store().database().location();
        Label db = new Label((where.demo() ? "DEMO \u00b7 " : "") + (where.databaseFile() != null
                ? "Database: " + where.databaseFile() : "Team database: " + where.displayUrl()));
        db.setId("databaseStatus");
        Label times = new Label("Times in " + session.zone().getId() + " \u00b7 business hours 09:00\u201318:00 GMT, Mon\u2013Fri");
        times.setId("zoneStatus");
        feedStatus.setId("feedStatus");
        Label msg = new Label();
        msg.textProperty().bind(board.messageProperty());
        msg.setId("boardMessage");
        Region sp = new Region();
        HBox.setHgrow(sp, Priority.ALWAYS);
        Label mail = new Label();
        mail.setId("mailStatus");
        if (services.mail() != null) {
            mail.textProperty().bind(services.mail().status().textProperty());
            services.mail().status().problemProperty().addListener((o, was, bad) -> {
                mail.getStyleClass().remove(Styles.STATUS_PROBLEM);
                if (bad) {
                    mail.getStyleClass().add(Styles.STATUS_PROBLEM);
                }
            });
        }
        Label disk = new Label(); // a write that failed for lack of space: which folder, how much is left
        disk.setId("diskStatus");
        disk.getStyleClass().add(Styles.STATUS_PROBLEM);
        session.store().database().onDiskFull(t -> Platform.runLater(() -> disk.setText(t == null ? "" : t)));
        // The bar's own texts keep their width; when the window is too narrow for all, the database path gives way,
        // keeping its end (the file name), and shows in full in its tooltip.
        teamStatus.setId("teamStatus");
        teamStatus.getStyleClass().add(Styles.STATUS_PROBLEM);
        if (session.store().database().session() != null) {
            showTeamWarnings(session.store().database().session());
        } else {
            teamStatus.setVisible(false);
            teamStatus.setManaged(false);
        }
        for (Label own : List.of(feedStatus, msg, mail, times, teamStatus, disk)) {
            own.setMinWidth(Region.USE_PREF_SIZE);
        }
        db.setMinWidth(0);
        db.setTextOverrun(OverrunStyle.LEADING_ELLIPSIS);
        Tooltip path = new Tooltip();
        path.textProperty().bind(db.textProperty());
        db.setTooltip(path);
        HBox bar = new HBox(feedStatus, msg, mail, teamStatus, disk, sp, times, db);
        bar.getStyleClass().add(Styles.STATUS_BAR);
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
    public DeskTools tools() {
        return tools;
    }
}
