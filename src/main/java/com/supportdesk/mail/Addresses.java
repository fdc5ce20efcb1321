package com.supportdesk.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lenient address-list parsing: whatever looks like an address is kept, garbage is skipped. */
final class Addresses {

    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"(),;:\\[\\]]+@[^\\s<>\"(),;:\\[\\]]+");

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
        if (!EMAIL.matcher(address).matches()) {
            return;
        }
        String name = ia.getPersonal();
        found.putIfAbsent(address.toLowerCase(Locale.ROOT),
                new MailAddress(address, displayName(name, address)));
    }

    /** Fallback for headers the address parser rejects: pick out anything shaped like an address. */
    private static void scan(Map<String, MailAddress> found, String value) {
        Matcher m = EMAIL.matcher(value);
        List<String> addresses = new ArrayList<>();
        int firstStart = -1;
        while (m.find()) {
            firstStart = firstStart < 0 ? m.start() : firstStart;
            addresses.add(m.group());
        }
        // a display name is only guessed when there is exactly one address
        String name = addresses.size() == 1 ? value.substring(0, firstStart).replaceAll("[<\"]", " ") : "";
        for (String address : addresses) {
            found.putIfAbsent(address.toLowerCase(Locale.ROOT), new MailAddress(address, displayName(name, address)));
        }
    }

    private static String displayName(String name, String address) {
        if (name == null) {
            return "";
        }
        String decoded = HeaderText.clean(EncodedWords.decode(name));
        decoded = decoded.replaceAll("^[\"'\\s]+|[\"'\\s]+$", "");
        return decoded.equalsIgnoreCase(address) ? "" : decoded;
    }
}
