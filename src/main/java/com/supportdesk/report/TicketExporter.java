package com.supportdesk.report;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.TicketRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Exports every ticket the agent may see, as CSV or JSON. The rows come from the store's filtered read,
 * so an uncleared agent's export holds only placeholders for Official Sensitive tickets.
 */
public final class TicketExporter {

    public enum Format { CSV, JSON }

    public static final String[] COLUMNS = {"ref", "subject", "customer", "contact", "severity", "level", "status",
        "classification", "channel", "received", "deadline", "first_contact", "first_contact_event", "assignee"};

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private final TicketRepository tickets;

    public TicketExporter(TicketRepository tickets) {
        this.tickets = tickets;
    }

    /** Writes the export and returns the number of tickets written. */
    public long export(Agent reader, Format format, Writer out) {
        long[] n = {0};
        try {
            if (format == Format.CSV) {
                Csv csv = new Csv(out).row((Object[]) COLUMNS);
                tickets.forEach(reader, "export", t -> {
                    csv.row(values(t));
                    n[0]++;
                });
            } else {
                out.write("[");
                tickets.forEach(reader, "export", t -> {
                    try {
                        out.write(n[0] == 0 ? "\n  {" : ",\n  {");
                        Object[] v = values(t);
                        for (int i = 0; i < COLUMNS.length; i++) {
                            out.write((i == 0 ? "" : ", ") + Json.value(COLUMNS[i]) + ": " + Json.value(v[i]));
                        }
                        out.write("}");
                        n[0]++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                out.write(n[0] == 0 ? "]\n" : "\n]\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n[0];
    }

    private static Object[] values(Ticket t) {
        return new Object[] {t.ref(), t.subject(), t.customerName(), t.contactName(), t.severity().number(),
            t.level().number(), t.status().name(), t.classification().name(), t.channel().name().toLowerCase(Locale.ROOT),
            iso(t.received()), iso(t.deadline()), iso(t.firstContactAt()),
            t.firstContactEvent() == null ? null : t.firstContactEvent().name(), t.assigneeName()};
    }

    public static String iso(Instant t) {
        return t == null ? null : ISO.format(t);
    }
}
