package com.supportdesk.ui;

import com.supportdesk.domain.Agent;
import com.supportdesk.phone.IncomingCall;
import com.supportdesk.store.Store;
import com.supportdesk.ui.board.Notifier;
import com.supportdesk.ui.common.ActionFactory;
import com.supportdesk.ui.common.CallConsoleOpener;
import com.supportdesk.ui.common.DeskAction;
import com.supportdesk.ui.common.FontZoom;
import com.supportdesk.ui.common.DialogService;
import com.supportdesk.ui.common.Errors;
import com.supportdesk.ui.common.FxDialogService;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.Styles;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.Theme;
import com.supportdesk.ui.mail.MailDesk;
import com.supportdesk.ui.signin.SignInGate;
import com.supportdesk.ui.signin.SignInView;
import com.supportdesk.ui.signin.SignInViewModel;
import com.supportdesk.ui.ticket.ReplyComposer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The one main window ("Support Desk"): splash while the database opens, sign-in, then the desk. Remembers
 * its size and position through an injected {@link WindowStateStore}; works from 1280×720 up.
 */
public final class MainWindow {

    public static final String TITLE = Theme.APP_TITLE;
    static final double MIN_WIDTH = 1024;
    static final double MIN_HEIGHT = 640;

    /**
     * Collaborators supplied by the application's wiring.
     *
     * @param notifier     popups in the desk's window, or null for ControlsFX notifications
     * @param systemAlerts the OS notification centre and tray icon, or {@link SystemAlerts#NONE}
     */
    public record Services(Clock clock, ZoneId zone, TaskExecutor executor, WindowStateStore windowState,
                           ReplyComposer composer, CallConsoleOpener callConsole, Notifier notifier,
                           SystemAlerts systemAlerts) {

        public Services {
            systemAlerts = systemAlerts == null ? SystemAlerts.NONE : systemAlerts;
        }

        /** Without the OS: every alert in the desk's window. */
        public Services(Clock clock, ZoneId zone, TaskExecutor executor, WindowStateStore windowState,
                        ReplyComposer composer, CallConsoleOpener callConsole, Notifier notifier) {
            this(clock, zone, executor, windowState, composer, callConsole, notifier, SystemAlerts.NONE);
        }
    }

    private final Stage stage;
    private final Services services;
    private final Scene scene;
    /** The text size, remembered for this desktop; the zoom keys work on every screen of the window. */
    private final FontZoom zoom;
    private final ActionFactory actionFactory = new ActionFactory();
    private DeskView desk;
    private MailDesk mail;
    /** Calls reported before anyone signed in: the console opens for each once the desk is shown. */
    private final java.util.List<IncomingCall> pendingCalls = new java.util.ArrayList<>();

    public MainWindow(Stage stage, Services services) {
        this.stage = stage;
        this.services = services;
        this.scene = new Scene(new VBox(), 1280, 760);
        Theme.apply(scene);
        this.zoom = new FontZoom(services.windowState().loadZoom().orElse(FontZoom.NORMAL),
                services.windowState()::saveZoom);
        Theme.zoom(scene, zoom);
        installZoomKeys();
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        addIcons(stage);
        restoreBounds();
        stage.setOnHidden(e -> saveBounds());
    }

    /** Shows the window with a progress message (e.g. while the database opens). */
    public void showSplash(String text) {
        ProgressIndicator p = new ProgressIndicator();
        p.setPrefSize(48, 48);
        Label l = new Label(text);
        l.setId("splashText");
        VBox box = new VBox(p, l);
        box.getStyleClass().add(Styles.SPLASH);
        box.setId("splash");
        setRoot(box);
        show();
    }

    /** Shows the sign-in screen; "Sign out" on the desk comes back here. */
    /** The e-mail channel of the open store: intake status in the status bar, admin mail screens. */
    public void setMail(MailDesk mail) {
        this.mail = mail;
    }

    public void showSignIn(SignInGate gate, boolean demoMode, SignInViewModel.DemoSeeder seeder,
                           Consumer<SignInGate.SignedIn> onSignedIn) {
        showSignIn(gate, demoMode, seeder, onSignedIn, "");
    }

    /** The sign-in screen with a first notice under the form (e.g. why --demo was ignored); "" for none. */
    public void showSignIn(SignInGate gate, boolean demoMode, SignInViewModel.DemoSeeder seeder,
                           Consumer<SignInGate.SignedIn> onSignedIn, String notice) {
        configureSignIn(gate, demoMode, seeder, onSignedIn);
        if (desk != null) {
            desk.stop();
            desk = null;
            services.systemAlerts().atRisk(0, AlertRouter.tooltip(0)); // signed out: nobody's tickets
        }
        SignInViewModel vm = new SignInViewModel(gate, services.executor(), demoMode, seeder, onSignedIn);
        vm.tell(notice);
        SignInView view = new SignInView(vm);
        setRoot(view);
        show();
        vm.checkFirstRun();
        view.focus();
    }

    private Runnable signIn;

    /** Remembers how to sign in again (used by "Sign out" when the desk was opened directly, e.g. with --demo). */
    public void configureSignIn(SignInGate gate, boolean demoMode, SignInViewModel.DemoSeeder seeder,
                                Consumer<SignInGate.SignedIn> onSignedIn) {
        this.signIn = () -> showSignIn(gate, demoMode, seeder, onSignedIn);
    }

