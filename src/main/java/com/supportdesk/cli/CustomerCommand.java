package com.supportdesk.cli;

import com.supportdesk.domain.Customer;
import com.supportdesk.store.Store;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "customer", description = "Manage customers.", mixinStandardHelpOptions = true,
        subcommands = CustomerCommand.Add.class)
public final class CustomerCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a customer.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--government", description = "A UK Government customer (Official Sensitive rules apply)")
        boolean government;
        @Option(names = "--training-sessions", defaultValue = "0", description = "Training sessions in the contract")
        int training;
        @Option(names = "--user", description = "Sign in as this admin (password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn signedIn = CliSupport.signInAdmin(spec, user)) {
                Customer c = signedIn.store().customers().create(signedIn.agent(), name, government, training);
                spec.commandLine().getOut().println("Added customer " + c.name());
                return 0;
            }
        }
    }
}
