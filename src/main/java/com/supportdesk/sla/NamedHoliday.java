package com.supportdesk.sla;

import java.time.LocalDate;
import java.util.Objects;

/** A weekday on which the desk is closed, with a name for the admin screen. */
public record NamedHoliday(LocalDate date, String name) implements Comparable<NamedHoliday> {

    /** The name given to admin-added closure dates. */
    public static final String OFFICE_CLOSURE = "Office closure";

    public NamedHoliday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(NamedHoliday o) {
        return date.compareTo(o.date);
    }
}
