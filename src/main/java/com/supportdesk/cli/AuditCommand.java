package com.supportdesk.cli;

import com.supportdesk.report.AuditCsv;
import com.supportdesk.store.AuditRepository.AuditEntry;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "audit", mixinStandardHelpOptions = true, description = "The access audit of Official Sensitive reads.",
        subcommands = AuditCommand.ListEntries.class)
public final class AuditCommand {

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Print the access audit as CSV, newest first (the audit browser's export): who read which"
                    + " Official Sensitive ticket, when, from which view. Cleared team leads only.")
    static final class ListEntries implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--user", required = true, description = "A cleared team lead (password in SUPPORTDESK_PASSWORD)")
        String user;
        @Option(names = "--from", paramLabel = "YYYY-MM-DD", converter = Converters.DateConverter.class,
                description = "First day (UTC), default: 30 days ago")
        LocalDate from;
        @Option(names = "--to", paramLabel = "YYYY-MM-DD", converter = Converters.DateConverter.class,
                description = "Last day (UTC), default: today")
        LocalDate to;

        @Override
        public Integer call() {
            try (CliSupport.SignedIn s = CliSupport.signInAgent(spec, user)) {
                LocalDate today = LocalDate.ofInstant(s.store().database().clock().instant(), ZoneOffset.UTC);
                LocalDate last = to == null ? today : to;
                LocalDate first = from == null ? last.minusDays(30) : from;
                List<AuditEntry> entries = s.store().audit().list(s.agent(), first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
                PrintWriter out = spec.commandLine().getOut();
                AuditCsv.write(entries, ZoneId.systemDefault(), out);
                out.flush();
                return 0;
            }
        }
    }
}
