package com.supportdesk.cli;

import com.supportdesk.store.TeamSetup;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "team", mixinStandardHelpOptions = true,
        description = "Set up and look after a team database on PostgreSQL 14 or later (give it with --db-url).",
        subcommands = {TeamCommand.Init.class, TeamCommand.Upgrade.class})
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
