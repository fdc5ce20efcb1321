package com.supportdesk.mail;

import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Recognises automated mail from its headers, structure and subject (docs/mail.md; RFC 3834).
 * Checked in this order, first match wins: loop, bounce, auto-reply, list, bulk.
 */
final class AutomationRules {

    /** Header of our own outgoing mail (see {@link ReplyBuilder}); its presence on inbound mail is a loop. */
    static final String TICKET_HEADER = "X-SupportDesk-Ticket";

    private static final Pattern WHITESPACE = Pattern.compile("\\s");
    private static final Pattern DAEMON_SENDER = Pattern.compile(
            "(?<![\\w.-])(?:mailer-daemon|mailerdaemon|postmaster|mail delivery (?:sub)?system)(?![\\w-])",
            Pattern.CASE_INSENSITIVE);

    /**
     * What the parser found in the message structure.
     *
     * @param rawFrom            the From header, unparsed (bounces often have an unparseable one)
     * @param reportType         {@code report-type} of a top-level multipart/report, lower case, else null
     * @param deliveryStatusPart a message/delivery-status (or global-delivery-status) part was seen
     */
    record Signals(String subject, String normalizedSubject, String rawFrom, String reportType,
                   boolean deliveryStatusPart) {
    }

    private AutomationRules() {
    }

    /** @param header returns the first raw value of a header, or null */
    static AutomatedKind classify(UnaryOperator<String> header, Signals s) {
        if (header.apply(TICKET_HEADER) != null) {
            return AutomatedKind.LOOP;
        }
        boolean nullReturnPath = isNullReturnPath(header.apply("Return-Path"));
        boolean daemonSender = s.rawFrom() != null && DAEMON_SENDER.matcher(HeaderText.decode(s.rawFrom())).find();
        if (s.deliveryStatusPart() || "delivery-status".equals(s.reportType()) || daemonSender
                || (nullReturnPath && SubjectRules.looksLikeBounce(s.subject()))) {
            return AutomatedKind.BOUNCE;
        }
        if (isAutoSubmitted(header.apply("Auto-Submitted"))
                || present(header, "X-Autoreply") || present(header, "X-Autorespond")
                || present(header, "X-Autoresponder") || present(header, "X-Auto-Response-Suppress")
                || "disposition-notification".equals(s.reportType())
                || SubjectRules.looksLikeOutOfOffice(s.subject()) || SubjectRules.looksLikeOutOfOffice(s.normalizedSubject())
                || nullReturnPath) {
            return AutomatedKind.AUTO_REPLY;
        }
        String precedence = lower(header.apply("Precedence"));
        if (precedence.equals("list") || header.apply("List-Id") != null || header.apply("List-Unsubscribe") != null) {
            return AutomatedKind.LIST;
        }
        if (precedence.equals("bulk") || precedence.equals("junk") || s.reportType() != null) {
            return AutomatedKind.BULK;
        }
        return AutomatedKind.NONE;
    }

    /** RFC 3834: any value other than {@code no} (parameters and comments ignored). */
    private static boolean isAutoSubmitted(String value) {
        String v = lower(value);
        return !v.isEmpty() && !v.equals("no");
    }

    private static boolean present(UnaryOperator<String> header, String name) {
        String v = lower(header.apply(name));
        return !v.isEmpty() && !v.equals("no") && !v.equals("none") && !v.equals("false");
    }

    /**
     * The value without {@code (comments)}: each {@code (} up to the next {@code )}. One pass (the regular
     * expression {@code \([^)]*\)} rescans the rest of the value from every {@code (} that is never closed).
     */
    static String withoutComments(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            int open = value.indexOf('(', i);
            int close = open < 0 ? -1 : value.indexOf(')', open);
            if (close < 0) {
                break;
            }
            out.append(value, i, open);
            i = close + 1;
        }
        return out.append(value, i, value.length()).toString();
    }

    private static boolean isNullReturnPath(String value) {
        return value != null && WHITESPACE.matcher(value).replaceAll("").equals("<>");
    }

    /** Lower case, unfolded, without parameters after {@code ;} and without comments. */
    private static String lower(String value) {
        if (value == null) {
            return "";
        }
        String v = withoutComments(HeaderText.unfold(value));
        int semicolon = v.indexOf(';');
        return (semicolon >= 0 ? v.substring(0, semicolon) : v).trim().toLowerCase(Locale.ROOT);
    }
}
