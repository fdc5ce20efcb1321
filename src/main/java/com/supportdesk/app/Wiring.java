package com.supportdesk.app;

import com.supportdesk.cli.GlobalOptions;
import com.supportdesk.cli.RootCommand;
import com.supportdesk.cli.StoreOpener;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.mail.MailChannel;
import com.supportdesk.phone.IncomingCall;
import com.supportdesk.mail.ReplyService;
import com.supportdesk.replies.SavedReplies;
import com.supportdesk.sla.BusinessCalendar;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.store.AgentRepository;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.OwnerOnly;
import com.supportdesk.store.Passwords;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.store.TeamConnections;
import com.supportdesk.ui.MainWindow;
import com.supportdesk.ui.WindowStateStore;
import com.supportdesk.ui.common.CallConsoleOpener;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.UiTaskExecutor;
import com.supportdesk.ui.phone.CallConsole;
import com.supportdesk.ui.signin.SignInGate;
import com.supportdesk.ui.ticket.ReplyComposerDialog;
import com.supportdesk.ui.ticket.ReplySender;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
        StoreOpener opener = new StoreOpener() {
            @Override
            public Store open(GlobalOptions options) {
                return openStore(options);
            }

            @Override
            public Store openTeam(GlobalOptions options, String user, char[] password) {
                return Wiring.this.openTeam(location(options), user, password);
            }

            @Override
            public boolean isTeam(GlobalOptions options) {
                return location(options).team();
            }

            @Override
            public AutoCloseable holdEmbedded(GlobalOptions options, Store store) {
                return Wiring.this.holdEmbedded(options, store);
            }

            @Override
            public Optional<String> askHolder(GlobalOptions options, String type, Map<String, String> args) {
                return Wiring.askHolder(options, type, args);
            }

            @Override
            public Clock clock() {
                return clock;
            }
        };
        RootCommand root = new RootCommand(desktop, opener, environment);
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
        warmUpCalendar();
        Store store = Store.open(location(options), clock);
        if (options.demo()) {
            try {
                if (!new DemoData(store, clock).seedIfEmpty(options.demoTickets()) && !store.database().location().demo()) {
                    LOG.warn("--demo ignored: {} already has agents; demo data only goes into a database nobody uses",
                            store.database().location().dataDir());
                    System.err.println("Warning: --demo ignored: this database already has agents (demo data goes only"
                            + " into an unused database, e.g. the default demo folder when --data-dir is left out).");
                }
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }

    /** Opens a team database signed in as {@code user} (the database checks the password). */
    public Store openTeam(DataLocation location, String user, char[] password) {
        warmUpCalendar();
        return new Store(Database.openTeam(location, user, password, clock), new Passwords(), ZoneId.systemDefault());
    }

    /**
     * Compiles the standard business calendar (the bank holidays of 2000-2100, about 0.2 s) on a thread of its own
     * while the database opens on this one: the first deadline the store computes then finds it ready instead of
     * compiling it itself (issue 17: every command is a fresh JVM). A policy with another calendar still shares the
     * region's holidays; a failure here is left for the store's own call to meet and report.
     */
    private static void warmUpCalendar() {
        Thread t = new Thread(() -> {
            try {
                BusinessCalendar.of(CalendarSpec.standard());
            } catch (RuntimeException e) {
                LOG.debug("Calendar warm-up: {}", e.toString());
            }
        }, "calendar-warm-up");
        t.setDaemon(true);
        t.start();
    }

    /** Fills an empty database with demo data (the sign-in screen's "Try with demo data") and returns {@code lead}. */
    public Agent seedDemo(Store store) {
        new DemoData(store, clock).seedIfEmpty(null);
        return store.agents().findByUsername("lead")
                .orElseThrow(() -> new StoreException.NotFound("The demo agent 'lead' is missing."));
    }

    /**
     * "Try with demo data": opens (creating and filling it if new) the demo database in its own folder — never
     * the real desk's — and signs in there as {@code lead}.
     */
    public SignInGate.SignedIn openDemo(Path demoDir) {
        Store demo = Store.open(DataLocation.resolve(demoDir, null), clock);
        try {
            return new SignInGate.SignedIn(demo, seedDemo(demo), false);
        } catch (RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    /** The desktop's sign-in through a team database: each sign-in opens a store with that agent's login. */
    public SignInGate teamGate(DataLocation location) {
        return new SignInGate() {
            @Override
            public SignedIn signIn(String username, char[] password) {
                Store store = openTeam(location, username, password);
                try {
                    Agent a = store.agents().authenticate(username, password);
                    SignedIn s = new SignedIn(store, a, store.agents().mustChangePassword(a.id()));
                    rememberTeam(location);
                    return s;
                } catch (RuntimeException e) {
                    store.close();
                    throw e;
                }
            }

            @Override
            public boolean firstRun() {
                return false;
            }

            @Override
            public SignedIn createFirstAdmin(AgentRepository.AgentSpec spec, char[] password) {
                throw new StoreException.Invalid("A team database gets its first admin from 'team init'.");
            }

            @Override
            public String where() {
                return "Team database " + TeamConnections.host(location.jdbcUrl()) + " \u00b7 "
                        + TeamConnections.databaseName(location.jdbcUrl());
            }

            @Override
            public boolean team() {
                return true;
            }
        };
    }

    /** The team database this desktop last signed in to, remembered in its data folder (no credentials). */
    static final String TEAM_FILE = "team-database.properties";

    /**
     * Where the desktop opens: the options; without --db-url (and without --demo), the team database this
     * desktop last signed in to, if any; with --demo and no --data-dir, the demo's own folder.
     */
    public DataLocation desktopLocation(GlobalOptions options) {
        if (options.dbUrl() == null && !options.demo()) {
            Path dir = options.dataDir() != null ? options.dataDir() : DataLocation.defaultDataDir();
            Path file = dir.resolve(TEAM_FILE);
            if (Files.isRegularFile(file)) {
                try (Reader r = Files.newBufferedReader(file)) {
                    Properties p = new Properties();
                    p.load(r);
                    String url = p.getProperty("db-url");
                    if (url != null && !url.isBlank()) {
                        return DataLocation.resolve(dir, url);
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("Ignoring {}: {}", file, e.getMessage());
                }
            }
        }
        return location(options);
    }

    private static void rememberTeam(DataLocation location) {
        try {
            OwnerOnly.directory(location.dataDir());
            Properties p = new Properties();
            p.setProperty("db-url", location.jdbcUrl());
            Path file = location.dataDir().resolve(TEAM_FILE);
            try (Writer w = Files.newBufferedWriter(file)) {
                p.store(w, "The team database this desktop signs in to (no credentials are ever stored)");
            }
            OwnerOnly.file(file);
        } catch (IOException e) {
            LOG.warn("Could not remember the team database: {}", e.getMessage());
        }
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
            private Store consoleStore;

            private CallConsole console() {
                Store now = store.get();
                if (console == null || consoleStore != now) { // signed in again: a new store (a team sign-in, the demo)
                    console = new CallConsole(now, clock, displayZone(), new UiTaskExecutor("call-console", 1));
                    consoleStore = now;
                }
                return console;
            }

            @Override
            public void open(Agent agent, Ticket ticket) {
                console().open(owner, agent, ticket == null ? null : ticket.id());
            }

            @Override
            public void openIncoming(Agent agent, IncomingCall call) {
                console().openIncoming(owner, agent, call);
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
        return windowServices(options, executor, owner, store, mail, com.supportdesk.ui.SystemAlerts.NONE);
    }

    /** As above, with the OS notification centre and tray icon ({@link AwtSystemAlerts}). */
    MainWindow.Services windowServices(GlobalOptions options, TaskExecutor executor, Window owner, Supplier<Store> store,
                                       Supplier<MailChannel> mail, com.supportdesk.ui.SystemAlerts systemAlerts) {
        Path stateFile = location(options).dataDir().resolve("window.properties");
        return new MainWindow.Services(clock, displayZone(), executor, WindowStateStore.file(stateFile),
                new ReplyComposerDialog(replySender(mail), () -> store.get() == null ? null
                        : new SavedReplies(store.get()), clock, displayZone(), executor),
                callConsoleOpener(owner, store), null, systemAlerts);
    }

    /**
     * What a process holding the embedded database runs beside it (the desktop, {@code ingest --watch}): the daily
     * backup ({@link BackupSchedule}) and the local channel through which other processes ask it for things
     * ({@link DeskChannel}; today a backup). Nothing for a team database. Closing stops both.
     */
    public AutoCloseable holdEmbedded(GlobalOptions options, Store store) {
        return holdEmbedded(options, store, null);
    }

    /**
     * As {@link #holdEmbedded(GlobalOptions, Store)}; a desktop that already answers its folder's channel (one desk
     * per user and data folder, {@link DeskInstance}) passes that channel's {@code dispatcher}, which then also answers
     * backups, instead of a second channel being started.
     */
    AutoCloseable holdEmbedded(GlobalOptions options, Store store, DeskChannel.Dispatcher running) {
        if (!store.database().location().embedded()) {
            return () -> { };
        }
        BackupSchedule schedule = new BackupSchedule(store).start();
        if (running != null) {
            running.on(REQUEST_BACKUP, backup(store));
            return schedule::close;
        }
        DeskChannel channel = null;
        try {
            channel = DeskChannel.start(location(options).dataDir(), requests(store));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Other processes cannot ask this one for backups: {}", e.getMessage());
        }
        DeskChannel started = channel;
        return () -> {
            if (started != null) {
                started.close();
            }
            schedule.close();
        };
    }

    /** The requests another process may make of the one holding the embedded database. */
    static DeskChannel.Dispatcher requests(Store store) {
        return new DeskChannel.Dispatcher().on(REQUEST_BACKUP, backup(store));
    }

    private static DeskChannel.Handler backup(Store store) {
        return r -> {
            String to = r.arg("to");
            if (to == null || to.isBlank()) {
                return DeskChannel.Reply.refused("Say where the backup goes.");
            }
            Path target = Path.of(to).toAbsolutePath();
            store.backups().backupTo(target);
            return DeskChannel.Reply.done("Backup written to " + target
                    + " (by the Support Desk process that has the database open).");
        };
    }

    static final String REQUEST_BACKUP = "backup";

    /** Asks the process holding the embedded database of these options; empty when none answers. */
    static Optional<String> askHolder(GlobalOptions options, String type, Map<String, String> args) {
        return DeskChannel.ask(location(options).dataDir(), new DeskChannel.Request(type, args)).map(reply -> {
            if (!reply.ok()) {
                throw new StoreException(reply.message());
            }
            return reply.message();
        });
    }

    public static DataLocation location(GlobalOptions options) {
        Path dir = options.dataDir() == null && options.dbUrl() == null && options.demo()
                ? DataLocation.defaultDemoDir() : options.dataDir();
        return DataLocation.resolve(dir, options.dbUrl());
    }
}
