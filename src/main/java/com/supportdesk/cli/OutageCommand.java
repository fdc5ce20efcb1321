package com.supportdesk.cli;

import com.supportdesk.report.Availability;
import com.supportdesk.report.Durations;
import com.supportdesk.store.OutageRepository;
import com.supportdesk.store.OutageRepository.NewOutage;
import com.supportdesk.store.OutageRepository.Outage;
import com.supportdesk.store.Store;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "outage", description = "Outages of the service, for monthly availability (99.5 %% target).",
        mixinStandardHelpOptions = true, subcommands = {OutageCommand.Add.class, OutageCommand.ListOutages.class})
public final class OutageCommand {

    static String describe(Outage o) {
        return "#" + o.id() + "  " + o.start() + " to " + o.end() + "  " + Durations.compact(o.duration()) + "  "
                + (o.scheduled() ? "scheduled" : "unscheduled") + "  "
                + (o.allCustomers() ? "all customers" : o.customerName()) + "  " + o.description()
                + (o.ticketRefs().isEmpty() ? "" : "  [" + String.join(", ", o.ticketRefs()) + "]");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Record an outage (team leads and admins).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--start", required = true, paramLabel = "ISO", converter = Converters.InstantConverter.class)
        Instant start;
        @Option(names = "--end", required = true, paramLabel = "ISO", converter = Converters.InstantConverter.class)
        Instant end;
        @Option(names = "--description", required = true)
        String description;
        @Option(names = "--scheduled", description = "Scheduled maintenance (should be outside Business Hours)")
        boolean scheduled;
        @Option(names = "--customer", paramLabel = "NAME", description = "Only this customer (default: every customer)")
        String customer;
        @Option(names = "--ticket", paramLabel = "SD-n", converter = Converters.RefConverter.class,
                description = "A linked Severity 1 ticket (repeatable)")
        List<Long> tickets = new ArrayList<>();
        @Option(names = "--user", required = true, description = "A team lead or admin (password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn signedIn = CliSupport.signInAgent(spec, user)) {
                Store store = signedIn.store();
                Long customerId = customer == null ? null : store.customers().require(customer).id();
                Outage o = store.outages().add(signedIn.agent(),
                        new NewOutage(start, end, description, scheduled, customerId, tickets));
                PrintWriter out = spec.commandLine().getOut();
                out.println("Recorded outage " + describe(o));
                if (o.scheduled()) {
                    Duration overlap = Availability.businessOverlap(new Availability.Window(o.start(), o.end(), true),
                            store.policy().clock().policy());
                    if (!overlap.isZero()) {
                        out.println("Warning: this scheduled maintenance overlaps Business Hours by "
                                + Durations.compact(overlap) + "; that part counts as unscheduled downtime.");
                    }
                }
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List outages, oldest first.")
    static final class ListOutages implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--customer", paramLabel = "NAME",
                description = "Only outages that affected this customer (its own and those for every customer)")
        String customer;
        @Option(names = "--user", description = "Sign in as this agent (password in SUPPORTDESK_PASSWORD); required on a"
                + " team database. Official Sensitive tickets linked to an outage are listed for cleared staff only.")
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn signedIn = CliSupport.signIn(spec, user)) {
                Store store = signedIn.store();
                OutageRepository repo = store.outages();
                List<Outage> list = customer == null ? repo.list(signedIn.reader())
                        : repo.affecting(signedIn.reader(), store.customers().require(customer).id(), Instant.parse("2000-01-01T00:00:00Z"),
                                Instant.parse("2100-01-01T00:00:00Z"));
                PrintWriter out = spec.commandLine().getOut();
                if (list.isEmpty()) {
                    out.println("No outages recorded.");
                }
                list.forEach(o -> out.println(describe(o)));
                return 0;
            }
        }
    }
}
