package com.supportdesk.mail;

import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-ID normalisation: every id is returned as {@code <local@domain>} without white space. */
public final class MessageIds {

    /** Domain of synthesized ids; {@code .invalid} can never be a real mail domain (RFC 2606). */
    public static final String SYNTHETIC_DOMAIN = "supportdesk.invalid";

    private static final Pattern BRACKETED = Pattern.compile("<([^<>]*)>");
    private static final Pattern COMMENT = Pattern.compile("\\([^()]*\\)");
    private static final Pattern TOKEN_SEPARATOR = Pattern.compile("[\\s,;]+");
    private static final Pattern SPACE_OR_CONTROL = Pattern.compile("[\\s\\p{Cntrl}]");

    private MessageIds() {
    }

    /** The first id in a Message-ID or In-Reply-To header, if there is a usable one. */
    public static Optional<String> normalize(String raw) {
        List<String> ids = parseList(raw);
        return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
    }

    /**
     * All ids in a References-style header, in order, without duplicates. Bracketed ids are taken as
     * they are; a header without brackets is split on white space and commas, and tokens with an
     * {@code @} are taken.
     */
    public static List<String> parseList(String raw) {
        if (raw == null) {
            return List.of();
        }
        String text = HeaderText.unfold(HeaderText.recover8bit(raw));
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = BRACKETED.matcher(text);
        while (m.find()) {
            addId(ids, m.group(1));
        }
        if (ids.isEmpty()) {
            for (String token : TOKEN_SEPARATOR.split(COMMENT.matcher(text).replaceAll(" "))) {
                String t = token.replace("<", "").replace(">", "");
                if (t.indexOf('@') > 0) {
                    addId(ids, t);
                }
            }
        }
        return List.copyOf(ids);
    }

    private static void addId(Set<String> ids, String inner) {
        String id = SPACE_OR_CONTROL.matcher(inner).replaceAll("");
        if (!id.isEmpty() && !id.equals("@")) {
            ids.add("<" + id + ">");
        }
    }

    /** {@code <sha256-HEX@supportdesk.invalid>} for the given SHA-256 digest of the raw message. */
    public static String synthesize(byte[] sha256) {
        return "<sha256-" + HexFormat.of().formatHex(sha256) + "@" + SYNTHETIC_DOMAIN + ">";
    }
}
