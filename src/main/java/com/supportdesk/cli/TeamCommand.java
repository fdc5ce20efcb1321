package com.supportdesk.cli;

import com.supportdesk.store.StoreException;
import com.supportdesk.store.TeamMigration;
import com.supportdesk.store.TeamSetup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "team", mixinStandardHelpOptions = true,
        description = "Set up and look after a team database on PostgreSQL 14 or later (give it with --db-url).",
        subcommands = {TeamCommand.Init.class, TeamCommand.Upgrade.class, TeamCommand.Migrate.class})
public final class TeamCommand {

    static final String DB_PASSWORD_ENV = "SUPPORTDESK_DB_PASSWORD";
    static final String INTAKE_PASSWORD_ENV = "SUPPORTDESK_INTAKE_PASSWORD";

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Set up an empty database as the team's desk, signed in as its owner (a login with CREATEROLE"
                    + " that owns the database; password in " + DB_PASSWORD_ENV + "): roles, tables, the access"
                    + " model, the first admin (password in " + CliSupport.NEW_PASSWORD_ENV + ") and optionally the mail"
                    + " gateway's login (password in " + INTAKE_PASSWORD_ENV + ", else " + CliSupport.NEW_PASSWORD_ENV
                    + "). Running it again upgrades and changes nothing else.")
    static final class Init implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--owner", required = true, paramLabel = "OWNER", description = "The database's owner login")
        String owner;
        @Option(names = "--admin", required = true, paramLabel = "USER", description = "The first admin's user name")
        String admin;
        @Option(names = "--admin-name", paramLabel = "NAME", description = "The first admin's full name")
        String adminName;
        @Option(names = "--admin-cleared", description = "The first admin holds security clearance (so they can give"
                + " it to others; nobody can give it to themselves later)")
        boolean adminCleared;
        @Option(names = "--intake-user", paramLabel = "NAME", description = "A login for the mail gateway (ingest --watch)")
        String intake;
        @Option(names = "--role-prefix", paramLabel = "PREFIX", hidden = true,
                description = "Group role prefix (default: the database name and '_')")
        String prefix;

        @Override
        public Integer call() {
            TeamSetup setup = setup(spec, owner);
            char[] adminPassword = CliSupport.secret(spec, CliSupport.NEW_PASSWORD_ENV, "Password for " + admin + ": ");
            TeamSetup.NewLogin intakeLogin = null;
            if (intake != null) {
                String env = CliSupport.env(spec).get(INTAKE_PASSWORD_ENV);
                intakeLogin = new TeamSetup.NewLogin(intake, null, env != null ? env.toCharArray() : adminPassword);
            }
            TeamSetup.Report r = setup.init(prefix, new TeamSetup.NewLogin(admin, adminName, adminPassword), adminCleared,
                    intakeLogin);
            print(spec, r);
            spec.commandLine().getOut().println("Desktops start with --db-url " + url(spec) + " and sign in as their agent.");
            return 0;
        }
    }

    @Command(name = "upgrade", mixinStandardHelpOptions = true,
            description = "Bring a team database up to this version's schema and access model, signed in as its owner"
                    + " (password in " + DB_PASSWORD_ENV + ").")
    static final class Upgrade implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--owner", required = true, paramLabel = "OWNER", description = "The database's owner login")
        String owner;

        @Override
        public Integer call() {
            print(spec, setup(spec, owner).upgrade());
            return 0;
        }
    }

    @Command(name = "migrate", mixinStandardHelpOptions = true,
            description = "Move this desktop's embedded desk (the database in DIR; close Support Desk first) into a freshly"
                    + " initialised team database, signed in as the admin 'team init' created (password in "
                    + CliSupport.PASSWORD_ENV + "; a desk with Official Sensitive content or cleared agents needs a cleared"
                    + " admin). Every table is copied with its ids; a row count and checksum per table are printed for both"
                    + " sides, and nothing is kept unless all agree. Every other agent gets a new login with a one-time"
                    + " password, written to a file only you can read, and chooses their own at first sign-in.")
    static final class Migrate implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--from-data-dir", required = true, paramLabel = "DIR",
                description = "The data folder of the embedded desk to move")
        Path from;
        @Option(names = "--user", required = true, paramLabel = "ADMIN", description = "An admin of the team database")
        String user;
        @Option(names = "--passwords-file", paramLabel = "FILE",
                description = "Where the one-time passwords go (default: a new file in DIR)")
        Path passwordsFile;

        @Override
        public Integer call() {
            String url = url(spec);
            Path source = from.toAbsolutePath().normalize();
            PrintWriter out = spec.commandLine().getOut();
            CliSupport.SignedIn s;
            try {
                s = CliSupport.signInAdmin(spec, user);
            } catch (StoreException.AccessDenied e) {
                if (e.getMessage().startsWith("Unknown user name")) {
                    throw new StoreException.AccessDenied(e.getMessage() + " Sign in as the admin that 'team init --admin "
                            + "USER' created on this team database; if it has not been set up yet, its owner runs team"
                            + " init first.");
                }
                throw e;
            }
            try (s) {
                TeamMigration.Result r = new TeamMigration(source, s.store().database().clock())
                        .run(s.store().database(), passwordsFile);
                out.printf("%-17s %11s  %-16s %11s  %s%n", "table", "source rows", "source sha-256", "target rows",
                        "target sha-256");
                for (TeamMigration.TableCheck t : r.tables()) {
                    out.printf("%-17s %11d  %-16s %11d  %-16s  %s%n", t.table(), t.sourceRows(), brief(t.sourceChecksum()),
                            t.targetRows(), brief(t.targetChecksum()), t.matches() ? "same" : "DIFFERENT");
                }
                out.flush();
                if (!r.matched()) {
                    spec.commandLine().getErr().println("The copy in the team database differs from the desk in " + source
                            + " (DIFFERENT above), so none of it was kept: the team database is as it was.");
                    return 1;
                }
                out.println("Moved the desk in " + source + " into " + url + ". " + user
                        + " keeps their login and roles; the desk in " + source + " is unchanged.");
                if (!r.oneTimePasswords().isEmpty()) {
                    out.println("One-time passwords for " + String.join(", ", r.oneTimePasswords()) + " are in "
                            + r.passwordFile() + " (readable by you only). Give each agent theirs; they choose their own at"
                            + " first sign-in. Then delete the file.");
                }
                if (!r.inactive().isEmpty()) {
                    out.println("Inactive agents (" + String.join(", ", r.inactive()) + ") cannot sign in: an admin"
                            + " activates one and resets their password.");
                }
                out.flush();
                return 0;
            }
        }

        private static String brief(String checksum) {
            return checksum == null ? "-" : checksum.substring(0, Math.min(16, checksum.length()));
        }
    }

    static String url(CommandSpec spec) {
        String url = CliSupport.root(spec).global().dbUrl();
        if (url == null || !CliSupport.team(spec)) {
            throw new ParameterException(spec.commandLine(), "Give the team database with --db-url"
                    + " jdbc:postgresql://HOST:PORT/DATABASE before 'team'.");
        }
        return url;
    }

    private static TeamSetup setup(CommandSpec spec, String owner) {
        String url = url(spec);
        char[] ownerPassword = CliSupport.secret(spec, DB_PASSWORD_ENV, "Password for the owner " + owner + ": ");
        return new TeamSetup(url, owner, ownerPassword, Clock.systemUTC());
    }

    private static void print(CommandSpec spec, TeamSetup.Report r) {
        PrintWriter out = spec.commandLine().getOut();
        r.lines().forEach(out::println);
        out.println("Group roles: " + r.prefix() + "agent, " + r.prefix() + "cleared, " + r.prefix() + "lead, "
                + r.prefix() + "admin, " + r.prefix() + "intake.");
        out.flush();
    }
}