    /** Back to the sign-in screen (File, Sign out). */
    public void signOut() {
        if (signIn != null) {
            signIn.run();
        }
    }

    /**
     * Shows the desk for the signed-in agent: the session (response clock) is read in the background, then the
     * desk is built on the FX thread and loads its boards in the background.
     */
    public CompletableFuture<DeskView> showDesk(Store store, Agent agent) {
        return services.executor().supply(() -> Session.open(store, agent, services.zone())).thenApply(this::showDesk)
                .whenComplete((d, err) -> {
                    if (err != null) {
                        new FxDialogService(this::window).showError("Cannot open the desk",
                                Errors.plain(err));
                    }
                });
    }

    private DeskView showDesk(Session session) {
        if (desk != null) {
            desk.stop();
        }
        DialogService dialogs = new FxDialogService(this::window);
        Notifier inWindow = services.notifier() != null ? services.notifier()
                : new ControlsFxNotifier(this::window, this::select);
        AlertRouter alerts = new AlertRouter(services.systemAlerts(), inWindow, this::select, stage::isFocused);
        // counts down in the database's time: on a team database the server's clock (Database.clock)
        desk = new DeskView(session, new DeskView.Services(session.store().database().clock(), services.executor(), dialogs, alerts,
                services.composer(), services.callConsole(), signIn == null ? null : this::signOut, mail, zoom),
                this::window);
        stage.setTitle(session.store().database().location().demo() ? TITLE + " \u2014 DEMO" : TITLE);
        desk.board().atRiskProperty().addListener((o, was, n) -> alerts.atRisk(n.intValue()));
        alerts.atRisk(0);
        setRoot(desk);
        show();
        desk.load();
        java.util.List<IncomingCall> calls = java.util.List.copyOf(pendingCalls);
        pendingCalls.clear();
        calls.forEach(c -> services.callConsole().openIncoming(session.agent(), c));
        return desk;
    }

    /** A click on an alert: the desk comes forward with the ticket selected. */
    private void select(long ticketId) {
        if (desk != null) {
            bringForward();
            desk.board().selectById(ticketId);
        }
    }

    /**
     * Brings the window forward (a second launch of the desk for this user and data folder handed over to this one):
     * restored if minimised, shown, in front, focused. The OS may only flash the taskbar button instead when another
     * application has the focus.
     */
    public void bringForward() {
        if (stage.isIconified()) {
            stage.setIconified(false);
        }
        show();
        stage.toFront();
        stage.requestFocus();
    }

    /**
     * An incoming call reported by a softphone: the window comes forward and the call console opens with the call's
     * own start time, or — before anyone has signed in — once someone has. Returns what to tell the softphone's
     * command line.
     */
    public String takeCall(IncomingCall call) {
        bringForward();
        if (desk == null) {
            pendingCalls.add(call);
            return "Support Desk came forward: the call console for " + call.describe()
                    + " opens once you have signed in (its timer counts from the call).";
        }
        services.callConsole().openIncoming(desk.session().agent(), call);
        return "The call console is open in the running Support Desk for " + call.describe() + ".";
    }

    private void setRoot(Parent root) {
        scene.setRoot(root);
        installZoomKeys(); // a menu bar taken out of the scene takes its keys with it
    }

    private void installZoomKeys() {
        actionFactory.installAll(scene, DeskAction.ZOOM_IN, zoom::zoomIn);
        actionFactory.installAll(scene, DeskAction.ZOOM_OUT, zoom::zoomOut);
        actionFactory.installAll(scene, DeskAction.ZOOM_RESET, zoom::reset);
    }

    /** The window's text size. */
    public FontZoom zoom() {
        return zoom;
    }

    private void show() {
        if (!stage.isShowing()) {
            stage.show();
        }
    }

    public Window window() {
        return stage;
    }

    public Stage stage() {
        return stage;
    }

    public DeskView desk() {
        return desk;
    }

    public void close() {
        if (desk != null) {
            desk.stop();
        }
        saveBounds();
    }

    private void restoreBounds() {
        Optional<WindowStateStore.Bounds> saved = services.windowState().load();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        if (saved.isPresent() && !Screen.getScreensForRectangle(saved.get().x(), saved.get().y(),
                Math.max(1, saved.get().width()), Math.max(1, saved.get().height())).isEmpty()) {
            WindowStateStore.Bounds b = saved.get();
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(Math.max(MIN_WIDTH, b.width()));
            stage.setHeight(Math.max(MIN_HEIGHT, b.height()));
            stage.setMaximized(b.maximized());
        } else {
            double w = Math.min(1440, Math.max(MIN_WIDTH, screen.getWidth() - 40));
            double h = Math.min(900, Math.max(MIN_HEIGHT, screen.getHeight() - 40));
            stage.setWidth(w);
            stage.setHeight(h);
            stage.setX(screen.getMinX() + (screen.getWidth() - w) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - h) / 2);
        }
    }

    private void saveBounds() {
        if (stage.getWidth() > 0 && stage.getHeight() > 0 && !Double.isNaN(stage.getX())) {
            services.windowState().save(new WindowStateStore.Bounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
        }
    }

    /** Window icons from /icons/support-desk-*.png when the packaging provides them. */
    static void addIcons(Stage stage) {
        stage.getIcons().setAll(Theme.icons());
    }
}
