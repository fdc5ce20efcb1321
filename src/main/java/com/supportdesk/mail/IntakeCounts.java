package com.supportdesk.mail;

import java.util.Locale;

/**
 * What one intake round did, message by message: every fetched message ends in exactly one of the other
 * counts, so {@code fetched = newTickets + threaded + automated + quarantined + duplicates}.
 *
 * @param automated   automated mail: bounces attached to their ticket, auto-replies and list mail attached to
 *                    the ticket they answer, or kept in the automated-mail log; never a new ticket
 * @param quarantined mail that could not be read, kept with its raw source for an admin
 * @param duplicates  already stored (a re-fetch after a crash or a UIDVALIDITY change); nothing changed
 */
public record IntakeCounts(int fetched, int newTickets, int threaded, int automated, int quarantined,
                           int duplicates) {

    public static final IntakeCounts NONE = new IntakeCounts(0, 0, 0, 0, 0, 0);

    /** The counts with one more message of the given outcome. */
    public IntakeCounts plus(IntakeOutcome.Kind kind) {
        return new IntakeCounts(fetched + 1,
                newTickets + (kind == IntakeOutcome.Kind.NEW_TICKET ? 1 : 0),
                threaded + (kind == IntakeOutcome.Kind.THREADED ? 1 : 0),
                automated + (kind == IntakeOutcome.Kind.AUTOMATED ? 1 : 0),
                quarantined + (kind == IntakeOutcome.Kind.QUARANTINED ? 1 : 0),
                duplicates + (kind == IntakeOutcome.Kind.DUPLICATE ? 1 : 0));
    }

    public IntakeCounts plus(IntakeCounts o) {
        return new IntakeCounts(fetched + o.fetched, newTickets + o.newTickets, threaded + o.threaded,
                automated + o.automated, quarantined + o.quarantined, duplicates + o.duplicates);
    }

    /** {@code fetched 3, new tickets 1, threaded 1, automated 1, quarantined 0, duplicates 0}: the CLI's line. */
    public String summary() {
        return String.format(Locale.ROOT, "fetched %d, new tickets %d, threaded %d, automated %d, quarantined %d,"
                + " duplicates %d", fetched, newTickets, threaded, automated, quarantined, duplicates);
    }

    @Override
    public String toString() {
        return summary();
    }
}
