package com.supportdesk.app;

import com.supportdesk.cli.GlobalOptions;
import com.supportdesk.cli.RootCommand;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import picocli.CommandLine;

/** The one place where the application's objects are constructed and connected. */
public final class Wiring {

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

    public static DataLocation location(GlobalOptions options) {
        return DataLocation.resolve(options.dataDir(), options.dbUrl());
    }
}
