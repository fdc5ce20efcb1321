package com.supportdesk.report;

import java.awt.Color;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.util.Locale;

/** Colours, number formats and text clean-up shared by the PDF and its charts. */
final class ReportStyle {

    static final Color NAVY = new Color(0x1F, 0x3A, 0x5F);
    static final Color INK = new Color(0x22, 0x26, 0x2E);
    static final Color MUTED = new Color(0x6B, 0x72, 0x80);
    static final Color RULE = new Color(0xD0, 0xD5, 0xDD);
    static final Color ZEBRA = new Color(0xF4, 0xF6, 0xF9);
    static final Color NOTE = new Color(0xFF, 0xF4, 0xE0);
    static final Color S1 = new Color(0xC6, 0x28, 0x28);
    static final Color S2 = new Color(0xEF, 0x8F, 0x00);
    static final Color S3 = new Color(0x15, 0x65, 0xC0);
    static final Color MET = new Color(0x2E, 0x7D, 0x32);
    static final Color MISSED = new Color(0xC6, 0x28, 0x28);
    static final Color PENDING = new Color(0xB0, 0xB7, 0xC3);

    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    private ReportStyle() {
    }

    /** {@code 83.3 %}. */
    static String percent(double pct) {
        return String.format(Locale.UK, "%.1f %%", pct);
    }

    /** Availability to three decimals, {@code 99.863 %}: one hour in a 30-day month is 0.139 %. */
    static String availability(double pct) {
        return String.format(Locale.UK, "%.3f %%", pct);
    }

    static String axisPercent(double v, double step) {
        return step < 0.5 ? String.format(Locale.UK, "%.2f %%", v) : String.format(Locale.UK, "%.1f %%", v);
    }

    /** Minutes with one decimal, {@code 60.0}. */
    static String minutes(double m) {
        return String.format(Locale.UK, "%.1f", m);
    }

    /**
     * Text the PDF's standard fonts can show (Windows-1252): arrows and comparison signs become ASCII, other
     * characters outside the encoding become '?', control characters become spaces.
     */
    static String pdfText(String s) {
        if (s == null) {
            return "";
        }
        CharsetEncoder enc = WIN_ANSI.newEncoder();
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\u2192' -> b.append("->");
                case '\u2190' -> b.append("<-");
                case '\u2264' -> b.append("<=");
                case '\u2265' -> b.append(">=");
                case '\u2212' -> b.append('-');
                case '\u00A0', '\u202F' -> b.append(' ');
                default -> {
                    if (Character.isISOControl(c)) {
                        b.append(' ');
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()) {
                        b.append('?');
                        i++;
                    } else {
                        b.append(enc.canEncode(c) ? c : '?');
                    }
                }
            }
        }
        return b.toString();
    }
}
