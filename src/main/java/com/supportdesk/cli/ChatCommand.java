package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.Severity;
import com.supportdesk.phone.ChatImporter;
import com.supportdesk.phone.ChatImporter.ChatOutcome;
import com.supportdesk.phone.Transcript;
import com.supportdesk.phone.TranscriptParser;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "chat", description = "Log chat transcripts.", mixinStandardHelpOptions = true,
        subcommands = ChatCommand.Import.class)
public final class ChatCommand {

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Log a transcript ([HH:MM] Name: text lines) as a new ticket, or on --ticket; prints the ref."
                    + " Lines by an agent (or a --desk name) are chat replies: the first stops the response clock.")
    static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--file", required = true, paramLabel = "FILE.txt", description = "The transcript (UTF-8)")
        Path file;
        @Option(names = "--ticket", paramLabel = "SD-N", converter = Converters.RefConverter.class,
                description = "Log it on this ticket instead of opening one")
        Long ticket;
        @Option(names = "--subject", description = "New ticket's subject (default: the customer's first words)")
        String subject;
        @Option(names = "--severity", description = "New ticket's severity: 1, 2 or 3")
        String severity;
        @Option(names = "--contact-email", description = "The customer's contact (sets the customer too)")
        String contactEmail;
        @Option(names = "--desk", paramLabel = "NAME", description = "A participant who is the desk (repeatable)")
        List<String> desk = List.of();
        @Option(names = "--zone", description = "Zone of the transcript's times (default: this computer's)")
        String zone;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Date of times without one (default today)")
        String date;
        @Option(names = "--official-sensitive", description = "The chat concerns OFFICIAL-SENSITIVE data")
        boolean sensitive;
        @Option(names = "--user", required = true, description = "Log it as this agent (password in SUPPORTDESK_PASSWORD)")
        String user;

        @Override
        public Integer call() {
            long ticketId = -1;
            if (ticket != null) {
                ticketId = ticket;
            } else if (severity == null) {
                throw new ParameterException(spec.commandLine(), "A new ticket needs --severity 1, 2 or 3 (or give --ticket)");
            }
            Severity sev = null;
            ZoneId z;
            try {
                sev = severity == null ? null : Severity.parse(severity);
                z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new StoreException("Cannot read " + file + ": " + e.getMessage(), e);
            }
            try (CliSupport.SignedIn signedIn = CliSupport.signInAgent(spec, user)) {
                Store store = signedIn.store();
                Agent actor = signedIn.agent();
                LocalDate day = date == null ? LocalDate.now(store.database().clock().withZone(z)) : parseDate(date);
                Transcript t;
                try {
                    t = TranscriptParser.parse(text, day);
                } catch (IllegalArgumentException e) {
                    throw new StoreException.Invalid(file.getFileName() + ": " + e.getMessage());
                }
                ChatImporter importer = new ChatImporter(store);
                Set<String> deskNames = new LinkedHashSet<>(t.deskParticipants(importer.agentNames()));
                deskNames.addAll(desk);
                ChatOutcome out;
                if (ticketId >= 0) {
                    out = importer.importIntoTicket(actor, t, z, deskNames, ticketId, sensitive);
                } else {
                    Long contactId = null;
                    Long customerId = null;
                    if (contactEmail != null) {
                        Contact c = store.contacts().byEmail(contactEmail).orElseThrow(() ->
                                new StoreException.NotFound("No contact with the e-mail address " + contactEmail + "."));
                        contactId = c.id();
                        customerId = c.customerId();
                    }
                    out = importer.importAsNewTicket(actor, t, z, deskNames,
                            new ChatImporter.ChatTicket(subject, sev, null, customerId, contactId, sensitive));
                }
                spec.commandLine().getOut().println(out.ticket().ref());
                return 0;
            }
        }

        private LocalDate parseDate(String text) {
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeException e) {
                throw new ParameterException(spec.commandLine(), "'" + text + "' is not a date like 2026-11-25");
            }
        }
    }
}
