package com.supportdesk.app;

import com.supportdesk.cli.GlobalOptions;
import com.supportdesk.cli.RootCommand;
import com.supportdesk.domain.Agent;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.ui.common.UiTaskExecutor;
import com.supportdesk.ui.MainWindow;
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
 * trace. After start the daily backup runs in the background; closing the window closes the store.
 */
final class DesktopLauncher implements RootCommand.DesktopStarter {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopLauncher.class);
    private final Wiring wiring;

    DesktopLauncher(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public void start(GlobalOptions options) {
        Platform.setImplicitExit(true);
        Platform.startup(() -> open(options, new Stage()));
    }

    /** Opens the store behind a splash and shows sign-in (or, with --demo, the desk signed in as lead). */
    MainWindow open(GlobalOptions options, Stage stage) {
        UiTaskExecutor executor = new UiTaskExecutor("database");
        java.util.concurrent.atomic.AtomicReference<Store> opened = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicReference<MailChannel> mail = new java.util.concurrent.atomic.AtomicReference<>();
        MainWindow window = new MainWindow(stage, wiring.windowServices(options, executor, stage, opened::get, mail::get));
        window.showSplash("Opening the database\u2026");
        executor.supply(() -> {
            Store store = wiring.openStore(options);
            opened.set(store);
            Agent demoAgent = options.demo() ? store.agents().findByUsername("lead").orElse(null) : null;
            return new Opened(store, demoAgent);
        }).whenComplete((result, err) -> {
            if (err != null) {
                fatal(err);
                executor.close();
                return;
            }
            Store store = result.store();
            MailChannel channel = new MailChannel(store, wiring.clock());
            mail.set(channel);
            IntakeStatusModel status = new IntakeStatusModel(Platform::runLater);
            window.setMail(new MailDesk(channel, status));
            startIntake(channel, status);
            stage.setOnHidden(e -> shutDown(window, store, channel, executor));
            java.util.function.Consumer<Agent> signedIn = agent -> window.showDesk(store, agent).thenAccept(d -> d.startLive());
            if (result.demoAgent() != null) {
                window.configureSignIn(store, true, () -> wiring.seedDemo(store), signedIn);
                signedIn.accept(result.demoAgent());
            } else {
                window.showSignIn(store, options.demo(), () -> wiring.seedDemo(store), signedIn);
            }
            wiring.startDailyBackup(store);
        });
        return window;
    }

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

    private static void shutDown(MainWindow window, Store store, MailChannel mail, UiTaskExecutor executor) {
        window.close();
        try {
            mail.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the mail channel: {}", e.getMessage());
        }
        executor.close();
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the database: {}", e.getMessage());
        }
        Platform.exit();
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
