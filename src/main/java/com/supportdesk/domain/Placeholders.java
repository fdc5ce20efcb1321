package com.supportdesk.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The placeholders of saved replies and signatures: {@code {{first_name}}} and the others of {@link Placeholder}
 * (spaces inside the braces and any case are allowed: {@code {{ First_Name }}}). A text is checked when it is saved
 * ({@link #problem}), so that an unknown placeholder is refused then and not when the reply is sent, and filled for a
 * ticket when it is inserted ({@link #fill}).
 */
public final class Placeholders {

    private Placeholders() {
    }

    /** One placeholder found in a text: where it starts and ends, what was written, and which it is (null: unknown). */
    record Found(int start, int end, String written, Placeholder placeholder) {
    }

    /**
     * What is wrong with the placeholders of a text, in one sentence, or empty when every one is known. Says which
     * were not understood and lists the ones there are.
     */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int open = unclosed(text);
        if (open >= 0) {
            String around = text.substring(open, Math.min(text.length(), open + 24)).replace('\n', ' ');
            return Optional.of("The placeholder starting \u201c" + around + "\u201d is not closed with }}. Placeholders are "
                    + list() + ".");
        }
        List<String> unknown = scan(text).stream().filter(f -> f.placeholder() == null).map(Found::written).distinct()
                .toList();
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((unknown.size() == 1 ? unknown.get(0) + " is not a placeholder" : String.join(", ", unknown)
                + " are not placeholders") + ". Placeholders are " + list() + ".");
    }

    /** The text with every known placeholder replaced by its value (a missing value becomes nothing). */
    public static String fill(String text, Map<Placeholder, String> values) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        StringBuilder out = new StringBuilder(text.length() + 64);
        int at = 0;
        for (Found f : scan(text)) {
            out.append(text, at, f.start());
            if (f.placeholder() == null) {
                out.append(f.written());
            } else {
                String v = values.get(f.placeholder());
                out.append(v == null ? "" : v);
            }
            at = f.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** Every placeholder as written in a body, comma-separated: "{{first_name}}, {{contact_name}}, …". */
    public static String list() {
        return Arrays.stream(Placeholder.values()).map(Placeholder::token).collect(Collectors.joining(", "));
    }

    /** One line per placeholder, "{{first_name}}  the contact's first name", for help texts. */
    public static String help() {
        int width = Arrays.stream(Placeholder.values()).mapToInt(p -> p.token().length()).max().orElse(0);
        return Arrays.stream(Placeholder.values())
                .map(p -> String.format("%-" + width + "s  %s", p.token(), p.description()))
                .collect(Collectors.joining("\n"));
    }

    static List<Found> scan(String text) {
        List<Found> out = new ArrayList<>();
        int i = text.indexOf("{{");
        while (i >= 0) {
            int close = text.indexOf("}}", i + 2);
            if (close < 0) {
                break;
            }
            int inner = text.lastIndexOf("{{", close);
            String name = text.substring(inner + 2, close).strip();
            out.add(new Found(inner, close + 2, text.substring(inner, close + 2), Placeholder.byKey(name).orElse(null)));
            i = text.indexOf("{{", close + 2);
        }
        return out;
    }

    /** Where a "{{" starts that no "}}" closes, or -1. */
    private static int unclosed(String text) {
        int i = text.indexOf("{{");
        while (i >= 0) {
            int close = text.indexOf("}}", i + 2);
            int next = text.indexOf("{{", i + 2);
            if (close < 0 || (next >= 0 && next < close)) {
                return i;
            }
            i = text.indexOf("{{", close + 2);
        }
        return -1;
    }
}
