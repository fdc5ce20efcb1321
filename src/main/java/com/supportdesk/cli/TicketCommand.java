package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "ticket", description = "Work with tickets.", mixinStandardHelpOptions = true,
        subcommands = {TicketCommand.Create.class, TicketCommand.Show.class})
public final class TicketCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Open a ticket and print its ref (for monitoring scripts opening S1 tickets).")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--subject", required = true)
        String subject;
        @Option(names = "--severity", required = true, description = "1, 2 or 3")
        String severity;
        @Option(names = "--customer")
        String customer;
        @Option(names = "--contact-email")
        String contactEmail;
        @Option(names = "--channel", defaultValue = "agent", description = "email, phone, chat or agent")
        String channel;
        @Option(names = "--received", converter = Converters.InstantConverter.class,
                description = "When the customer asked (ISO-8601, default now)")
        Instant received;
        @Option(names = "--body")
        String body;
        @Option(names = "--official-sensitive", description = "The issue concerns OFFICIAL-SENSITIVE data")
        boolean sensitive;
        @Option(names = "--user", description = "Open it as this agent (password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            Severity sev;
            Channel ch;
            Instant at;
            try {
                sev = Severity.parse(severity);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            try {
                ch = Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "Unknown channel '" + channel
                        + "' (expected email, phone, chat or agent)");
            }
            try (CliSupport.SignedIn signedIn = CliSupport.signIn(spec, user)) {
                Store store = signedIn.store();
                at = received == null ? store.database().clock().instant() : received;
                Agent actor = signedIn.actor();
                Long customerId = null;
                Long contactId = null;
                if (customer != null) {
                    Customer c = store.customers().require(customer);
                    customerId = c.id();
                }
                if (contactEmail != null) {
                    Contact contact = store.contacts().byEmail(contactEmail).orElseThrow(() ->
                            new StoreException.NotFound("No contact with the e-mail address " + contactEmail + "."));
                    contactId = contact.id();
                    if (customerId == null) {
                        customerId = contact.customerId();
                    }
                }
                NewTicket n = NewTicket.of(subject, sev, ch, at).withCustomer(customerId, contactId).withBody(body)
                        .withClassification(sensitive ? Classification.OFFICIAL_SENSITIVE : Classification.OFFICIAL);
                Ticket t = store.changes().create(actor, n);
                spec.commandLine().getOut().println(t.ref());
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print a ticket with its conversation, calls and history as the signed-in agent may see it"
                    + " (an Official Sensitive ticket only for cleared agents, and the read is recorded in the access audit).")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Parameters(index = "0", paramLabel = "SD-n", description = "The ticket's ref (SD-1042 or 1042)")
        String ref;
        @Option(names = "--user", description = "Read it as this agent (password in SUPPORTDESK_PASSWORD); required on a"
                + " team database")
        String user;
        @Option(names = "--json", description = "Print JSON instead of text")
        boolean json;

        @Override
        public Integer call() throws IOException {
            long id = Ticket.parseRef(ref);
            if (id <= 0) {
                throw new ParameterException(spec.commandLine(), "'" + ref + "' is not a ticket ref (SD-1042 or 1042)");
            }
            try (CliSupport.SignedIn signedIn = CliSupport.signIn(spec, user)) {
                TicketDetail detail = signedIn.store().tickets().open(signedIn.reader(), id,
                        TicketView.VIEW_CLI);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(TicketView.json(detail));
                } else {
                    TicketView.text(detail, out);
                }
                out.flush();
                return 0;
            }
        }
    }
}
