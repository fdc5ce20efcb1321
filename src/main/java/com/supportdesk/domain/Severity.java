package com.supportdesk.domain;

import java.util.Locale;

/** Ticket severity as defined by the support policy. */
public enum Severity {
    S1(1, "Down-time, non-responsiveness or system errors for all users."),
    S2(2, "Material degradation of performance for isolated users."),
    S3(3, "All functionality available, but cosmetic errors, documentation errors or enhancement requests.");

    private final int number;
    private final String definition;

    Severity(int number, String definition) {
        this.number = number;
        this.definition = definition;
    }

    public int number() {
        return number;
    }

    /** The policy's definition of this severity, for dialogs and tooltips. */
    public String definition() {
        return definition;
    }

    public String label() {
        return "Severity " + number;
    }

    public static Severity of(int number) {
        return switch (number) {
            case 1 -> S1;
            case 2 -> S2;
            case 3 -> S3;
            default -> throw new IllegalArgumentException("unknown severity " + number + " (expected 1, 2 or 3)");
        };
    }

    /** Accepts {@code 1}, {@code S1}, {@code sev1}, {@code severity 1} (any case). */
    public static Severity parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("severity missing (expected 1, 2 or 3)");
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        for (String prefix : new String[] {"severity", "sev", "s"}) {
            if (t.startsWith(prefix)) {
                t = t.substring(prefix.length());
                break;
            }
        }
        return switch (t) {
            case "1" -> S1;
            case "2" -> S2;
            case "3" -> S3;
            default -> throw new IllegalArgumentException("unknown severity '" + text.trim() + "' (expected 1, 2 or 3)");
        };
    }
}
