package com.supportdesk.phone;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The console's form state as stored with a call draft ({@code phone_call.draft_state}): one
 * {@code key=value} line per field, with backslash escapes. Decoding is lenient — an unknown key, a
 * garbled line or a value of the wrong type is ignored, so a draft written by another version still
 * comes back with whatever can be read.
 */
public final class DraftState {

    /** Longest value kept; the column holds 8000 characters in all. */
    static final int VALUE_MAX = 1500;

    private final Map<String, String> values = new LinkedHashMap<>();

    public DraftState put(String key, Object value) {
        if (key == null || key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("bad key " + key);
        }
        if (value == null) {
            values.remove(key);
        } else {
            String v = value instanceof Enum<?> e ? e.name() : value.toString();
            values.put(key, v.length() > VALUE_MAX ? v.substring(0, VALUE_MAX) : v);
        }
        return this;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String text(String key) {
        return values.getOrDefault(key, "");
    }

    public Long longValue(String key) {
        String v = values.get(key);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public boolean flag(String key, boolean otherwise) {
        String v = values.get(key);
        return v == null ? otherwise : Boolean.parseBoolean(v);
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E otherwise) {
        String v = values.get(key);
        if (v == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }

    public String encode() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> sb.append(k).append('=').append(escape(v)).append('\n'));
        return sb.toString();
    }

    public static DraftState decode(String text) {
        DraftState s = new DraftState();
        if (text == null) {
            return s;
        }
        for (String line : text.split("\n")) {
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            s.values.put(line.substring(0, eq), unescape(line.substring(eq + 1)));
        }
        return s;
    }

    private static String escape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            switch (ch) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String unescape(String v) {
        StringBuilder sb = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char ch = v.charAt(i);
            if (ch == '\\' && i + 1 < v.length()) {
                char next = v.charAt(++i);
                sb.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "DraftState" + values;
    }
}
