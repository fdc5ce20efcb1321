package com.supportdesk.mail;

import java.util.Map;

/**
 * Lenient MIME parsing settings for Jakarta Mail (Angus Mail).
 *
 * <p>Jakarta Mail reads most of these system properties in static initialisers, so they must be set
 * before the first Jakarta Mail class is loaded. {@link MailParser}, {@link ImapMailbox},
 * {@link SmtpSender} and {@link ReplyBuilder} call {@link #install()} from their static
 * initialisers; an application entry point should call it first thing as well.
 *
 * <p>A property that is already set (for example on the command line) is left alone, so an
 * administrator can still override a value.
 */
public final class MailSystemProperties {

    /** The lenient values; all are documented Jakarta Mail / Angus Mail properties. */
    static final Map<String, String> LENIENT = Map.ofEntries(
            // accept multipart bodies with no parts, and missing or wrong boundaries
            Map.entry("mail.mime.multipart.allowempty", "true"),
            Map.entry("mail.mime.multipart.ignoremissingendboundary", "true"),
            Map.entry("mail.mime.multipart.ignoremissingboundaryparameter", "true"),
            // Content-Type / Content-Disposition parameters: no strict syntax, RFC 2231, odd filenames
            Map.entry("mail.mime.parameters.strict", "false"),
            Map.entry("mail.mime.decodeparameters", "true"),
            Map.entry("mail.mime.decodeparameters.strict", "false"),
            Map.entry("mail.mime.contentdisposition.strict", "false"),
            Map.entry("mail.mime.applefilenames", "true"),
            Map.entry("mail.mime.windowsfilenames", "true"),
            Map.entry("mail.mime.decodefilename", "true"),
            // broken transfer encodings are decoded as far as possible instead of failing
            Map.entry("mail.mime.base64.ignoreerrors", "true"),
            Map.entry("mail.mime.uudecode.ignoreerrors", "true"),
            Map.entry("mail.mime.uudecode.ignoremissingbeginend", "true"),
            Map.entry("mail.mime.ignoreunknownencoding", "true"),
            Map.entry("mail.mime.ignoremultipartencoding", "true"),
            Map.entry("mail.mime.allowencodedmessages", "true"),
            // a line of white space between headers and body still ends the headers
            Map.entry("mail.mime.ignorewhitespacelines", "true"),
            // RFC 2047 words inside other words, malformed addresses
            Map.entry("mail.mime.decodetext.strict", "false"),
            Map.entry("mail.mime.address.strict", "false"),
            Map.entry("mail.mime.address.ignorebogusgroupname", "true"));

    /**
     * Names Angus Mail's stream provider outright. Jakarta Mail 2.1 looks the provider up again for every header block,
     * multipart and decoded part it makes; without this property each lookup is a {@code ServiceLoader} search of every
     * jar on the class path (about a sixth of the CPU time of parsing support mail, measured for issue 17), with it a
     * class lookup by name.
     */
    static final Map<String, String> PROVIDERS = Map.of(
            "jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");

    private MailSystemProperties() {
    }

    /** Sets every lenient property (and the provider) that is not already set. Safe to call any number of times. */
    public static void install() {
        LENIENT.forEach(MailSystemProperties::setUnlessSet);
        PROVIDERS.forEach(MailSystemProperties::setUnlessSet);
    }

    private static void setUnlessSet(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
