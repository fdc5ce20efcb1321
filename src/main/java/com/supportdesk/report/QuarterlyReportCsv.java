package com.supportdesk.report;

import com.supportdesk.report.QuarterlyReport.Breach;
import com.supportdesk.report.QuarterlyReport.Compliance;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The report as CSV (UTF-8, CRLF line ends, RFC 4180 quoting): first one row per severity under the header
 * {@link #COMPLIANCE_COLUMNS}, then a blank line, then one row per breach under {@link #BREACH_COLUMNS}
 * (the header is written even when there are none). Instants are ISO-8601 UTC; an empty cell means "no data".
 */
public final class QuarterlyReportCsv {

    public static final String[] COMPLIANCE_COLUMNS = {"severity", "tickets", "met", "missed", "pct_met",
        "median_response_business_seconds", "p90_response_business_seconds"};

    public static final String[] BREACH_COLUMNS = {"ref", "severity", "subject", "received", "deadline", "responded",
        "business_seconds_late"};

    /** What the {@code responded} column says when there has been no first contact. */
    public static final String NO_RESPONSE = "no response";

    private QuarterlyReportCsv() {
    }

    public static void write(QuarterlyReport report, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(report, w);
        w.flush();
    }

    public static void write(QuarterlyReport report, Writer w) throws IOException {
        Csv csv = new Csv(w);
        csv.row((Object[]) COMPLIANCE_COLUMNS);
        for (Compliance c : report.compliance()) {
            csv.row(c.severity().name(), c.tickets(), c.met(), c.missed(), percent(c.pctMet()),
                    c.medianResponseSeconds(), c.p90ResponseSeconds());
        }
        w.write("\r\n");
        csv.row((Object[]) BREACH_COLUMNS);
        for (Breach b : report.breaches()) {
            csv.row(b.ref(), b.severity().name(), b.subject(), TicketExporter.iso(b.received()),
                    TicketExporter.iso(b.deadline()),
                    b.respondedAt() == null ? NO_RESPONSE : TicketExporter.iso(b.respondedAt()), b.businessSecondsLate());
        }
        w.flush();
    }

    /** One decimal place, e.g. {@code 66.7}; empty when there is no figure. */
    static String percent(Double pct) {
        return pct == null ? null : String.format(Locale.ROOT, "%.1f", pct);
    }
}
