package com.supportdesk.mail;

import com.supportdesk.domain.Severity;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a subject line (and the top of a body) says: ticket tag, severity, marking, reply prefixes. */
final class SubjectRules {

    /**
     * {@code Re:}, {@code AW:}, {@code Fwd:} … with optional counters such as {@code Re[2]:} or {@code Re^2:}.
     * White space is matched possessively ({@code \\s*+}): two runs of it side by side would otherwise be
     * tried in every split, which is quadratic in the length of a long run of blanks.
     */
    private static final Pattern REPLY_PREFIX = Pattern.compile(
            "\\s*+(?:re|aw|sv|vs|fwd?|wg|antw|tr|rv|odp|rif|r|ref)\\s*+(?:\\[\\d++]|\\(\\d++\\)|\\^\\d++)?\\s*+[:：]\\s*+",
            Pattern.CASE_INSENSITIVE);

    /**
     * A clear severity marking as a whole word: {@code Severity 1}, {@code Sev1}, {@code Sev-2},
     * {@code Priority: 1}, {@code S1}, {@code P1}, {@code [S2]}. A single-letter {@code S}/{@code P}
     * must touch its digit, so "S 1" in running text, "SP1", "S12", "P100" or "ISO 9001" are not markings.
     */
    private static final Pattern SEVERITY = Pattern.compile(
            "(?<![\\p{L}\\p{N}_])(?:(?:severity|sev|priority|prio)\\s*+[-:#.]?\\s*+([123])|[sp]([123]))(?![\\p{L}\\p{N}_])",
            Pattern.CASE_INSENSITIVE);

    /** Out-of-office wording at the start of a subject; ambiguous words ("absence", "vacation") are left out. */
    private static final Pattern OUT_OF_OFFICE = Pattern.compile(
            "^\\s*+(?:out of (?:the )?office|automatic reply|auto[- ]?reply|auto[- ]?response|automatische antwort"
                    + "|abwesenheitsnotiz|r[ée]ponse automatique|respuesta autom[aá]tica|risposta automatica"
                    + "|automatisch antwoord|automatiskt svar|autosvar|frav[æa]rsmelding)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern BOUNCE = Pattern.compile(
            "^\\s*+(?:undeliverable|undelivered mail|delivery status notification|delivery failure|mail delivery failed"
                    + "|returned mail|failure notice|delivery has failed|message not delivered|non[- ]?delivery"
                    + "|unzustellbar|nicht zustellbar|non remis|onbestelbaar)",
            Pattern.CASE_INSENSITIVE);

    private final Pattern tag;
    private final String tagPrefix;

    SubjectRules(String tagPrefix) {
        this.tagPrefix = tagPrefix.toUpperCase(Locale.ROOT);
        this.tag = Pattern.compile("\\[\\s*+" + Pattern.quote(tagPrefix) + "\\s*+-\\s*+(\\d{1,12})\\s*+]",
                Pattern.CASE_INSENSITIVE);
    }

    /** The ticket reference of the first {@code [SD-n]} tag, as {@code SD-n} (leading zeros dropped). */
    Optional<String> ticketRef(String subject) {
        Matcher m = tag.matcher(subject);
        return m.find() ? Optional.of(tagPrefix + "-" + Long.parseLong(m.group(1))) : Optional.empty();
    }

    /**
     * Subject without reply/forward prefixes and ticket tags (both repeatedly), spaces collapsed. The prefixes are
     * skipped with one matcher moving along the subject, so a subject of a million {@code Re:} is one pass.
     */
    String normalize(String subject) {
        String s = tag.matcher(subject).replaceAll(" ");
        Matcher m = REPLY_PREFIX.matcher(s);
        int start = 0;
        while (start < s.length() && m.region(start, s.length()).lookingAt() && m.end() > start) {
            start = m.end();
        }
        return HeaderText.clean(s.substring(start));
    }

    /** The subject with a ticket tag, e.g. {@code [SD-12]}. */
    String tagFor(String ticketRef) {
        return "[" + ticketRef.toUpperCase(Locale.ROOT) + "]";
    }

    /** The most severe clear marking in the subject (a support desk errs towards urgency). */
    static Optional<Severity> severity(String subject) {
        Matcher m = SEVERITY.matcher(subject);
        int best = Integer.MAX_VALUE;
        while (m.find()) {
            String digit = m.group(1) != null ? m.group(1) : m.group(2);
            best = Math.min(best, Integer.parseInt(digit));
        }
        return best == Integer.MAX_VALUE ? Optional.empty() : Optional.of(Severity.of(best));
    }

    static boolean hasSensitiveMarking(String text) {
        return MarkingScan.marked(text);
    }

    static boolean looksLikeOutOfOffice(String subject) {
        return OUT_OF_OFFICE.matcher(subject).find();
    }

    static boolean looksLikeBounce(String subject) {
        return BOUNCE.matcher(subject).find();
    }
}
