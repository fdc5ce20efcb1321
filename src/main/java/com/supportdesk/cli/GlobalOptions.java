package com.supportdesk.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options accepted before any subcommand: where the database lives. */
public final class GlobalOptions {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for the database, backups and logs (default: the OS data folder).")
    Path dataDir;

    @Option(names = "--db-url", paramLabel = "URL",
            description = "A team database, jdbc:postgresql://HOST:PORT/DATABASE (with ?sslmode=verify-full&sslrootcert=CA.pem"
                    + " over a network); remembered after the first successful sign-in on this desktop.")
    String dbUrl;

    @Option(names = "--demo",
            description = "Seed a realistic demo database if the database is empty (and sign in as 'lead').")
    boolean demo;

    @Option(names = "--demo-tickets", paramLabel = "N",
            description = "With --demo: seed N tickets (5 %% open) instead of the standard demo set.")
    Integer demoTickets;

    public boolean demo() {
        return demo || demoTickets != null;
    }

    public Integer demoTickets() {
        return demoTickets;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String dbUrl() {
        return dbUrl;
    }
}
