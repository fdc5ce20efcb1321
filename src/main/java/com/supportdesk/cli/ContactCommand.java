package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.store.Store;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "contact", description = "Manage customer contacts.", mixinStandardHelpOptions = true,
        subcommands = ContactCommand.Add.class)
public final class ContactCommand {

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a contact to a customer.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--customer", required = true)
        String customer;
        @Option(names = "--name", required = true)
        String name;
        @Option(names = "--email", required = true)
        String email;
        @Option(names = "--phone")
        String phone;
        @Option(names = "--role", required = true, description = "administrator or registered-user")
        String role;
        @Option(names = "--user", description = "Sign in as this admin (password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            ContactRole r = switch (role.toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "administrator", "admin" -> ContactRole.ADMINISTRATOR;
                case "registered-user", "user" -> ContactRole.REGISTERED_USER;
                default -> throw new ParameterException(spec.commandLine(), "Unknown role '" + role
                        + "' (expected administrator or registered-user)");
            };
            if (!email.contains("@")) {
                throw new ParameterException(spec.commandLine(), "'" + email + "' is not an e-mail address");
            }
            try (CliSupport.SignedIn signedIn = CliSupport.signInAdmin(spec, user)) {
                Store store = signedIn.store();
                Agent actor = signedIn.agent();
                Customer c = store.customers().require(customer);
                Contact added = store.contacts().create(actor, c.id(), name, email, phone, r);
                spec.commandLine().getOut().println("Added contact " + added.name() + " <" + added.email() + "> to " + c.name());
                return 0;
            }
        }
    }
}
