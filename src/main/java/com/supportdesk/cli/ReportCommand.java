package com.supportdesk.cli;

import com.supportdesk.domain.Agent;
import com.supportdesk.report.Quarter;
import com.supportdesk.report.QuarterlyReport;
import com.supportdesk.report.ReportFormat;
import com.supportdesk.report.ReportService;
import com.supportdesk.store.Store;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a customer's quarterly incident/activity report as PDF or CSV (by the file's extension)."
                + " Without --user nobody is signed in: Official Sensitive tickets are counted but not described.")
public final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--customer", required = true, paramLabel = "NAME", description = "The customer")
    String customer;
    @Option(names = "--quarter", required = true, paramLabel = "YYYY-Qn", description = "Calendar quarter, e.g. 2026-Q3")
    String quarter;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "FILE.pdf or FILE.csv")
    Path out;
    @Option(names = "--user", paramLabel = "USER", description = "Build it for this agent (password in SUPPORTDESK_PASSWORD)")
    String user;

    @Override
    public Integer call() {
        Quarter q;
        try {
            q = Quarter.parse(quarter);
            ReportFormat.of(out);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        try (CliSupport.SignedIn signedIn = CliSupport.signIn(spec, user)) {
            Store store = signedIn.store();
            Agent reader = signedIn.reader();
            ReportService reports = new ReportService(store);
            QuarterlyReport report = reports.build(reader, customer, q);
            reports.write(report, out, null);
            spec.commandLine().getOut().println("Wrote the " + q + " report of " + report.customerName() + " to "
                    + out.toAbsolutePath() + ": " + count(report.totalTickets(), "ticket") + ", "
                    + count(report.breaches().size(), "breach") + ", "
                    + count(report.incidents().size(), "Severity 1 incident") + ".");
            return 0;
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : noun.endsWith("h") ? "es" : "s");
    }
}
