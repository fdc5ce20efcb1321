package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.PhoneNumbers;
import com.supportdesk.domain.Ticket;
import com.supportdesk.phone.CallerLines;
import com.supportdesk.store.ContactRepository.ContactMatch;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "contact", description = "Manage customer contacts.", mixinStandardHelpOptions = true,
        subcommands = {ContactCommand.Add.class, ContactCommand.Edit.class, ContactCommand.Find.class,
                ContactCommand.DefaultRegion.class})
public final class ContactCommand {

    static final String REGION_HELP = "The contact's country (two letters: GB, IE, FR, US, ...): a number without"
            + " country code is read there. Default: the country of a number typed with +, else the desk's default region.";

    static ContactRole role(CommandSpec spec, String role) {
        return switch (role.toLowerCase(Locale.ROOT).replace('_', '-')) {
            case "administrator", "admin" -> ContactRole.ADMINISTRATOR;
            case "registered-user", "user" -> ContactRole.REGISTERED_USER;
            default -> throw new ParameterException(spec.commandLine(), "Unknown role '" + role
                    + "' (expected administrator or registered-user)");
        };
    }

    /** The contact's phone as the console shows it, and their region, for a confirmation line. */
    static String phoneSummary(Contact c) {
        String phone = c.phoneText();
        if (phone == null) {
            return c.region() == null ? "" : " (region " + c.region() + ")";
        }
        return ", phone " + phone + (c.region() == null ? "" : " (region " + c.region() + ")");
    }

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
        @Option(names = "--phone", description = "In any format: +44 20 7946 0018, 020 7946 0018, +1 415 555 0100 ext. 23")
        String phone;
        @Option(names = "--extension", description = "The phone extension's digits (or give it with the number)")
        String extension;
        @Option(names = "--region", description = REGION_HELP)
        String region;
        @Option(names = "--role", required = true, description = "administrator or registered-user")
        String role;
        @Option(names = "--user", description = "Sign in as this admin (password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            ContactRole r = role(spec, role);
            if (!email.contains("@")) {
                throw new ParameterException(spec.commandLine(), "'" + email + "' is not an e-mail address");
            }
            try (CliSupport.SignedIn signedIn = CliSupport.signInAdmin(spec, user)) {
                Store store = signedIn.store();
                Agent actor = signedIn.agent();
                Customer c = store.customers().require(customer);
                Contact added = store.contacts().create(actor, c.id(), name, email, phone, extension, region, r);
                spec.commandLine().getOut().println("Added contact " + added.name() + " <" + added.email() + "> to "
                        + c.name() + phoneSummary(added));
                return 0;
            }
        }
    }

    @Command(name = "edit", mixinStandardHelpOptions = true,
            description = "Change a contact's name, phone number, extension, region or role; what is not given stays.")
    static final class Edit implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--email", required = true, description = "The contact's e-mail address")
        String email;
        @Option(names = "--name")
        String name;
        @Option(names = "--phone", description = "The new number in any format; \"\" removes it")
        String phone;
        @Option(names = "--extension", description = "The extension's digits; \"\" removes it")
        String extension;
        @Option(names = "--region", description = "The contact's country (GB, IE, FR, US, ...); their number is read"
                + " there again")
        String region;
        @Option(names = "--role", description = "administrator or registered-user")
        String role;
        @Option(names = "--user", description = "Sign in as this admin (password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            ContactRole r = role == null ? null : role(spec, role);
            try (CliSupport.SignedIn signedIn = CliSupport.signInAdmin(spec, user)) {
                Store store = signedIn.store();
                Contact before = store.contacts().byEmail(email).orElseThrow(() ->
                        new StoreException.NotFound("No contact has the e-mail address " + email.strip() + "."));
                Contact after = store.contacts().update(signedIn.agent(), before.id(), before.customerId(),
                        name == null ? before.name() : name, before.email(), phone == null ? before.phone() : phone,
                        extension, region, r == null ? before.role() : r, before.verified());
                spec.commandLine().getOut().println("Changed contact " + after.name() + " <" + after.email() + ">"
                        + phoneSummary(after));
                return 0;
            }
        }
    }

    @Command(name = "find", mixinStandardHelpOptions = true,
            description = "Look a caller up by phone number, whole or in part, as the call console does: each match"
                    + " with their customer and role, and their open tickets (theirs first, then their customer's).")
    static final class Find implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--phone", required = true, description = "The number as the caller ID or the caller gives it")
        String phone;
        @Option(names = "--limit", defaultValue = "" + CallerLines.MATCHES, description = "At most this many matches")
        int limit;
        @Option(names = "--user", description = "Sign in as this agent (password in SUPPORTDESK_PASSWORD); required on"
                + " a team database")
        String user;

        @Override
        public Integer call() {
            if (!PhoneNumbers.looksLikePhone(phone)) {
                throw new ParameterException(spec.commandLine(), "'" + phone + "' is not a phone number: give digits,"
                        + " with + ( ) - or spaces as you like, and any extension after it");
            }
            if (limit < 1) {
                throw new ParameterException(spec.commandLine(), "--limit is at least 1");
            }
            try (CliSupport.SignedIn signedIn = CliSupport.signIn(spec, user)) {
                if (signedIn.agent() == null) {
                    throw new StoreException.AccessDenied("The mail gateway does not look up callers: sign in as an agent.");
                }
                Store store = signedIn.store();
                Agent reader = signedIn.reader();
                PrintWriter out = spec.commandLine().getOut();
                List<ContactMatch> matches = store.contacts().search(phone, limit);
                if (matches.isEmpty()) {
                    out.println("No contact has a number matching '" + phone.strip() + "'.");
                    return 0;
                }
                for (ContactMatch m : matches) {
                    out.println(CallerLines.describe(m));
                    List<Ticket> open = store.calls().openTicketsForCaller(reader, m.contact().id(),
                            m.contact().customerId(), CallerLines.OPEN_TICKETS);
                    if (open.isEmpty()) {
                        out.println("    no open tickets");
                    }
                    for (Ticket t : open) {
                        out.println("    " + CallerLines.ticket(t));
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "default-region", mixinStandardHelpOptions = true,
            description = "Show the desk's default region for phone numbers (the country a number without country code"
                    + " is read in when the contact has none), or set it (admins).")
    static final class DefaultRegion implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Parameters(arity = "0..1", paramLabel = "REGION", description = "Two letters: GB, IE, FR, US, ...")
        String region;
        @Option(names = "--user", description = "Sign in as this agent (an admin to set it; password in"
                + " SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (region == null) {
                try (CliSupport.SignedIn signedIn = CliSupport.signIn(spec, user)) {
                    String r = signedIn.store().contacts().defaultRegion();
                    out.println(r + " (" + PhoneNumbers.regionName(r) + ")");
                    return 0;
                }
            }
            if (!PhoneNumbers.isRegion(region)) {
                throw new ParameterException(spec.commandLine(), "'" + region + "' is not a country code: use two letters"
                        + " such as GB, IE, FR or US");
            }
            try (CliSupport.SignedIn signedIn = CliSupport.signInAdmin(spec, user)) {
                String r = signedIn.store().contacts().setDefaultRegion(signedIn.agent(), region);
                out.println("Phone numbers without country code are now read in " + r + " (" + PhoneNumbers.regionName(r)
                        + ") for contacts without a region of their own. Numbers already stored are unchanged.");
                return 0;
            }
        }
    }
}
