package com.supportdesk.mail;

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

    /** Up to {@code count} non-empty lines from the top of the text. */
    static java.util.List<String> firstLines(String text, int count) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).limit(count).toList();
    }
}
