package com.supportdesk.phone;

import java.util.regex.Pattern;

/**
 * The customer's OFFICIAL-SENSITIVE marking (docs/access-model.md): {@code OFFICIAL-SENSITIVE} or
 * {@code OFFICIAL SENSITIVE}, any case.
 */
public final class Markings {

    private static final Pattern MARKING = Pattern.compile("\\bOFFICIAL[-\\s_]SENSITIVE\\b", Pattern.CASE_INSENSITIVE);

    private Markings() {
    }

    public static boolean marksSensitive(String text) {
        return text != null && MARKING.matcher(text).find();
    }
}
