package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Application settings shared by every desktop on the database ({@code app_setting}): plain key/value text.
 * Reading needs no rights; writing needs an admin. Values that are secrets are stored already encrypted by
 * the caller (see {@code mail.SecretBox}); this class never logs values.
 */
public final class SettingsRepository {

    static final int MAX_KEY = 200;
    static final int MAX_VALUE = 4000;

    private final Database db;

    public SettingsRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.tx(c -> get(c, key));
    }

    Optional<String> get(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM app_setting WHERE setting_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public Optional<String> get(Tx tx, String key) {
        return tx.sql(c -> get(c, key));
    }

    /** Every setting whose key starts with {@code prefix}, sorted by key. */
    public Map<String, String> byPrefix(String prefix) {
        return db.tx(c -> {
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT setting_key, setting_value FROM app_setting WHERE setting_key LIKE ? ESCAPE '\\'")) {
                ps.setString(1, prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Writes the settings in one transaction (admins only). A null value removes the key.
     *
     * @throws StoreException.AccessDenied when {@code admin} is not an admin
     * @throws StoreException.Invalid when a key or value is too long
     */
    public void putAll(Agent admin, Map<String, String> values) {
        AgentRepository.requireAdmin(admin, "change settings");
        db.run(c -> {
            for (Map.Entry<String, String> e : values.entrySet()) {
                put(c, e.getKey(), e.getValue());
            }
        });
    }

    /**
     * Reads the settings {@code keys} and writes what {@code change} returns for them, in one transaction and without
     * a rights check: for the system itself (e.g. a sign-in token the mail server's sign-in rotated). {@code change}
     * gets the current values (a missing key is absent) and returns the values to write (null removes a key; a key
     * not returned is left alone); returning an empty map writes nothing.
     *
     * @return the values written
     */
    public Map<String, String> update(Collection<String> keys,
                                      UnaryOperator<Map<String, String>> change) {
        return db.tx(c -> {
            Map<String, String> current = new TreeMap<>();
            for (String key : keys) {
                get(c, key).ifPresent(v -> current.put(key, v));
            }
            Map<String, String> writes = change.apply(Collections.unmodifiableMap(current));
            for (Map.Entry<String, String> e : writes.entrySet()) {
                put(c, e.getKey(), e.getValue());
            }
            return writes;
        });
    }

    /** Writes one setting within the caller's transaction (no rights check: for the system itself). */
    void put(Connection c, String key, String value) throws SQLException {
        if (key == null || key.isBlank() || key.length() > MAX_KEY) {
            throw new StoreException.Invalid("A setting name is 1 to " + MAX_KEY + " characters.");
        }
        if (value != null && value.length() > MAX_VALUE) {
            throw new StoreException.Invalid("The value of " + key + " is longer than " + MAX_VALUE + " characters.");
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM app_setting WHERE setting_key = ?")) {
            ps.setString(1, key);
            ps.executeUpdate();
        }
        if (value == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_setting (setting_key, setting_value) VALUES (?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, value);
            ps.executeUpdate();
        }
    }

    /** Writes one setting within the caller's transaction (no rights check: for the system itself). */
    public void put(Tx tx, String key, String value) {
        tx.run(c -> put(c, key, value));
    }
}
