package com.supportdesk.app;

import com.supportdesk.cli.CallCommand;
import com.supportdesk.cli.GlobalOptions;
import com.supportdesk.phone.IncomingCall;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import com.supportdesk.cli.RootCommand;
import com.supportdesk.domain.Agent;
import com.supportdesk.store.Store;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import com.supportdesk.ui.signin.SignInViewModel;
import com.supportdesk.ui.signin.SignInGate;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.StoreException;
import com.supportdesk.ui.common.UiTaskExecutor;
import com.supportdesk.ui.MainWindow;
import com.supportdesk.ui.SystemAlerts;
import com.supportdesk.mail.MailChannel;
import com.supportdesk.ui.mail.IntakeStatusModel;
import com.supportdesk.ui.mail.MailDesk;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JavaFX toolkit and the main window (only when no subcommand was given). The database opens on
 * a background thread behind a splash; a {@link StoreException} is shown as a plain message, never a stack
 * trace. Beside the embedded database run the daily backup and the local request channel; closing the window
 * closes the store.
 */
final class DesktopLauncher implements RootCommand.DesktopStarter {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);
    private final Wiring wiring;

    DesktopLauncher(Wiring wiring) {
        this.wiring = wiring;
    }

    /** How long a second launch waits for a desk that is starting to answer. */
    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Override
    public void start(GlobalOptions options) {
        launch(options, List.of(), null);
    }

    /**
     * One desk per OS user and data folder ({@link DeskInstance}): when a desk already runs there, it comes forward
     * (with {@code call}, it opens the call console) and this process ends; otherwise this process becomes that desk.
     */
    @Override
    public int launch(GlobalOptions options, List<String> args, IncomingCall call) {
        DeskRequests requests = new DeskRequests(wiring.clock());
        DeskInstance instance = null;
        try {
            Path dir = wiring.desktopLocation(options).dataDir();
            DeskChannel.Request request = call != null ? new DeskChannel.Request(CallCommand.REQUEST, call.toArgs())
                    : new DeskChannel.Request(DeskRequests.OPEN, Map.of("args", String.join(" ", args)));
            DeskInstance.Claim claim = DeskInstance.claim(dir, request, requests.dispatcher(), PATIENCE);
            if (claim instanceof DeskInstance.Handed handed) {
                (handed.reply().ok() ? System.out : System.err).println(handed.reply().message());
                return handed.reply().ok() ? 0 : 1;
            }
            if (claim instanceof DeskInstance.Held held) {
                instance = held.instance();
            }
        } catch (StoreException e) {
            // a location that cannot be used: the window says so (open)
        } catch (DeskInstance.Starting e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (IOException e) {
            LOG.warn("This desk cannot answer other launches (a second launch may open a second desk): {}", e.getMessage());
        }
        DeskInstance held = instance;
        // macOS sends tel:/callto: links as Apple Events: AWT must take them before the FX toolkit starts
        PhoneLinks.install(requests.dispatcher(), requests.clock());
        Platform.setImplicitExit(true);
        Platform.startup(() -> {
            MainWindow window = open(options, new Stage(), Platform::exit, held, requests);
            requests.attach(window);
            if (call != null) {
                window.takeCall(call);
            }
        });
        return RootCommand.GUI_STARTED;
    }

    /**
     * Shows sign-in (or, with --demo, the demo desk signed in as lead). This desktop's own database opens behind a
     * splash first; a team database opens only with an agent's own sign-in.
     */
    MainWindow open(GlobalOptions options, Stage stage, Runnable exit) {
        return open(options, stage, exit, null, new DeskRequests(wiring.clock()));
    }

    private MainWindow open(GlobalOptions options, Stage stage, Runnable exit, DeskInstance instance,
            DeskRequests requests) {
        UiTaskExecutor executor = new UiTaskExecutor("database");
        AtomicReference<Store> opened = new AtomicReference<>();
        AtomicReference<MailChannel> mail = new AtomicReference<>();
        AtomicReference<MainWindow> made = new AtomicReference<>();
        // the tray or menu-bar icon and the OS notification centre (SystemAlerts.NONE where the OS offers nothing)
        SystemAlerts os = AwtSystemAlerts.create(wiring.clock(), () -> made.get().bringForward(), () -> {
            made.get().bringForward();
            if (made.get().desk() != null) {
                made.get().desk().actions().newCall();
            }
        }, stage::hide);
        MainWindow window = new MainWindow(stage, wiring.windowServices(options, executor, stage, opened::get, mail::get, os));
        made.set(window);
        List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
        if (instance != null) {
            toClose.add(instance); // closed first: no request reaches a closing desk
        }
        stage.setOnHidden(e -> {
            os.close();
            shutDown(window, toClose, mail, executor);
            exit.run();
            if (os != SystemAlerts.NONE) {
                exitSoon(); // AWT's threads would keep the process alive
            }
        });
        DataLocation location;
        try {
            location = wiring.desktopLocation(options);
        } catch (StoreException e) {
            fatal(e);
            return window;
        }
        Consumer<SignInGate.SignedIn> signedIn = s -> {
            Store store = s.store();
            if (!toClose.contains(store)) {
                toClose.add(store);
            }
            opened.set(store);
            if (mail.get() == null || mail.get().store() != store) {
                MailChannel channel = new MailChannel(store, store.database().clock());
                mail.set(channel);
                IntakeStatusModel status = new IntakeStatusModel(Platform::runLater);
                window.setMail(new MailDesk(channel, status));
                if (store.database().postgres()) {
                    status.notRunning("fetched by the team's mail gateway");
                } else {
                    startIntake(channel, status);
                }
            }
            window.showDesk(store, s.agent()).thenAccept(d -> d.startLive());
        };
        if (location.team()) {
            SignInGate gate = wiring.teamGate(location);
            window.showSignIn(gate, false, null, signedIn);
            return window;
        }
        window.showSplash("Opening the database\u2026");
        executor.supply(() -> {
            Store store = wiring.openStore(options);
            Agent demoAgent = options.demo() && store.database().location().demo()
                    ? store.agents().findByUsername("lead").orElse(null) : null;
            return new Opened(store, demoAgent);
        }).whenComplete((result, err) -> {
            if (err != null) {
                fatal(err);
                executor.close();
                return;
            }
            Store store = result.store();
            // daily backups; other processes' backup requests (on this desk's channel when it has one)
            toClose.add(toClose.isEmpty() ? 0 : 1, wiring.holdEmbedded(options, store,
                    instance == null ? null : requests.dispatcher()));
            toClose.add(store);
            SignInGate gate = SignInGate.embedded(store);
            SignInViewModel.DemoSeeder demo = () -> {
                SignInGate.SignedIn s = wiring.openDemo(DataLocation.defaultDemoDir());
                toClose.add(s.store());
                return s;
            };
            if (result.demoAgent() != null) {
                window.configureSignIn(gate, true, demo, signedIn);
                signedIn.accept(new SignInGate.SignedIn(store, result.demoAgent(), false));
            } else {
                // demo hints (the demo passwords) only on a demo desk; on a real desk say why --demo did nothing
                boolean demoDesk = store.database().location().demo();
                window.showSignIn(gate, options.demo() && demoDesk, demo, signedIn,
                        options.demo() && !demoDesk ? DEMO_IGNORED : "");
            }
        });
        return window;
    }

    static final String DEMO_IGNORED = "--demo was ignored: this desk already has agents, and demo data only goes"
            + " into an unused database (leave out --data-dir to open the demo desk in its own folder).";

    private record Opened(Store store, Agent demoAgent) {
    }

    /** Fetches mail in the background when an IMAP account is set up for this desktop (never blocks the FX thread). */
    private static void startIntake(MailChannel channel, IntakeStatusModel status) {
        Thread t = new Thread(() -> {
            try {
                if (channel.startIntake(status).isEmpty()) {
                    status.notRunning(channel.settings().load().imap() == null
                            ? "no account set up (Admin \u2192 Mail settings)" : "fetched by the team's mail gateway");
                }
            } catch (RuntimeException e) {
                LOG.warn("Mail intake not started: {}", e.getMessage());
            }
        }, "mail-intake-start");
        t.setDaemon(true);
        t.start();
    }

    private static void shutDown(MainWindow window, List<AutoCloseable> toClose, AtomicReference<MailChannel> mail,
                                 UiTaskExecutor executor) {
        window.close();
        try {
            if (mail.get() != null) {
                mail.get().close();
            }
        } catch (RuntimeException e) {
            LOG.warn("Closing the mail channel: {}", e.getMessage());
        }
        executor.close();
        // first what holds the embedded database (daily backups, local requests), then the databases
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing {}: {}", c.getClass().getSimpleName(), e.getMessage());
            }
        }
    }

    /** Ends the process once the desk has closed everything (AWT, once used for the tray, keeps threads alive). */
    private static void exitSoon() {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            System.exit(0);
        }, "exit");
        t.setDaemon(true);
        t.start();
    }

    private static void fatal(Throwable err) {
        Throwable t = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        String message = t instanceof StoreException || t.getMessage() != null ? t.getMessage()
                : "Support Desk could not start (" + t.getClass().getSimpleName() + ").";
        if (!(t instanceof StoreException)) {
            LOG.error("Start-up failed", t);
        } else {
            LOG.warn("Start-up failed: {}", message);
        }
        Alert a = new Alert(Alert.AlertType.ERROR, "", ButtonType.CLOSE);
        a.setTitle("Support Desk");
        a.setHeaderText("Support Desk cannot open its database");
        Label l = new Label(message);
        l.setWrapText(true);
        l.setMaxWidth(520);
        a.getDialogPane().setContent(l);
        a.showAndWait();
        Platform.exit();
    }
}
