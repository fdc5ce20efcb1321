package com.supportdesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins per user name on the embedded database (table {@code sign_in_failure}, migration V7), so that
 * guessing passwords is slow from the sign-in screen and from separate command-line runs alike. The first
 * {@link #FREE_FAILURES} failures cost nothing; after that each attempt must wait {@link #FIRST_WAIT}, doubling
 * with every further failure up to {@link #LONGEST_WAIT}. A name nobody has is counted like any other, so the
 * throttle says nothing about which names exist. A successful sign-in clears the count.
 *
 * <p>A team database on PostgreSQL checks passwords itself, before this store is even opened: throttling there is
 * the server's (README, Team mode).
 */
final class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** Rows of names not tried for this long are forgotten (they would wait nothing any more). */
    private static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final int KEY_LENGTH = 200;

    private final Database db;

    SignInThrottle(Database db) {
        this.db = db;
    }

    /** Refuses the attempt while the name must wait; the same words for every name. */
    void check(String username) {
        Instant now = db.clock().instant();
        Optional<Instant> until = db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT locked_until FROM sign_in_failure WHERE username = ?")) {
                ps.setString(1, key(username));
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(Sql.instant(rs, 1)) : Optional.<Instant>empty();
                }
            }
        });
        if (until.isPresent() && until.get().isAfter(now)) {
            throw new StoreException.AccessDenied("Too many failed sign-ins as '" + shown(username) + "'. Wait "
                    + spoken(Duration.between(now, until.get())) + " and try again.");
        }
    }

    /** Counts a failure and sets how long the next attempt must wait. */
    void failed(String username) {
        Instant now = db.clock().instant();
        db.run(c -> {
            int failures = 0;
            String key = key(username);
            try (PreparedStatement ps = c.prepareStatement("SELECT failures FROM sign_in_failure WHERE username = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        failures = rs.getInt(1);
                    }
                }
            }
            failures++;
            Instant until = failures < FREE_FAILURES ? null : now.plus(wait(failures));
            try (PreparedStatement ps = c.prepareStatement("MERGE INTO sign_in_failure (username, failures, last_failed_at,"
                    + " locked_until) KEY (username) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, key);
                ps.setInt(2, failures);
                Sql.setInstant(ps, 3, now);
                Sql.setInstant(ps, 4, until);
                ps.executeUpdate();
            }
            forgetOld(c, now);
        });
    }

    /** A successful sign-in: the name starts afresh. */
    void succeeded(String username) {
        db.run(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sign_in_failure WHERE username = ?")) {
                ps.setString(1, key(username));
                ps.executeUpdate();
            }
        });
    }

    /** How long the attempt after the {@code failures}-th failure waits: 30 s after the 5th, doubling, at most 15 min. */
    static Duration wait(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 10);
        Duration d = FIRST_WAIT.multipliedBy(1L << doublings);
        return d.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : d;
    }

    private void forgetOld(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sign_in_failure WHERE last_failed_at < ?"
                + " AND (locked_until IS NULL OR locked_until < ?)")) {
            Sql.setInstant(ps, 1, now.minus(FORGET_AFTER));
            Sql.setInstant(ps, 2, now);
            ps.executeUpdate();
        }
    }

    private static String key(String username) {
        String k = username == null ? "" : username.strip();
        return k.length() > KEY_LENGTH ? k.substring(0, KEY_LENGTH) : k;
    }

    private static String shown(String username) {
        String k = key(username);
        return k.length() > 64 ? k.substring(0, 64) + "\u2026" : k;
    }

    /** {@code 30 s}, {@code 2 min}, {@code 1 min 30 s}. */
    static String spoken(Duration d) {
        long s = Math.max(1, (d.toMillis() + 999) / 1000);
        if (s < 60) {
            return s + " s";
        }
        return s % 60 == 0 ? s / 60 + " min" : s / 60 + " min " + s % 60 + " s";
    }
}
