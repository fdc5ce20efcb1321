package com.supportdesk.cli;

import com.supportdesk.domain.Ticket;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option types the commands share; a bad value is a usage error (exit 2) naming the value. */
final class Converters {

    private Converters() {
    }

    /** An ISO-8601 instant with Z or an offset. */
    static final class InstantConverter implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String v = value.strip();
            try {
                return v.endsWith("Z") || v.endsWith("z") ? Instant.parse(v) : OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not an ISO-8601 instant with a zone"
                        + " (e.g. 2026-07-14T17:00:00Z or 2026-07-14T18:00:00+01:00)");
            }
        }
    }

    /** YYYY-MM-DD. */
    static final class DateConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a date: write YYYY-MM-DD, e.g. 2026-07-14");
            }
        }
    }

    /** SD-1042 or 1042. */
    static final class RefConverter implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long id = Ticket.parseRef(value);
            if (id < 0) {
                throw new TypeConversionException("'" + value + "' is not a ticket ref (e.g. SD-1042)");
            }
            return id;
        }
    }
}
