package com.supportdesk.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lenient address-list parsing: whatever looks like an address is kept, garbage is skipped. An address is a run of
 * characters without white space or {@code <>"(),;:[]} with an {@code @} that has something on both sides; runs are
 * found in one pass (a regular expression for them backtracks quadratically through a long run without {@code @}).
 */
final class Addresses {

    private static final String SEPARATORS = "<>\"(),;:[]";

    private Addresses() {
    }

    /** All addresses in one or more header values (joined with commas), in order, without duplicates. */
    static List<MailAddress> parse(String rawHeader) {
        return parse(rawHeader, null);
    }

    /** As {@link #parse(String)}, guessing {@code bodyCharset} for raw 8-bit bytes that are not UTF-8. */
    static List<MailAddress> parse(String rawHeader, String bodyCharset) {
        if (rawHeader == null || rawHeader.isBlank()) {
            return List.of();
        }
        String value = HeaderText.unfold(HeaderText.recover8bit(rawHeader, bodyCharset));
        Map<String, MailAddress> found = new LinkedHashMap<>();
        try {
            for (InternetAddress ia : InternetAddress.parseHeader(value, false)) {
                addParsed(found, ia);
            }
        } catch (AddressException | RuntimeException garbage) {
            found.clear();
        }
        if (found.isEmpty()) {
            scan(found, value);
        }
        return List.copyOf(found.values());
    }

    private static void addParsed(Map<String, MailAddress> found, InternetAddress ia) throws AddressException {
        if (ia.isGroup()) {
            for (InternetAddress member : ia.getGroup(false)) {
                addParsed(found, member);
            }
            return;
        }
        String address = ia.getAddress() == null ? "" : ia.getAddress().trim();
        if (!isAddress(address, 0, address.length())) {
            return;
        }
        String name = ia.getPersonal();
        found.putIfAbsent(address.toLowerCase(Locale.ROOT),
                new MailAddress(address, displayName(name, address)));
    }

    /** Fallback for headers the address parser rejects: pick out anything shaped like an address. */
    private static void scan(Map<String, MailAddress> found, String value) {
        List<String> addresses = new ArrayList<>();
        int firstStart = -1;
        for (int start = 0; start < value.length(); ) {
            if (isSeparator(value.charAt(start))) {
                start++;
                continue;
            }
            int end = start;
            while (end < value.length() && !isSeparator(value.charAt(end))) {
                end++;
            }
            if (isAddress(value, start, end)) {
                firstStart = firstStart < 0 ? start : firstStart;
                addresses.add(value.substring(start, end));
            }
            start = end;
        }
        // a display name is only guessed when there is exactly one address
        String name = addresses.size() == 1 ? value.substring(0, firstStart).replace('<', ' ').replace('"', ' ') : "";
        for (String address : addresses) {
            found.putIfAbsent(address.toLowerCase(Locale.ROOT), new MailAddress(address, displayName(name, address)));
        }
    }

    private static String displayName(String name, String address) {
        if (name == null) {
            return "";
        }
        String decoded = HeaderText.clean(EncodedWords.decode(name));
        decoded = PlainText.trim(decoded, c -> c == '"' || c == '\'' || Character.isWhitespace(c));
        return decoded.equalsIgnoreCase(address) ? "" : decoded;
    }

    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || SEPARATORS.indexOf(c) >= 0;
    }

    /** {@code text[start, end)} has no separator and an {@code @} with at least one character on each side. */
    private static boolean isAddress(String text, int start, int end) {
        boolean at = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                return false;
            }
            at |= c == '@' && i > start && i < end - 1;
        }
        return at;
    }
}
