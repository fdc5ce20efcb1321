package com.supportdesk.sla;

import java.util.Locale;

/** The UK bank-holiday regions a calendar can follow. */
public enum HolidayRegion {
    ENGLAND_AND_WALES("england-and-wales", "England and Wales", "eng"),
    SCOTLAND("scotland", "Scotland", "sct"),
    NORTHERN_IRELAND("northern-ireland", "Northern Ireland", "nir");

    private final String id;
    private final String displayName;
    private final String jollydaySubdivision;

    HolidayRegion(String id, String displayName, String jollydaySubdivision) {
        this.id = id;
        this.displayName = displayName;
        this.jollydaySubdivision = jollydaySubdivision;
    }

    /** The command-line / storage spelling, e.g. {@code england-and-wales}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * Jollyday's subdivision of {@code HolidayCalendar.UNITED_KINGDOM}. England is {@code "eng"}:
     * {@code "en"} is not a UK subdivision and silently drops Easter Monday and the August bank holiday.
     */
    String jollydaySubdivision() {
        return jollydaySubdivision;
    }

    /**
     * Accepts {@code england-and-wales}, {@code scotland}, {@code northern-ireland} in any case, and the
     * enum names ({@code ENGLAND_AND_WALES}).
     */
    public static HolidayRegion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("region missing (expected england-and-wales, scotland or northern-ireland)");
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        for (HolidayRegion r : values()) {
            if (r.id.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown region '" + text.trim()
                + "' (expected england-and-wales, scotland or northern-ireland)");
    }
}
