package com.supportdesk.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.report.QuarterlyReport.Breach;
import com.supportdesk.report.QuarterlyReport.Compliance;
import com.supportdesk.report.QuarterlyReport.Incident;
import com.supportdesk.report.QuarterlyReport.OutageLine;
import com.supportdesk.report.QuarterlyReport.TimelineEntry;
import com.supportdesk.store.TrainingRepository;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The report as an A4 PDF (OpenPDF): a title page with the key figures, then tickets, response compliance,
 * breaches, Severity 1 incidents, training, availability and the method, with vector charts. A report that
 * describes Official Sensitive content is marked OFFICIAL-SENSITIVE at the top and bottom of every page.
 */
final class QuarterlyReportPdf {

    private static final String TITLE = "Quarterly incident and activity report";
    private static final String MARKING = "OFFICIAL-SENSITIVE";

    private final QuarterlyReport r;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter date;
    private final String zoneName;
    private final BaseFont regular;
    private final BaseFont bold;
    private final BaseFont italic;
    private final DateTimeFormatter shortTime;
    private PdfWriter writer;

    QuarterlyReportPdf(QuarterlyReport report) throws IOException {
        this.r = report;
        this.dateTime = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK).withZone(report.zone());
        this.date = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
        this.shortTime = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.UK).withZone(report.zone());
        this.zoneName = report.zone().getDisplayName(TextStyle.SHORT, Locale.UK);
        try {
            this.regular = BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            this.bold = BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
            this.italic = BaseFont.createFont(BaseFont.HELVETICA_OBLIQUE, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (DocumentException e) {
            throw new IOException("The PDF fonts are not available: " + e.getMessage(), e);
        }
    }

    void write(OutputStream out, Progress progress) throws IOException {
        Document doc = new Document(PageSize.A4, 54, 54, 70, 62);
        try {
            writer = PdfWriter.getInstance(doc, out);
            writer.setCloseStream(false);
            writer.setPageEvent(new Decoration());
            doc.addTitle(ReportStyle.pdfText(TITLE + ": " + r.customerName() + ", " + r.quarter()));
            doc.addSubject("Tickets, response compliance, breaches, Severity 1 incidents, training and availability");
            doc.addAuthor("Support Desk");
            doc.addCreator("Support Desk");
            doc.open();
            ReportCharts charts = new ReportCharts(writer.getDirectContent(), regular, bold);
            titlePage(doc);
            progress.at(0.1);
            doc.newPage();
            tickets(doc, charts);
            progress.at(0.25);
            compliance(doc, charts);
            progress.at(0.4);
            breaches(doc);
            progress.at(0.5);
            incidents(doc);
            progress.at(0.7);
            training(doc);
            progress.at(0.8);
            availability(doc, charts);
            progress.at(0.9);
            method(doc);
            doc.close();
            progress.at(1);
        } catch (DocumentException e) {
            throw new IOException("The PDF could not be laid out: " + e.getMessage(), e);
        } finally {
            if (doc.isOpen()) {
                doc.close();
            }
        }
    }

    // ---------------------------------------------------------------- sections

    private void titlePage(Document doc) throws DocumentException {
        doc.add(para("SUPPORT DESK", font(bold, 9, ReportStyle.MUTED), 60, 6));
        doc.add(para(TITLE, font(bold, 24, ReportStyle.NAVY), 0, 14));
        doc.add(para(r.customerName(), font(bold, 18, ReportStyle.INK), 0, 4));
        doc.add(para(r.quarter() + "  \u00B7  " + r.quarter().months(Locale.UK), font(regular, 13, ReportStyle.INK), 0, 26));

        PdfPTable kpi = new PdfPTable(4);
        kpi.setWidthPercentage(100);
        int met = r.compliance().stream().mapToInt(Compliance::met).sum();
        int missed = r.compliance().stream().mapToInt(Compliance::missed).sum();
        double lowest = r.availability().stream().mapToDouble(Availability.Month::percent).min().orElse(100);
        kpi.addCell(kpiCell(String.valueOf(r.totalTickets()), "tickets received"));
        kpi.addCell(kpiCell(met + missed == 0 ? "n/a" : ReportStyle.percent(100.0 * met / (met + missed)),
                "responses in time"));
        kpi.addCell(kpiCell(String.valueOf(r.breaches().size()), r.breaches().size() == 1 ? "breach" : "breaches"));
        kpi.addCell(kpiCell(ReportStyle.availability(lowest), "lowest monthly availability"));
        kpi.setSpacingAfter(24);
        doc.add(kpi);

        PdfPTable facts = new PdfPTable(new float[] {1.3f, 4});
        facts.setWidthPercentage(100);
        fact(facts, "Customer", r.customerName());
        fact(facts, "Period", r.quarter().firstDay().format(date) + " to " + r.quarter().lastDay().format(date));
        fact(facts, "Prepared for", r.preparedFor());
        fact(facts, "Generated", dateTime.format(r.generatedAt()) + " " + zoneName);
        fact(facts, "Times", "All times are " + zoneName + " (" + r.zone().getId() + "), the support policy's calendar zone.");
        fact(facts, "Support policy", r.policySummary());
        facts.setSpacingAfter(18);
        doc.add(facts);

        if (!r.readerCleared()) {
            note(doc, "Official Sensitive tickets, if there are any, are left out of this copy: which customer such a"
                    + " ticket belongs to is itself for cleared staff only, and this copy was prepared for a reader without"
                    + " security clearance. Cleared staff can prepare the complete report.");
        }
        if (r.withheldTickets() > 0) {
            note(doc, r.withheldTickets() + (r.withheldTickets() == 1 ? " Official Sensitive ticket is" : " Official Sensitive"
                    + " tickets are") + " counted in the figures but not described: this copy was prepared for a reader"
                    + " without security clearance. Such tickets appear as \u201C" + Ticket.PLACEHOLDER
                    + "\u201D.");
        }
        if (r.describesSensitive()) {
            note(doc, "This report describes " + r.sensitiveDescribed() + " Official Sensitive "
                    + (r.sensitiveDescribed() == 1 ? "ticket" : "tickets") + ". Handle it as " + MARKING
                    + ": cleared staff only. Each description was recorded in the access audit.");
        }

        doc.add(para("Contents", font(bold, 11, ReportStyle.NAVY), 10, 4));
        String[] sections = {"Tickets", "Response compliance", "Breaches", "Severity 1 incidents", "Training",
            "Availability", "Method"};
        for (int i = 0; i < sections.length; i++) {
            doc.add(para((i + 1) + "   " + sections[i], font(regular, 10, ReportStyle.INK), 0, 2));
        }
    }

    private void tickets(Document doc, ReportCharts charts) throws DocumentException {
        heading(doc, 1, "Tickets");
        doc.add(body(r.totalTickets() + (r.totalTickets() == 1 ? " ticket was" : " tickets were") + " received in "
                + r.quarter() + ", counted by their severity and support level at the time of the report."));
        PdfPTable outer = new PdfPTable(3);
        outer.setWidthPercentage(100);
        outer.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        outer.getDefaultCell().setPaddingRight(10);
        outer.addCell(countTable("Severity", r.bySeverity(), Severity::label));
        outer.addCell(countTable("Channel", r.byChannel(), QuarterlyReportPdf::channel));
        outer.addCell(countTable("Support level", r.byLevel(), SupportLevel::label));
        outer.setSpacingAfter(12);
        doc.add(outer);
        chart(doc, charts.severityMix(r.bySeverity()));
    }

    private void compliance(Document doc, ReportCharts charts) throws DocumentException {
        heading(doc, 2, "Response compliance");
        doc.add(body("A response is the first contact with the customer (an e-mail reply, a phone call or a chat"
                + " reply). Met: at or before the deadline. Missed: after it, or no contact yet and the deadline has"
                + " passed. Pending: no contact yet and the deadline is still ahead (in neither). Times to response are"
                + " Business Hours; the median and 90th percentile use the nearest-rank method."));
        PdfPTable t = table(new float[] {1.3f, 0.8f, 0.8f, 0.7f, 0.8f, 0.9f, 0.9f, 1.1f, 1.1f},
                "Severity", "Target", "Tickets", "Met", "Missed", "Pending", "% met", "Median", "90th pct");
        int row = 0;
        for (Compliance c : r.compliance()) {
            Color bg = zebra(row++);
            t.addCell(cell(c.severity().label(), bold, bg, Element.ALIGN_LEFT));
            t.addCell(cell(Durations.compact(c.targetSeconds()), regular, bg, Element.ALIGN_LEFT));
            t.addCell(num(c.tickets(), bg));
            t.addCell(num(c.met(), bg));
            t.addCell(num(c.missed(), bg));
            t.addCell(num(c.pending(), bg));
            t.addCell(cell(c.pctMet() == null ? "n/a" : ReportStyle.percent(c.pctMet()), bold, bg, Element.ALIGN_RIGHT));
            t.addCell(cell(c.medianResponseSeconds() == null ? "n/a" : Durations.compact(c.medianResponseSeconds()),
                    regular, bg, Element.ALIGN_RIGHT));
            t.addCell(cell(c.p90ResponseSeconds() == null ? "n/a" : Durations.compact(c.p90ResponseSeconds()),
                    regular, bg, Element.ALIGN_RIGHT));
        }
        t.setSpacingAfter(12);
        doc.add(t);
        chart(doc, charts.compliance(r.compliance()));
    }

    private void breaches(Document doc) throws DocumentException {
        heading(doc, 3, "Breaches");
        if (r.breaches().isEmpty()) {
            doc.add(body("No response deadline was missed in " + r.quarter() + "."));
            return;
        }
        doc.add(body(r.breaches().size() + (r.breaches().size() == 1 ? " ticket" : " tickets") + " missed the response"
                + " deadline. Late is the Business Hours between the deadline and the first response (or, with no"
                + " response yet, the time of this report)."));
        PdfPTable t = table(new float[] {0.9f, 0.45f, 2.75f, 1.2f, 1.2f, 1.25f, 1.05f},
                "Ref", "Sev", "Subject", "Received", "Deadline", "Responded", "Late");
        t.setHeaderRows(1);
        int row = 0;
        for (Breach b : r.breaches()) {
            Color bg = zebra(row++);
            t.addCell(cell(b.ref(), bold, bg, Element.ALIGN_LEFT));
            t.addCell(cell("S" + b.severity().number(), bold, bg, Element.ALIGN_LEFT, severityColour(b.severity())));
            t.addCell(cell(b.subject(), b.withheld() ? italic : regular, bg, Element.ALIGN_LEFT));
            t.addCell(cell(when(b.received()), regular, bg, Element.ALIGN_LEFT));
            t.addCell(cell(when(b.deadline()), regular, bg, Element.ALIGN_LEFT));
            t.addCell(cell(b.respondedAt() == null ? "no response" : when(b.respondedAt()),
                    b.respondedAt() == null ? bold : regular, bg, Element.ALIGN_LEFT));
            t.addCell(cell(Durations.compact(b.businessSecondsLate()), regular, bg, Element.ALIGN_RIGHT));
        }
        doc.add(t);
    }

    private void incidents(Document doc) throws DocumentException {
        heading(doc, 4, "Severity 1 incidents");
        if (r.incidents().isEmpty()) {
            doc.add(body("There were no Severity 1 incidents in " + r.quarter() + "."));
            return;
        }
        for (Incident i : r.incidents()) {
            PdfPTable t = new PdfPTable(new float[] {1.6f, 4});
            t.setWidthPercentage(100);
            t.setSpacingBefore(6);
            t.setSpacingAfter(8);
            t.setKeepTogether(true);
            Phrase title = new Phrase();
            title.add(new Chunk(ReportStyle.pdfText(i.ref()) + "   ", font(bold, 11, ReportStyle.S1)));
            title.add(new Chunk(ReportStyle.pdfText(i.subject()), font(i.withheld() ? italic : bold, 11, ReportStyle.INK)));
            t.addCell(spanning(title, 0));
            String facts;
            if (i.withheld()) {
                facts = "Received " + dateTime.format(i.received()) + "  \u00B7  " + i.status().label()
                        + "  \u00B7  details withheld: Official Sensitive, cleared staff only.";
            } else {
                facts = i.status().label() + "  \u00B7  " + switch (i.outcome()) {
                    case MET -> "response in time";
                    case MISSED -> "response deadline missed";
                    case PENDING -> "response pending";
                };
            }
            t.addCell(spanning(new Phrase(ReportStyle.pdfText(facts), font(regular, 8.5f, ReportStyle.MUTED)), 4));
            int row = 0;
            for (TimelineEntry e : i.timeline()) {
                Color bg = zebra(row++);
                t.addCell(cell(dateTime.format(e.at()), regular, bg, Element.ALIGN_LEFT));
                t.addCell(cell(e.what(), regular, bg, Element.ALIGN_LEFT));
            }
            doc.add(t);
        }
    }

    private static PdfPCell spanning(Phrase content, float paddingBottom) {
        PdfPCell c = new PdfPCell(content);
        c.setColspan(2);
        c.setBorder(Rectangle.NO_BORDER);
        c.setPaddingLeft(0);
        c.setPaddingTop(2);
        c.setPaddingBottom(paddingBottom + 2);
        return c;
    }

    private void training(Document doc) throws DocumentException {
        heading(doc, 5, "Training");
        QuarterlyReport.Training tr = r.training();
        doc.add(body("Sessions contracted: " + tr.contracted() + ". Delivered by " + tr.asOf().format(date) + ": "
                + tr.delivered() + ". Remaining: " + tr.remaining() + "."
                + (tr.planned() > 0 ? " Booked after that date: " + tr.planned() + "." : "")));
        if (tr.sessions().isEmpty()) {
            doc.add(body("No training sessions were held in " + r.quarter() + "."));
            return;
        }
        PdfPTable t = table(new float[] {1.1f, 2.6f, 2.6f, 1.4f}, "Date", "Topic", "Attendees", "Delivered by");
        int row = 0;
        for (TrainingRepository.Session s : tr.sessions()) {
            Color bg = zebra(row++);
            boolean future = s.heldOn().isAfter(tr.asOf());
            t.addCell(cell(s.heldOn().format(date) + (future ? " (booked)" : ""), regular, bg, Element.ALIGN_LEFT));
            t.addCell(cell(s.topic(), regular, bg, Element.ALIGN_LEFT));
            t.addCell(cell(s.attendees() == null ? "" : s.attendees(), regular, bg, Element.ALIGN_LEFT));
            t.addCell(cell(s.deliveredBy() == null ? "" : s.deliveredBy(), regular, bg, Element.ALIGN_LEFT));
        }
        doc.add(t);
    }

    private void availability(Document doc, ReportCharts charts) throws DocumentException {
        heading(doc, 6, "Availability");
        doc.add(body("Monthly availability = 1 \u2212 unscheduled downtime / minutes in the month, against the 99.5 %"
                + " target. Maintenance is scheduled outside Business Hours; any part of a scheduled outage inside"
                + " them counts as unscheduled. Overlapping outages are counted once."));
        PdfPTable t = table(new float[] {1.4f, 1.3f, 1.6f, 1.3f, 1.3f}, "Month", "Minutes", "Unscheduled downtime (min)",
                "Availability", "99.5 % target");
        int row = 0;
        for (Availability.Month m : r.availability()) {
            Color bg = zebra(row++);
            t.addCell(cell(m.month().getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + m.month().getYear()
                    + (m.complete() ? "" : " (to date)"), regular, bg, Element.ALIGN_LEFT));
            t.addCell(num(m.monthMinutes(), bg));
            t.addCell(cell(ReportStyle.minutes(m.downtimeMinutes()), regular, bg, Element.ALIGN_RIGHT));
            t.addCell(cell(ReportStyle.availability(m.percent()), bold, bg, Element.ALIGN_RIGHT));
            t.addCell(cell(m.meetsTarget() ? "met" : "not met", bold, bg, Element.ALIGN_LEFT,
                    m.meetsTarget() ? ReportStyle.MET : ReportStyle.MISSED));
        }
        t.setSpacingAfter(12);
        doc.add(t);
        chart(doc, charts.availability(r.availability()));

        if (r.outages().isEmpty()) {
            doc.add(body("No outages affected " + r.customerName() + " in " + r.quarter() + "."));
            return;
        }
        doc.add(para("Outages", font(bold, 11, ReportStyle.NAVY), 6, 4));
        PdfPTable o = table(new float[] {1.15f, 1.15f, 1, 2, 2.3f, 0.9f}, "Start", "End", "Duration", "Kind",
                "Description", "S1 tickets");
        o.setHeaderRows(1);
        row = 0;
        for (OutageLine line : r.outages()) {
            Color bg = zebra(row++);
            o.addCell(cell(when(line.start()), regular, bg, Element.ALIGN_LEFT));
            o.addCell(cell(when(line.end()), regular, bg, Element.ALIGN_LEFT));
            o.addCell(cell(Durations.compact(Duration.between(line.start(), line.end())), regular, bg,
                    Element.ALIGN_RIGHT));
            String kind = !line.scheduled() ? "Unscheduled"
                    : line.flagged() ? "Scheduled, but " + Durations.compact(line.businessHoursOverlap())
                            + " in Business Hours: counted as unscheduled" : "Scheduled maintenance";
            o.addCell(cell(kind, line.flagged() ? bold : regular, bg, Element.ALIGN_LEFT,
                    line.flagged() ? ReportStyle.MISSED : ReportStyle.INK));
            o.addCell(cell(line.description() + (line.allCustomers() ? " (all customers)" : ""), regular, bg,
                    Element.ALIGN_LEFT));
            o.addCell(cell(String.join(", ", line.ticketRefs()), regular, bg, Element.ALIGN_LEFT));
        }
        doc.add(o);
    }

    private void method(Document doc) throws DocumentException {
        heading(doc, 7, "Method");
        String[] notes = {
            "The quarter runs from 00:00 on " + r.quarter().firstDay().format(date) + " to 00:00 on "
                + r.quarter().endExclusive().format(date) + " " + zoneName + "; a ticket belongs to the quarter in"
                + " which it was received.",
            "Business Hours and response targets are those of the policy version in force when each ticket was"
                + " received. Deadlines are stored with each ticket, so later policy changes do not alter this report.",
            "Figures are as of " + dateTime.format(r.generatedAt()) + " " + zoneName + ": an open ticket without a"
                + " response whose deadline had passed by then counts as missed.",
            "Median and 90th percentile use the nearest-rank method: of n sorted response times, the value at rank"
                + " p/100 \u00D7 n rounded up (so the median of an even number of times is the lower middle one).",
            "Availability months run from midnight to midnight in " + zoneName + "; a month still in progress is"
                + " measured over its full length with the downtime recorded so far.",
        };
        for (String n : notes) {
            Paragraph p = new Paragraph(ReportStyle.pdfText("\u2022  " + n), font(regular, 9, ReportStyle.INK));
            p.setIndentationLeft(10);
            p.setFirstLineIndent(-10);
            p.setSpacingAfter(4);
            doc.add(p);
        }
    }

    // ---------------------------------------------------------------- building blocks

    private Font font(BaseFont base, float size, Color colour) {
        return new Font(base, size, Font.NORMAL, colour);
    }

    private static Paragraph para(String text, Font f, float before, float after) {
        Paragraph p = new Paragraph(ReportStyle.pdfText(text), f);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    private Paragraph body(String text) {
        Paragraph p = para(text, font(regular, 9.5f, ReportStyle.INK), 0, 8);
        p.setLeading(13);
        return p;
    }

    private Paragraph small(String text) {
        return para(text, font(regular, 8.5f, ReportStyle.MUTED), 0, 4);
    }

    private void heading(Document doc, int number, String text) throws DocumentException {
        if (number > 1 && writer.getVerticalPosition(true) - doc.bottom() < 160) {
            doc.newPage();
        }
        Paragraph p = para(number + "  " + text, font(bold, 15, ReportStyle.NAVY), number == 1 ? 0 : 18, 6);
        p.setKeepTogether(true);
        doc.add(p);
    }

    private void note(Document doc, String text) throws DocumentException {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        PdfPCell c = new PdfPCell(new Phrase(ReportStyle.pdfText(text), font(regular, 9, ReportStyle.INK)));
        c.setBackgroundColor(ReportStyle.NOTE);
        c.setBorder(Rectangle.LEFT);
        c.setBorderColor(ReportStyle.S2);
        c.setBorderWidth(3);
        c.setPadding(8);
        box.addCell(c);
        box.setSpacingAfter(12);
        doc.add(box);
    }

    private void chart(Document doc, Image chart) throws DocumentException {
        chart.setAlignment(Image.MIDDLE);
        chart.setSpacingAfter(10);
        doc.add(chart);
    }

    private void fact(PdfPTable t, String label, String value) {
        PdfPCell l = new PdfPCell(new Phrase(ReportStyle.pdfText(label), font(bold, 9, ReportStyle.MUTED)));
        PdfPCell v = new PdfPCell(new Phrase(ReportStyle.pdfText(value), font(regular, 9.5f, ReportStyle.INK)));
        for (PdfPCell c : new PdfPCell[] {l, v}) {
            c.setBorder(Rectangle.BOTTOM);
            c.setBorderColor(ReportStyle.RULE);
            c.setPaddingTop(5);
            c.setPaddingBottom(6);
            t.addCell(c);
        }
    }

    private PdfPCell kpiCell(String figure, String label) {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        c.setBackgroundColor(ReportStyle.ZEBRA);
        c.setPadding(10);
        Paragraph f = new Paragraph(ReportStyle.pdfText(figure), font(bold, 16, ReportStyle.NAVY));
        f.setAlignment(Element.ALIGN_CENTER);
        Paragraph l = new Paragraph(ReportStyle.pdfText(label), font(regular, 8, ReportStyle.MUTED));
        l.setAlignment(Element.ALIGN_CENTER);
        c.addElement(f);
        c.addElement(l);
        return c;
    }

    private <K> PdfPTable countTable(String title, Map<K, Integer> counts, Function<K, String> label) {
        PdfPTable t = table(new float[] {2, 1}, title, "Tickets");
        int row = 0;
        int total = 0;
        for (Map.Entry<K, Integer> e : counts.entrySet()) {
            Color bg = zebra(row++);
            t.addCell(cell(label.apply(e.getKey()), regular, bg, Element.ALIGN_LEFT));
            t.addCell(num(e.getValue(), bg));
            total += e.getValue();
        }
        PdfPCell l = cell("Total", bold, Color.WHITE, Element.ALIGN_LEFT);
        PdfPCell v = cell(String.valueOf(total), bold, Color.WHITE, Element.ALIGN_RIGHT);
        for (PdfPCell c : new PdfPCell[] {l, v}) {
            c.setBorder(Rectangle.TOP);
            c.setBorderColor(ReportStyle.NAVY);
            t.addCell(c);
        }
        return t;
    }

    private PdfPTable table(float[] widths, String... headers) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHeaderRows(1);
        for (String h : headers) {
            PdfPCell c = new PdfPCell(new Phrase(ReportStyle.pdfText(h), font(bold, 8.5f, Color.WHITE)));
            c.setBackgroundColor(ReportStyle.NAVY);
            c.setBorder(Rectangle.NO_BORDER);
            c.setPadding(4);
            c.setPaddingBottom(5);
            t.addCell(c);
        }
        return t;
    }

    private PdfPCell cell(String text, BaseFont f, Color bg, int align) {
        return cell(text, f, bg, align, ReportStyle.INK);
    }

    private PdfPCell cell(String text, BaseFont f, Color bg, int align, Color colour) {
        PdfPCell c = new PdfPCell(new Phrase(ReportStyle.pdfText(text), font(f, 8.5f, colour)));
        c.setBackgroundColor(bg);
        c.setBorder(Rectangle.BOTTOM);
        c.setBorderColor(ReportStyle.RULE);
        c.setBorderWidth(0.5f);
        c.setHorizontalAlignment(align);
        c.setPadding(4);
        c.setPaddingBottom(5);
        return c;
    }

    private PdfPCell num(long n, Color bg) {
        return cell(String.valueOf(n), regular, bg, Element.ALIGN_RIGHT);
    }

    /** {@code 17 Jul 17:30} in the quarter's year, else with the year: for narrow table columns. */
    private String when(Instant t) {
        return t.atZone(r.zone()).getYear() == r.quarter().year() ? shortTime.format(t) : dateTime.format(t);
    }

    private static Color zebra(int row) {
        return row % 2 == 0 ? Color.WHITE : ReportStyle.ZEBRA;
    }

    private static Color severityColour(Severity s) {
        return ReportCharts.severityColour(s);
    }

    private static String channel(Channel c) {
        return switch (c) {
            case EMAIL -> "E-mail";
            case PHONE -> "Phone";
            case CHAT -> "Chat";
            case AGENT -> "Agent";
        };
    }

    /** Running header and footer, page numbers, and the protective marking when the report describes sensitive content. */
    private final class Decoration extends PdfPageEventHelper {
        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            float left = document.left();
            float right = document.right();
            int n = writer.getPageNumber();
            if (n > 1) {
                text(cb, regular, 8, ReportStyle.MUTED, TITLE + " \u2014 " + r.customerName(), left, page.getTop() - 40,
                        PdfContentByte.ALIGN_LEFT);
                text(cb, bold, 8, ReportStyle.MUTED, r.quarter().toString(), right, page.getTop() - 40,
                        PdfContentByte.ALIGN_RIGHT);
                cb.setColorStroke(ReportStyle.RULE);
                cb.setLineWidth(0.5f);
                cb.moveTo(left, page.getTop() - 46);
                cb.lineTo(right, page.getTop() - 46);
                cb.stroke();
            }
            text(cb, regular, 8, ReportStyle.MUTED, "Support Desk \u00B7 generated " + dateTime.format(r.generatedAt())
                    + " " + zoneName, left, 34, PdfContentByte.ALIGN_LEFT);
            text(cb, regular, 8, ReportStyle.MUTED, "Page " + n, right, 34, PdfContentByte.ALIGN_RIGHT);
            if (r.describesSensitive()) {
                float mid = (left + right) / 2;
                text(cb, bold, 10, ReportStyle.S1, MARKING, mid, page.getTop() - 24, PdfContentByte.ALIGN_CENTER);
                text(cb, bold, 10, ReportStyle.S1, MARKING, mid, 18, PdfContentByte.ALIGN_CENTER);
            }
        }

        private void text(PdfContentByte cb, BaseFont f, float size, Color colour, String s, float x, float y, int align) {
            cb.beginText();
            cb.setFontAndSize(f, size);
            cb.setColorFill(colour);
            cb.showTextAligned(align, ReportStyle.pdfText(s), x, y, 0);
            cb.endText();
        }
    }
}
