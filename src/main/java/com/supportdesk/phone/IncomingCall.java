package com.supportdesk.phone;

import com.supportdesk.domain.PhoneNumbers;
import com.supportdesk.store.ContactRepository.ContactMatch;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A call that is ringing now, as a softphone or PBX client reports it ({@code support-desk call --from NUMBER [--to
 * NUMBER] [--name NAME]}, or a {@code tel:}/{@code callto:}/{@code sip:} link): who calls, which of our numbers they
 * dialled, the name the phone system shows, and the moment of the call — the call console's timer, and so a new
 * ticket's <em>received</em>, start there, however long the desk takes to come forward.
 *
 * @param from the caller's number as the phone system gives it ({@code +442079460018}, {@code 020 7946 0018},
 *             {@code 2001} for an internal extension), or empty for a withheld number
 * @param to   the number that was dialled (our support line), or null
 * @param name the caller's name as the phone system shows it, or null
 * @param at   when the call came in
 */
public record IncomingCall(String from, String to, String name, Instant at) {

    /** Longest number or name taken from a phone system (a longer one is cut, never refused). */
    public static final int MAX_TEXT = 100;
    /** The link schemes the installers register and the desk reads. */
    public static final List<String> SCHEMES = List.of("tel", "callto", "sip");

    public IncomingCall {
        from = clean(from);
        to = blankToNull(clean(to));
        name = blankToNull(clean(name));
        if (at == null) {
            throw new IllegalArgumentException("An incoming call needs the time it came in.");
        }
        if (isWithheld(from)) {
            from = "";
        }
    }

    /** True when the phone system gave no usable number ("anonymous", "withheld", nothing). */
    public boolean withheld() {
        return from.isEmpty();
    }

    /** True when the number looks like one the console can look up. */
    public boolean lookupable() {
        return !from.isEmpty() && PhoneNumbers.looksLikePhone(from);
    }

    /** "+44 20 7946 0018 (Gail Gov) to +44 20 7946 0000", "a withheld number". */
    public String describe() {
        StringBuilder sb = new StringBuilder(withheld() ? "a withheld number" : from);
        if (name != null) {
            sb.append(" (").append(name).append(')');
        }
        if (to != null) {
            sb.append(" to ").append(to);
        }
        return sb.toString();
    }

    /**
     * True when {@code match} is the caller itself: the whole number, read in the contact's own region (else the
     * desk's {@code defaultRegion}), is the contact's number. The console then picks them at once.
     */
    public boolean isNumberOf(ContactMatch match, String defaultRegion) {
        if (!lookupable() || match == null || match.contact().phoneE164() == null) {
            return false;
        }
        String region = match.contact().region() != null ? match.contact().region() : defaultRegion;
        return PhoneNumbers.tryParse(from, region).map(n -> n.e164().equals(match.contact().phoneE164())).orElse(false);
    }

    /** The call's fields for the desk's local request channel. */
    public Map<String, String> toArgs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("from", from);
        if (to != null) {
            m.put("to", to);
        }
        if (name != null) {
            m.put("name", name);
        }
        m.put("at", at.toString());
        return m;
    }

    /** Reads {@link #toArgs()} back; a missing or unreadable time is "now". */
    public static IncomingCall fromArgs(Map<String, String> args, Instant now) {
        Instant at = now;
        String when = args.get("at");
        if (when != null) {
            try {
                at = Instant.parse(when);
            } catch (DateTimeParseException e) {
                at = now;
            }
        }
        return new IncomingCall(args.get("from"), args.get("to"), args.get("name"), at);
    }

    /** True when a program argument is a phone link ({@code tel:…}, {@code callto:…}, {@code sip:…}). */
    public static boolean isLink(String arg) {
        return scheme(arg).isPresent();
    }

    /**
     * The number in a phone link: {@code tel:+44-20-7946-0018}, {@code tel:%2B44%2020%207946%200018},
     * {@code callto://+442079460018}, {@code sip:+442079460018@pbx.example;user=phone}. Parameters after {@code ;} and
     * {@code ?} are dropped, except an extension ({@code ;ext=23}), which is kept as typed.
     */
    public static String numberOf(String link) {
        String scheme = scheme(link).orElseThrow(() -> new IllegalArgumentException("Not a phone link: " + link));
        String rest = link.strip().substring(scheme.length() + 1);
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int q = rest.indexOf('?');
        if (q >= 0) {
            rest = rest.substring(0, q);
        }
        try {
            rest = URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a stray % is kept as it is
        }
        if (scheme.equals("sip")) {
            int at = rest.indexOf('@');
            if (at >= 0) {
                rest = rest.substring(0, at);
            }
        }
        String ext = null;
        String[] parts = rest.split(";");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].toLowerCase(Locale.ROOT).startsWith("ext=")) {
                ext = parts[i].substring(4);
            }
        }
        String number = parts[0].replaceAll("/+$", "").strip();
        return ext == null || ext.isBlank() ? number : number + " ext. " + ext.strip();
    }

    private static Optional<String> scheme(String arg) {
        if (arg == null) {
            return Optional.empty();
        }
        String lower = arg.strip().toLowerCase(Locale.ROOT);
        return SCHEMES.stream().filter(s -> lower.startsWith(s + ":")).findFirst();
    }

    private static boolean isWithheld(String from) {
        String f = from.toLowerCase(Locale.ROOT);
        return f.isEmpty() || f.equals("anonymous") || f.equals("withheld") || f.equals("private") || f.equals("unknown")
                || f.equals("restricted");
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), MAX_TEXT));
        s.strip().codePoints().filter(cp -> !Character.isISOControl(cp)).limit(MAX_TEXT).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
