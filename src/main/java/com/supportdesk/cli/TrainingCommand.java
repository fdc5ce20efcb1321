package com.supportdesk.cli;

import com.supportdesk.domain.Customer;
import com.supportdesk.store.Store;
import com.supportdesk.store.TrainingRepository;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "training", description = "Training sessions per customer: contracted, delivered, remaining.",
        mixinStandardHelpOptions = true, subcommands = {TrainingCommand.Add.class, TrainingCommand.ListSessions.class})
public final class TrainingCommand {

    /** Today in the support policy's calendar zone: sessions on or before it count as delivered. */
    static LocalDate today(Store store) {
        Instant now = store.database().clock().instant();
        ZoneId zone = store.policy().clock().policy().calendarAt(now).spec().zone();
        return LocalDate.ofInstant(now, zone);
    }

    static String summary(Customer c, TrainingRepository.Summary s, LocalDate asOf) {
        return c.name() + ": " + s.contracted() + " contracted, " + s.delivered() + " delivered (as of " + asOf + "), "
                + s.remaining() + " remaining" + (s.planned() > 0 ? ", " + s.planned() + " booked" : "");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Record a training session (team leads and admins).")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--customer", required = true, paramLabel = "NAME")
        String customer;
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", converter = Converters.DateConverter.class)
        LocalDate date;
        @Option(names = "--topic", required = true)
        String topic;
        @Option(names = "--attendees", paramLabel = "\"A, B\"", description = "Comma-separated names")
        String attendees;
        @Option(names = "--delivered-by", paramLabel = "NAME")
        String deliveredBy;
        @Option(names = "--user", required = true, description = "A team lead or admin (password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn signedIn = CliSupport.signInAgent(spec, user)) {
                Store store = signedIn.store();
                Customer c = store.customers().require(customer);
                TrainingRepository.Session s = store.training().add(signedIn.agent(), c.id(), date,
                        topic, attendees, deliveredBy);
                LocalDate today = today(store);
                spec.commandLine().getOut().println("Added training session #" + s.id() + " on " + s.heldOn() + ". "
                        + summary(c, store.training().summary(c.id(), today), today) + ".");
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a customer's training sessions.")
    static final class ListSessions implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--customer", required = true, paramLabel = "NAME")
        String customer;
        @Option(names = "--user", description = "Sign in as this agent (password in SUPPORTDESK_PASSWORD); required on a"
                + " team database.")
        String user;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn signedIn = CliSupport.signIn(spec, user)) {
                Store store = signedIn.store();
                Customer c = store.customers().require(customer);
                LocalDate today = today(store);
                PrintWriter out = spec.commandLine().getOut();
                out.println(summary(c, store.training().summary(c.id(), today), today));
                for (TrainingRepository.Session s : store.training().list(c.id())) {
                    List<String> extra = new ArrayList<>();
                    if (s.deliveredBy() != null) {
                        extra.add("delivered by " + s.deliveredBy());
                    }
                    if (s.attendees() != null) {
                        extra.add("attendees: " + s.attendees());
                    }
                    out.println("#" + s.id() + "  " + s.heldOn() + (s.heldOn().isAfter(today) ? " (booked)" : "") + "  "
                            + s.topic() + (extra.isEmpty() ? "" : "  (" + String.join("; ", extra) + ")"));
                }
                return 0;
            }
        }
    }
}
