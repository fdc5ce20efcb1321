package com.supportdesk.mail;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Safe plain text: one kind of line break, no control characters, no trailing blanks.
 *
 * <p>Every method here makes one pass over its input (no regular expressions that can backtrack), so the time
 * grows with the length of the text and nothing else: a body of a million spaces is as quick as a million
 * letters.
 */
final class PlainText {

    private PlainText() {
    }

    /** Line breaks unified to LF, control characters (but tab) and BOMs removed, then {@link #tidy(CharSequence, int)} with 3. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                out.append('\n');
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
            } else if (c == '\n' || c == '\t' || !(Character.isISOControl(c) || c == '\uFEFF')) {
                out.append(c);
            }
        }
        return tidy(out, 3);
    }

    /**
     * Spaces and tabs in front of a line break dropped, and runs of more than {@code maxBreaks} line breaks cut to
     * {@code maxBreaks}. Blanks at the very end (not followed by a line break) are kept.
     */
    static String tidy(CharSequence text, int maxBreaks) {
        StringBuilder out = new StringBuilder(text.length());
        int blanksFrom = -1; // where the run of spaces and tabs at the end of out starts, or -1
        int breaks = 0;      // line breaks in a row at the end of out
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t') {
                if (blanksFrom < 0) {
                    blanksFrom = out.length();
                }
                out.append(c);
                continue;
            }
            if (c == '\n') {
                if (blanksFrom >= 0) {
                    out.setLength(blanksFrom);
                }
                blanksFrom = -1;
                if (++breaks <= maxBreaks) {
                    out.append('\n');
                }
                continue;
            }
            blanksFrom = -1;
            breaks = 0;
            out.append(c);
        }
        return out.toString();
    }

    /** The text cut to {@code maxChars}, with a note when it was cut. */
    static String cut(String text, int maxChars, List<String> notes) {
        if (text.length() <= maxChars) {
            return text;
        }
        notes.add("The message text was longer than " + maxChars + " characters and was cut.");
        return text.substring(0, maxChars);
    }

    /** Up to {@code count} non-empty lines from the top of the text. */
    static List<String> firstLines(String text, int count) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).limit(count).toList();
    }

    /** The text without leading and trailing characters that {@code strip} says to drop; one pass from each end. */
    static String trim(String text, IntPredicate strip) {
        int start = 0;
        int end = text.length();
        while (start < end && strip.test(text.charAt(start))) {
            start++;
        }
        while (end > start && strip.test(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }
}
