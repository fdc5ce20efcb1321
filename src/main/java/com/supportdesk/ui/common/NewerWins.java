package com.supportdesk.ui.common;

import com.supportdesk.domain.Ticket;

/**
 * The desk's one rule for copies of a ticket that arrive from different places — the agent's own saves, the change
 * feed, reloads — in whatever order the UI thread gets them: the newer version wins. The change feed reads in the
 * background, so a batch read just before the agent's own save can arrive after it, carrying the older version; it
 * must not replace what the save returned. Every view-model that keeps tickets (board, ticket pane, wallboard) merges
 * through here.
 */
public final class NewerWins {

    private NewerWins() {
    }

    /**
     * Whether {@code fresh} should replace {@code shown}: nothing is shown yet, or {@code fresh} is not an older version
     * and is not the same copy. (The same version can come back with other derived details, e.g. a renamed assignee.)
     */
    public static boolean replaces(Ticket fresh, Ticket shown) {
        if (shown == null) {
            return true;
        }
        return fresh.version() >= shown.version() && !fresh.equals(shown);
    }
}
