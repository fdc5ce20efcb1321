package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.report.Csv;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.StoreException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "agent", description = "Manage staff accounts.", mixinStandardHelpOptions = true,
        subcommands = {AgentCommand.Add.class, AgentCommand.Set.class, AgentCommand.ListAgents.class,
                AgentCommand.Password.class})
public final class AgentCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an agent. The password comes from SUPPORTDESK_NEW_PASSWORD or a prompt. The first"
                    + " agent of an empty embedded database needs no sign-in and becomes an admin. On a team database"
                    + " this creates the agent's own database login.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--username", required = true)
        String username;
        @Option(names = "--name", required = true, description = "Full name")
        String name;
        @Option(names = "--cleared", description = "Holds security clearance for Official Sensitive work")
        boolean cleared;
        @Option(names = "--level", defaultValue = "1", description = "Support level 1, 2 or 3")
        int level;
        @Option(names = "--lead")
        boolean lead;
        @Option(names = "--admin")
        boolean admin;
        @Option(names = "--user", description = "Sign in as this admin (password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            SupportLevel lvl = level(spec, level);
            try (CliSupport.SignedIn s = CliSupport.signInAdmin(spec, user)) {
                char[] pw = CliSupport.secret(spec, CliSupport.NEW_PASSWORD_ENV, "Password for " + username + ": ");
                Agent a = s.store().agents().create(s.agent(), new AgentSpec(username, name,
                        cleared ? Clearance.CLEARED : Clearance.NONE, lvl, lead, admin, true), pw);
                spec.commandLine().getOut().println("Added agent " + a.username() + (a.admin() ? " (admin)" : "")
                        + (a.cleared() ? " (cleared)" : ""));
                return 0;
            }
        }
    }

    /** Whether the account may sign in: --active or --inactive. */
    static final class Activity {
        @Option(names = "--active", required = true, description = "May sign in")
        boolean active;
        @Option(names = "--inactive", required = true,
                description = "May not sign in; on a team database their open sessions can do nothing more")
        boolean inactive;
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Change an agent's roles (admins; nobody gives themselves a role, and only a cleared admin"
                    + " gives clearance). On a team database the change applies to the agent's open sessions from"
                    + " their next statement.")
    static final class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--username", required = true)
        String username;
        @Option(names = "--cleared", negatable = true, description = "Security clearance (--no-cleared revokes it)")
        Boolean cleared;
        @Option(names = "--lead", negatable = true, description = "Team lead")
        Boolean lead;
        @Option(names = "--admin", negatable = true, description = "Admin")
        Boolean admin;
        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Activity activity;
        @Option(names = "--level", description = "Support level 1, 2 or 3")
        Integer level;
        @Option(names = "--user", required = true, description = "Sign in as this admin (password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            SupportLevel lvl = level == null ? null : level(spec, level);
            try (CliSupport.SignedIn s = CliSupport.signInAdmin(spec, user)) {
                Agent a = s.store().agents().findByUsername(username)
                        .orElseThrow(() -> new StoreException.NotFound("There is no agent called '" + username + "'."));
                AgentSpec next = new AgentSpec(a.username(), a.displayName(),
                        cleared == null ? a.clearance() : cleared ? Clearance.CLEARED : Clearance.NONE,
                        lvl == null ? a.level() : lvl, lead == null ? a.lead() : lead, admin == null ? a.admin() : admin,
                        activity == null ? a.active() : activity.active);
                Agent after = s.store().agents().update(s.agent(), a.id(), next);
                spec.commandLine().getOut().println(describe(after));
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the agents as CSV: user name, name, level, cleared, lead, admin, active.")
    static final class ListAgents implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--user", description = "Sign in as this agent (password in SUPPORTDESK_PASSWORD); required on a"
                + " team database")
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn s = CliSupport.signIn(spec, user)) {
                PrintWriter out = spec.commandLine().getOut();
                Csv csv = new Csv(out);
                csv.row("username", "name", "level", "cleared", "lead", "admin", "active");
                for (Agent a : s.store().agents().all()) {
                    csv.row(a.username(), a.displayName(), a.level().number(), a.cleared(), a.lead(), a.admin(), a.active());
                }
                out.flush();
                return 0;
            }
        }
    }

    @Command(name = "password", mixinStandardHelpOptions = true,
            description = "Choose your own password (new password from SUPPORTDESK_NEW_PASSWORD or a prompt); also how"
                    + " a one-time password is replaced.")
    static final class Password implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--user", required = true, description = "Your user name (current password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn s = CliSupport.signInForPasswordChange(spec, user)) {
                char[] pw = CliSupport.secret(spec, CliSupport.NEW_PASSWORD_ENV, "New password for " + user + ": ");
                s.store().agents().resetPassword(s.agent(), s.agent().id(), pw);
                spec.commandLine().getOut().println("Password changed for " + s.agent().username() + ".");
                return 0;
            }
        }
    }

    static SupportLevel level(CommandSpec spec, int level) {
        try {
            return SupportLevel.of(level);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    static String describe(Agent a) {
        return a.username() + ": level " + a.level().number() + (a.cleared() ? ", cleared" : ", not cleared")
                + (a.lead() ? ", lead" : "") + (a.admin() ? ", admin" : "") + (a.active() ? ", active" : ", inactive");
    }
}
