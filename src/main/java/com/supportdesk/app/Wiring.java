package com.supportdesk.app;

import com.supportdesk.cli.GlobalOptions;
import com.supportdesk.cli.RootCommand;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.ui.common.CallConsoleOpener;
import com.supportdesk.ui.common.UiTaskExecutor;
import com.supportdesk.ui.phone.CallConsole;
import com.supportdesk.mail.MailChannel;
import com.supportdesk.mail.ReplyService;
import java.util.function.Supplier;
import com.supportdesk.ui.MainWindow;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.WindowStateStore;
import com.supportdesk.ui.ticket.ReplyComposerDialog;
import com.supportdesk.ui.ticket.ReplySender;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** The one place where the application's objects are constructed and connected. */
public final class Wiring {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    private final Map<String, String> environment;
    private final Clock clock;

    public Wiring() {
        this(System.getenv(), Clock.systemUTC());
    }

    public Wiring(Map<String, String> environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public CommandLine commandLine(RootCommand.DesktopStarter desktop) {
        RootCommand root = new RootCommand(desktop, this::openStore, environment);
        CommandLine cli = new CommandLine(root);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof StoreException || ex instanceof UncheckedIOException) {
                cmd.getErr().println(ex.getMessage());
                return 1;
            }
            throw ex;
        });
        return cli;
    }

    /** Opens the store named by the options; with --demo an empty database is filled with demo data. */
    public Store openStore(GlobalOptions options) {
        Store store = Store.open(location(options), clock);
        if (options.demo()) {
            try {
                new DemoData(store, clock).seedIfEmpty(options.demoTickets());
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }

    /** Fills an empty database with demo data (the sign-in screen's "Try with demo data") and returns {@code lead}. */
    public Agent seedDemo(Store store) {
        new DemoData(store, clock).seedIfEmpty(null);
        return store.agents().findByUsername("lead")
                .orElseThrow(() -> new StoreException.NotFound("The demo agent 'lead' is missing."));
    }

    /** The zone times are shown in: the agent's own (the calendar computes in GMT). */
    public ZoneId displayZone() {
        return ZoneId.systemDefault();
    }

    /**
     * Sends e-mail replies through the open store's mail channel (SMTP; the reply is recorded as customer contact).
     * Before the store has opened there is no channel: nothing is sent and the composer says so.
     */
    public ReplySender replySender(Supplier<MailChannel> mail) {
        return (agent, ticket, draft) -> {
            MailChannel channel = mail.get();
            if (channel == null) {
                ReplySender.NOT_CONFIGURED.send(agent, ticket, draft);
                return;
            }
            channel.replies().send(agent, ticket.id(), ticket.version(),
                    new ReplyService.ReplyRequest(draft.to(), draft.subject(), draft.body()));
        };
    }

    /**
     * Opens the call console (Ctrl+L) and the chat log window of {@code ui.phone}. The console is built on first use
     * with an executor of its own with one thread, so a call's autosaves and its end are stored in order.
     */
    public CallConsoleOpener callConsoleOpener(Window owner, Supplier<Store> store) {
        return new CallConsoleOpener() {
            private CallConsole console;

            private CallConsole console() {
                if (console == null) {
                    console = new CallConsole(store.get(), clock, displayZone(), new UiTaskExecutor("call-console", 1));
                }
                return console;
            }

            @Override
            public void open(Agent agent, Ticket ticket) {
                console().open(owner, agent, ticket == null ? null : ticket.id());
            }

            @Override
            public void logChat(Agent agent, Ticket ticket) {
                console().openChatLog(owner, agent, ticket == null ? null : ticket.id());
            }
        };
    }

    /** What the main window needs, wired once. */
    public MainWindow.Services windowServices(GlobalOptions options, TaskExecutor executor, Window owner,
                                              Supplier<Store> store, Supplier<MailChannel> mail) {
        Path stateFile = location(options).dataDir().resolve("window.properties");
        return new MainWindow.Services(clock, displayZone(), executor, WindowStateStore.file(stateFile),
                new ReplyComposerDialog(replySender(mail), executor), callConsoleOpener(owner, store), null);
    }

    /** Today's backup in the data folder, on a background thread, after start. */
    public void startDailyBackup(Store store) {
        Thread t = new Thread(() -> {
            try {
                store.backups().dailyBackup().ifPresent(p -> LOG.info("Daily backup written: {}", p));
            } catch (RuntimeException e) {
                LOG.warn("Daily backup failed: {}", e.getMessage());
            }
        }, "daily-backup");
        t.setDaemon(true);
        t.start();
    }

    public static DataLocation location(GlobalOptions options) {
        return DataLocation.resolve(options.dataDir(), options.dbUrl());
    }
}
