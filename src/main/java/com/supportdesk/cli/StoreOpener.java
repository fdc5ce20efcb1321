package com.supportdesk.cli;

import com.supportdesk.store.Store;

/**
 * Opens the store the global options point at. Supplied by the app layer. An embedded database opens as it is
 * (and is seeded with --demo); a team database opens only with an agent's own login.
 */
public interface StoreOpener {

    /** The embedded database (a team database throws {@code StoreException.SignInRequired}). */
    Store open(GlobalOptions options);

    /** The team database, signed in as {@code user}. */
    default Store openTeam(GlobalOptions options, String user, char[] password) {
        throw new IllegalStateException("no team database configured");
    }

    /** True when the options name a team database (PostgreSQL). */
    default boolean isTeam(GlobalOptions options) {
        return false;
    }
}
