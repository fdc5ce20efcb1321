package com.supportdesk.report;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import com.supportdesk.domain.Severity;
import com.supportdesk.report.QuarterlyReport.Compliance;
import java.awt.Color;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts, drawn as vector graphics straight into PDF form XObjects (no JavaFX, no AWT
 * rendering, so they work headless and print crisply): severity mix, compliance per severity and monthly
 * availability against the target.
 */
final class ReportCharts {

    static final float WIDTH = 480;

    private final PdfContentByte canvas;
    private final BaseFont regular;
    private final BaseFont bold;

    ReportCharts(PdfContentByte canvas, BaseFont regular, BaseFont bold) {
        this.canvas = canvas;
        this.regular = regular;
        this.bold = bold;
    }

    static Color severityColour(Severity s) {
        return switch (s) {
            case S1 -> ReportStyle.S1;
            case S2 -> ReportStyle.S2;
            case S3 -> ReportStyle.S3;
        };
    }

    /** Horizontal bars: tickets per severity. */
    Image severityMix(Map<Severity, Integer> counts) throws BadElementException {
        float rowH = 22;
        float h = 30 + rowH * counts.size();
        PdfTemplate t = canvas.createTemplate(WIDTH, h);
        title(t, "Tickets by severity", h);
        int max = Math.max(1, counts.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        float x0 = 70;
        float span = WIDTH - x0 - 50;
        float y = h - 30 - rowH;
        for (Map.Entry<Severity, Integer> e : counts.entrySet()) {
            text(t, regular, 8.5f, ReportStyle.INK, e.getKey().label(), x0 - 8, y + 6, PdfContentByte.ALIGN_RIGHT);
            float w = span * e.getValue() / max;
            t.setColorFill(severityColour(e.getKey()));
            t.rectangle(x0, y + 2, Math.max(w, 0.5f), rowH - 8);
            t.fill();
            text(t, bold, 8.5f, ReportStyle.INK, String.valueOf(e.getValue()), x0 + w + 5, y + 6, PdfContentByte.ALIGN_LEFT);
            y -= rowH;
        }
        axis(t, x0, 4, x0, h - 28);
        return Image.getInstance(t);
    }

    /** 100 % stacked bars per severity: met, missed and pending, with the share met. */
    Image compliance(List<Compliance> rows) throws BadElementException {
        float rowH = 24;
        float h = 48 + rowH * rows.size();
        PdfTemplate t = canvas.createTemplate(WIDTH, h);
        title(t, "Response compliance by severity", h);
        float x0 = 70;
        float span = WIDTH - x0 - 70;
        float y = h - 30 - rowH;
        for (Compliance c : rows) {
            text(t, regular, 8.5f, ReportStyle.INK, c.severity().label(), x0 - 8, y + 7, PdfContentByte.ALIGN_RIGHT);
            if (c.tickets() == 0) {
                t.setColorStroke(ReportStyle.RULE);
                t.setLineWidth(0.6f);
                t.rectangle(x0, y + 2, span, rowH - 8);
                t.stroke();
                text(t, regular, 8, ReportStyle.MUTED, "no tickets", x0 + span / 2, y + 7, PdfContentByte.ALIGN_CENTER);
            } else {
                float x = x0;
                int[] parts = {c.met(), c.missed(), c.pending()};
                Color[] colours = {ReportStyle.MET, ReportStyle.MISSED, ReportStyle.PENDING};
                for (int i = 0; i < parts.length; i++) {
                    float w = span * parts[i] / c.tickets();
                    if (w <= 0) {
                        continue;
                    }
                    t.setColorFill(colours[i]);
                    t.rectangle(x, y + 2, w, rowH - 8);
                    t.fill();
                    if (w >= 14) {
                        text(t, bold, 8, Color.WHITE, String.valueOf(parts[i]), x + w / 2, y + 7, PdfContentByte.ALIGN_CENTER);
                    }
                    x += w;
                }
            }
            String pct = c.pctMet() == null ? "n/a" : ReportStyle.percent(c.pctMet()) + " met";
            text(t, bold, 8.5f, ReportStyle.INK, pct, x0 + span + 6, y + 7, PdfContentByte.ALIGN_LEFT);
            y -= rowH;
        }
        legend(t, x0, 6, new String[] {"Met", "Missed", "Pending"},
                new Color[] {ReportStyle.MET, ReportStyle.MISSED, ReportStyle.PENDING});
        return Image.getInstance(t);
    }

    /** Vertical bars: availability per month on a zoomed axis, with the 99.5 % target as a dashed line. */
    Image availability(List<Availability.Month> months) throws BadElementException {
        float h = 190;
        PdfTemplate t = canvas.createTemplate(WIDTH, h);
        title(t, "Monthly availability against the 99.5 % target", h);
        double lowest = months.stream().mapToDouble(Availability.Month::percent).min().orElse(100);
        double floor = Math.floor(Math.min(Availability.TARGET * 100 - 0.5, lowest - 0.25) * 2) / 2;
        floor = Math.max(0, floor);
        double range = 100 - floor;
        double step = niceStep(range);
        float x0 = 60;
        float y0 = 30;
        float plotH = h - y0 - 40;
        float plotW = WIDTH - x0 - 62;
        t.setLineWidth(0.4f);
        for (double v = floor; v <= 100.0001; v += step) {
            float y = (float) (y0 + plotH * (v - floor) / range);
            t.setColorStroke(ReportStyle.RULE);
            t.moveTo(x0, y);
            t.lineTo(x0 + plotW, y);
            t.stroke();
            text(t, regular, 7.5f, ReportStyle.MUTED, ReportStyle.axisPercent(v, step), x0 - 5, y - 2.5f,
                    PdfContentByte.ALIGN_RIGHT);
        }
        float slot = plotW / months.size();
        float barW = Math.min(70, slot * 0.5f);
        for (int i = 0; i < months.size(); i++) {
            Availability.Month m = months.get(i);
            float cx = x0 + slot * i + slot / 2;
            float top = (float) (y0 + plotH * Math.max(0, m.percent() - floor) / range);
            t.setColorFill(m.meetsTarget() ? ReportStyle.MET : ReportStyle.MISSED);
            t.rectangle(cx - barW / 2, y0, barW, Math.max(0.5f, top - y0));
            t.fill();
            text(t, bold, 8, ReportStyle.INK, ReportStyle.availability(m.percent()), cx, top + 4, PdfContentByte.ALIGN_CENTER);
            text(t, regular, 8.5f, ReportStyle.INK, m.month().getMonth().getDisplayName(TextStyle.SHORT, Locale.UK) + " "
                    + m.month().getYear(), cx, y0 - 12, PdfContentByte.ALIGN_CENTER);
        }
        float ty = (float) (y0 + plotH * (Availability.TARGET * 100 - floor) / range);
        t.setColorStroke(ReportStyle.NAVY);
        t.setLineWidth(1);
        t.setLineDash(4, 3, 0);
        t.moveTo(x0, ty);
        t.lineTo(x0 + plotW, ty);
        t.stroke();
        t.setLineDash(0);
        text(t, bold, 7.5f, ReportStyle.NAVY, "target 99.5 %", x0 + plotW + 4, ty - 2.5f, PdfContentByte.ALIGN_LEFT);
        axis(t, x0, y0, x0 + plotW, y0);
        return Image.getInstance(t);
    }

    static double niceStep(double range) {
        for (double s : new double[] {0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 25}) {
            if (range / s <= 5) {
                return s;
            }
        }
        return 25;
    }

    private void title(PdfTemplate t, String title, float h) {
        text(t, bold, 9.5f, ReportStyle.NAVY, title, 0, h - 12, PdfContentByte.ALIGN_LEFT);
    }

    private void legend(PdfTemplate t, float x, float y, String[] names, Color[] colours) {
        for (int i = 0; i < names.length; i++) {
            t.setColorFill(colours[i]);
            t.rectangle(x, y, 8, 8);
            t.fill();
            text(t, regular, 8, ReportStyle.INK, names[i], x + 11, y + 1, PdfContentByte.ALIGN_LEFT);
            x += 20 + regular.getWidthPoint(names[i], 8);
        }
    }

    private static void axis(PdfTemplate t, float x1, float y1, float x2, float y2) {
        t.setColorStroke(ReportStyle.MUTED);
        t.setLineWidth(0.6f);
        t.moveTo(x1, y1);
        t.lineTo(x2, y2);
        t.stroke();
    }

    private static void text(PdfTemplate t, BaseFont font, float size, Color colour, String s, float x, float y, int align) {
        t.beginText();
        t.setFontAndSize(font, size);
        t.setColorFill(colour);
        t.showTextAligned(align, ReportStyle.pdfText(s), x, y, 0);
        t.endText();
    }
}
