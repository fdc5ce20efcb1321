package com.supportdesk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.supportdesk.domain.AttachmentInfo;
import com.supportdesk.domain.CallRecord;
import com.supportdesk.domain.Message;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketDetail;
import com.supportdesk.domain.TicketEvent;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code ticket show}: one opened ticket (built by the store only for an agent allowed to read it) as text for people
 * or JSON for scripts. Times are ISO-8601 UTC.
 */
final class TicketView {

    /** The audit's name for a read from the command line. */
    static final String VIEW_CLI = "cli";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TicketView() {
    }

    static void text(TicketDetail d, PrintWriter out) {
        Ticket t = d.ticket();
        out.println(t.ref() + "  " + t.subject());
        line(out, "Severity", t.severity().name() + " \u00b7 level " + t.level().number() + " \u00b7 " + t.status()
                + (t.sensitive() ? " \u00b7 OFFICIAL-SENSITIVE" : ""));
        line(out, "Customer", join(t.customerName(), t.contactName() == null ? null
                : t.contactName() + (t.contactEmail() == null ? "" : " <" + t.contactEmail() + ">")));
        line(out, "Channel", t.channel().name().toLowerCase(Locale.ROOT));
        line(out, "Received", time(t.received()));
        line(out, "Respond by", time(t.deadline()));
        if (t.firstContactAt() != null) {
            line(out, "First contact", time(t.firstContactAt()) + (t.firstContactEvent() == null ? ""
                    : " (" + t.firstContactEvent().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")"));
        }
        line(out, "Assignee", t.assigneeName() == null ? "unassigned" : t.assigneeName());
        line(out, "Version", String.valueOf(t.version()));
        out.println();
        out.println("Conversation");
        if (d.messages().isEmpty()) {
            out.println("  (none)");
        }
        for (Message m : d.messages()) {
            out.println("  " + time(m.at()) + "  " + m.kind() + " " + (m.direction() == null ? "" : m.direction())
                    + (m.from() != null ? "  from " + m.from() : m.authorName() != null ? "  by " + m.authorName() : "")
                    + (m.to() != null ? "  to " + m.to() : ""));
            if (m.subject() != null && !m.subject().isBlank()) {
                out.println("    Subject: " + m.subject());
            }
            if (m.body() != null) {
                for (String l : m.body().split("\r?\n", -1)) {
                    out.println("    " + l);
                }
            }
            for (AttachmentInfo a : m.attachments()) {
                out.println("    [attachment " + a.filename() + ", " + a.sizeText() + "]");
            }
        }
        if (!d.calls().isEmpty()) {
            out.println();
            out.println("Calls");
            for (CallRecord c : d.calls()) {
                out.println("  " + time(c.started()) + "  " + c.direction() + "  " + c.operatorName()
                        + (c.contactName() == null ? "" : " with " + c.contactName())
                        + (c.duration() == null ? " (in progress)" : " (" + c.duration().toSeconds() + " s)")
                        + (c.notes() == null || c.notes().isBlank() ? "" : ": " + c.notes()));
            }
        }
        out.println();
        out.println("History");
        for (TicketEvent e : d.history()) {
            out.println("  " + time(e.at()) + "  " + e.kind() + (e.agentName() == null ? "" : "  " + e.agentName())
                    + (e.detail() == null || e.detail().isBlank() ? "" : ": " + e.detail()));
        }
    }

    static String json(TicketDetail d) {
        Ticket t = d.ticket();
        ObjectNode root = JSON.createObjectNode();
        root.put("ref", t.ref());
        root.put("id", t.id());
        root.put("subject", t.subject());
        root.put("severity", t.severity().name());
        root.put("level", t.level().number());
        root.put("status", t.status().name());
        root.put("classification", t.classification().name());
        root.put("channel", t.channel().name());
        root.put("customer", t.customerName());
        root.put("contact", t.contactName());
        root.put("contactEmail", t.contactEmail());
        root.put("received", time(t.received()));
        root.put("deadline", time(t.deadline()));
        root.put("firstContactAt", time(t.firstContactAt()));
        root.put("firstContactEvent", t.firstContactEvent() == null ? null : t.firstContactEvent().name());
        root.put("assignee", t.assigneeName());
        root.put("resolvedAt", time(t.resolvedAt()));
        root.put("version", t.version());
        ArrayNode messages = root.putArray("conversation");
        for (Message m : d.messages()) {
            ObjectNode n = messages.addObject();
            n.put("at", time(m.at()));
            n.put("kind", m.kind().name());
            n.put("direction", m.direction() == null ? null : m.direction().name());
            n.put("from", m.from());
            n.put("to", m.to());
            n.put("author", m.authorName());
            n.put("subject", m.subject());
            n.put("body", m.body());
            ArrayNode atts = n.putArray("attachments");
            for (AttachmentInfo a : m.attachments()) {
                atts.addObject().put("filename", a.filename()).put("contentType", a.contentType()).put("size", a.sizeBytes());
            }
        }
        ArrayNode calls = root.putArray("calls");
        for (CallRecord c : d.calls()) {
            calls.addObject().put("started", time(c.started())).put("ended", time(c.ended()))
                    .put("direction", c.direction().name()).put("operator", c.operatorName())
                    .put("contact", c.contactName()).put("notes", c.notes());
        }
        ArrayNode history = root.putArray("history");
        for (TicketEvent e : d.history()) {
            history.addObject().put("at", time(e.at())).put("kind", e.kind().name()).put("agent", e.agentName())
                    .put("detail", e.detail());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON of a ticket", e);
        }
    }

    private static void line(PrintWriter out, String label, String value) {
        out.println(String.format("%-14s%s", label + ":", value == null ? "" : value));
    }

    private static String join(String a, String b) {
        if (a == null) {
            return b == null ? "" : b;
        }
        return b == null ? a : a + " \u00b7 " + b;
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
