package com.supportdesk.mail;

import java.util.List;

/** Safe plain text: one kind of line break, no control characters, no trailing blanks. */
final class PlainText {

    private PlainText() {
    }

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
        return out.toString().replaceAll("[ \t]+\n", "\n").replaceAll("\n{4,}", "\n\n\n");
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
}
