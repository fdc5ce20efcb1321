package com.supportdesk.cli;

import com.supportdesk.store.Store;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Starts what runs beside a process that holds the embedded database for long (daily backups, answering other
     * processes' requests); closing stops it. Nothing for a team database.
     */
    default AutoCloseable holdEmbedded(GlobalOptions options, Store store) {
        return () -> { };
    }

    /** The clock commands read "now" from (an incoming call's moment). */
    default java.time.Clock clock() {
        return java.time.Clock.systemUTC();
    }

    /**
     * Asks the process holding the embedded database to do {@code type} (e.g. {@code backup} with {@code to}) over
     * the local, user-only channel. Empty when no process answers; a refusal is thrown as a {@code StoreException}.
     */
    default Optional<String> askHolder(GlobalOptions options, String type, Map<String, String> args) {
        return Optional.empty();
    }
}
