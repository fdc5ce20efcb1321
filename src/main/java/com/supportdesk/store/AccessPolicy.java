package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;

/**
 * Who may see and change what (docs/access-model.md). Applied by the store on every read path, so
 * no caller (board, search, export, report, notification, CLI) can receive sensitive content for an
 * agent without clearance.
 */
public final class AccessPolicy {

    /** The reader used when nobody signed in (e.g. a CLI export without --user): sees no sensitive content. */
    public static final Agent NOBODY = new Agent(0, "nobody", "Nobody", Clearance.NONE, SupportLevel.L1, false,
            false, false);

    private AccessPolicy() {
    }

    /** The ticket as this reader may see it: the placeholder for a sensitive ticket and no clearance. */
    public static Ticket lens(Agent reader, Ticket t) {
        return mayRead(reader, t) ? t : t.redact();
    }

    public static boolean mayRead(Agent reader, Ticket t) {
        return !t.sensitive() || (reader != null && reader.cleared());
    }

    /** Refuses to open a sensitive ticket for a reader without clearance. */
    public static void requireRead(Agent reader, Ticket t) {
        if (!mayRead(reader, t)) {
            throw new StoreException.AccessDenied(t.ref() + " is " + Ticket.PLACEHOLDER + ".");
        }
    }

    /** Changing a sensitive ticket needs clearance too (a null actor is the system itself, e.g. mail intake). */
    public static void requireWrite(Agent actor, Ticket t) {
        if (actor != null && !actor.active() && actor != NOBODY) {
            throw new StoreException.AccessDenied("The account '" + actor.username() + "' is deactivated.");
        }
        if (actor == NOBODY) {
            throw new StoreException.AccessDenied("Sign in to change tickets.");
        }
        if (actor != null && t.sensitive() && !actor.cleared()) {
            throw new StoreException.AccessDenied(t.ref() + " is " + Ticket.PLACEHOLDER + ".");
        }
    }
}
