package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "agent", description = "Manage staff accounts.", mixinStandardHelpOptions = true,
        subcommands = AgentCommand.Add.class)
public final class AgentCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add an agent. The password comes from SUPPORTDESK_NEW_PASSWORD or a prompt. The first"
                    + " agent of an empty database needs no sign-in and becomes an admin.")
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
            SupportLevel lvl;
            try {
                lvl = SupportLevel.of(level);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            try (Store store = CliSupport.openStore(spec)) {
                Agent actor = CliSupport.signInAdmin(spec, store, user);
                char[] pw = CliSupport.secret(spec, CliSupport.NEW_PASSWORD_ENV, "Password for " + username + ": ");
                Agent a = store.agents().create(actor, new AgentSpec(username, name,
                        cleared ? Clearance.CLEARED : Clearance.NONE, lvl, lead, admin, true), pw);
                spec.commandLine().getOut().println("Added agent " + a.username() + (a.admin() ? " (admin)" : "")
                        + (a.cleared() ? " (cleared)" : ""));
                return 0;
            }
        }
    }
}
