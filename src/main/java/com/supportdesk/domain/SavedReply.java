package com.supportdesk.domain;

import java.time.Instant;
import java.util.Locale;

/**
 * A saved reply: the team's (kept by team leads; {@code ownerId} null) or one agent's own. Its body may hold
 * {@link Placeholder}s, filled for the ticket at hand when it is inserted.
 *
 * @param shortcut      a word to find it by in the composer (letters, digits, '-' and '_'), or null
 * @param sensitiveOk   may be used on an Official Sensitive ticket
 * @param firstResponse offered first while a ticket still waits for its first response
 */
public record SavedReply(long id, Long ownerId, String name, String shortcut, String body, boolean sensitiveOk,
                         boolean firstResponse, Instant updatedAt, int version) {

    /** What is saved: the reply without its id, owner and version; {@code team} says whose it is. */
    public record Draft(String name, String shortcut, String body, boolean team, boolean sensitiveOk,
                        boolean firstResponse) {
    }

    public boolean team() {
        return ownerId == null;
    }

    public Draft draft() {
        return new Draft(name, shortcut, body, team(), sensitiveOk, firstResponse);
    }

    /** May this reply be used on a ticket of this classification? */
    public boolean usableOn(Classification classification) {
        return sensitiveOk || !classification.isSensitive();
    }

    /**
     * How well the reply matches what was typed to find it, by name or shortcut word (any case): 0 the shortcut
     * itself, 1 the start of the shortcut, 2 the start of the name or of a word in it, 3 every typed word somewhere
     * in the name or shortcut; -1 no match. Nothing typed matches every reply (3).
     */
    public int rank(String typed) {
        String q = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
        if (q.isEmpty()) {
            return 3;
        }
        String word = shortcut == null ? "" : shortcut.toLowerCase(Locale.ROOT);
        String n = name.toLowerCase(Locale.ROOT);
        if (word.equals(q)) {
            return 0;
        }
        if (!word.isEmpty() && word.startsWith(q)) {
            return 1;
        }
        if (n.startsWith(q) || n.contains(" " + q)) {
            return 2;
        }
        String all = n + " " + word;
        for (String part : q.split("\\s+")) {
            if (!all.contains(part)) {
                return -1;
            }
        }
        return 3;
    }
}
