package com.supportdesk.report;

import com.supportdesk.store.AuditRepository.AuditEntry;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The access audit as CSV: what the audit browser exports and {@code support-desk audit list} prints. */
public final class AuditCsv {

    private AuditCsv() {
    }

    /** One row per read, in the order given; times in UTC and in {@code zone}. The writer is not closed. */
    public static void write(List<AuditEntry> entries, ZoneId zone, Writer out) {
        Csv csv = new Csv(out);
        csv.row("at_utc", "at_local", "agent", "agent_id", "ticket", "view");
        DateTimeFormatter local = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        for (AuditEntry e : entries) {
            csv.row(DateTimeFormatter.ISO_INSTANT.format(e.at()), local.format(e.at()), e.agentName(), e.agentId(),
                    e.ref(), e.view());
        }
    }
}
