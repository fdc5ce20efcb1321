package com.supportdesk.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.store.SettingsRepository;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves {@link MailSettings} in the shared {@code app_setting} table under {@code mail.*}. Passwords
 * are stored encrypted with the local {@link SecretBox}, never in plain text; nothing here logs a value.
 */
public final class MailSettingsService {

    private static final Logger LOG = LoggerFactory.getLogger(MailSettingsService.class);

    static final String PREFIX = "mail.";
    static final String IMAP_HOST = "mail.imap.host";
    static final String IMAP_PORT = "mail.imap.port";
    static final String IMAP_TLS = "mail.imap.tls";
    static final String IMAP_USER = "mail.imap.user";
    static final String IMAP_PASSWORD = "mail.imap.password";
    static final String IMAP_FOLDER = "mail.imap.folder";
    static final String IMAP_AFTER = "mail.imap.afterImport";
    static final String IMAP_MOVE_TO = "mail.imap.moveTo";
    static final String SMTP_HOST = "mail.smtp.host";
    static final String SMTP_PORT = "mail.smtp.port";
    static final String SMTP_TLS = "mail.smtp.tls";
    static final String SMTP_USER = "mail.smtp.user";
    static final String SMTP_PASSWORD = "mail.smtp.password";
    static final String SMTP_FROM = "mail.smtp.fromAddress";
    static final String SMTP_FROM_NAME = "mail.smtp.fromName";
    static final String ACK = "mail.ack.enabled";
    static final String FETCH_IN_DESKTOP = "mail.intake.desktop";

    private static final List<String> IMAP_KEYS = List.of(IMAP_HOST, IMAP_PORT, IMAP_TLS, IMAP_USER, IMAP_PASSWORD,
            IMAP_FOLDER, IMAP_AFTER, IMAP_MOVE_TO);
    private static final List<String> SMTP_KEYS = List.of(SMTP_HOST, SMTP_PORT, SMTP_TLS, SMTP_USER, SMTP_PASSWORD,
            SMTP_FROM, SMTP_FROM_NAME);

    private final SettingsRepository settings;
    private final SecretBox secrets;

    public MailSettingsService(SettingsRepository settings, SecretBox secrets) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    /** The settings of this store, with the password key in the store's local data folder. */
    public static MailSettingsService of(Store store) {
        return new MailSettingsService(store.settings(), SecretBox.inFolder(store.database().location().dataDir()));
    }

    public SecretBox secrets() {
        return secrets;
    }

    /**
     * The saved settings. Never fails: a part that cannot be read (a value out of range, a password saved on
     * another computer) is left out or blank and explained in {@link MailSettings#warning()}.
     */
    public MailSettings load() {
        Map<String, String> v = settings.byPrefix(PREFIX);
        List<String> problems = new ArrayList<>();
        ImapSettings imap = null;
        if (present(v, IMAP_HOST)) {
            try {
                TlsMode tls = TlsMode.parse(v.getOrDefault(IMAP_TLS, "ssl"));
                AfterImport after = "move".equalsIgnoreCase(v.get(IMAP_AFTER)) ? AfterImport.MOVE : AfterImport.MARK_SEEN;
                imap = new ImapSettings(v.get(IMAP_HOST), port(v.get(IMAP_PORT), ImapSettings.defaultPort(tls)), tls,
                        v.get(IMAP_USER), password(v, IMAP_PASSWORD, "IMAP", problems), v.get(IMAP_FOLDER), after,
                        v.get(IMAP_MOVE_TO));
            } catch (IllegalArgumentException e) {
                problems.add("The saved IMAP settings are incomplete (" + e.getMessage() + ").");
            }
        }
        SmtpSettings smtp = null;
        if (present(v, SMTP_HOST)) {
            try {
                TlsMode tls = TlsMode.parse(v.getOrDefault(SMTP_TLS, "starttls"));
                smtp = new SmtpSettings(v.get(SMTP_HOST), port(v.get(SMTP_PORT), SmtpSettings.defaultPort(tls)), tls,
                        v.get(SMTP_USER), password(v, SMTP_PASSWORD, "SMTP", problems), v.get(SMTP_FROM),
                        v.get(SMTP_FROM_NAME));
            } catch (IllegalArgumentException e) {
                problems.add("The saved SMTP settings are incomplete (" + e.getMessage() + ").");
            }
        }
        boolean ack = Boolean.parseBoolean(v.getOrDefault(ACK, "false"));
        boolean desktop = Boolean.parseBoolean(v.getOrDefault(FETCH_IN_DESKTOP, "true"));
        return new MailSettings(imap, smtp, ack, desktop, problems.isEmpty() ? null : String.join(" ", problems));
    }

    /**
     * Saves the settings (admins only) in one transaction. A null IMAP or SMTP part removes it. Passwords are
     * encrypted; an empty password is saved as none.
     *
     * @throws StoreException.AccessDenied for anyone but an admin
     */
    public void save(Agent admin, MailSettings s) {
        if (admin == null || !admin.admin()) {
            throw new StoreException.AccessDenied("Only an admin may change the mail settings.");
        }
        Map<String, String> values = new LinkedHashMap<>();
        IMAP_KEYS.forEach(k -> values.put(k, null));
        SMTP_KEYS.forEach(k -> values.put(k, null));
        ImapSettings imap = s.imap();
        if (imap != null) {
            values.put(IMAP_HOST, imap.host());
            values.put(IMAP_PORT, String.valueOf(imap.port()));
            values.put(IMAP_TLS, imap.tls().name().toLowerCase(Locale.ROOT));
            values.put(IMAP_USER, imap.user());
            values.put(IMAP_PASSWORD, encrypt(imap.password(), IMAP_PASSWORD));
            values.put(IMAP_FOLDER, imap.folder());
            values.put(IMAP_AFTER, imap.afterImport() == AfterImport.MOVE ? "move" : "seen");
            values.put(IMAP_MOVE_TO, imap.moveToFolder());
        }
        SmtpSettings smtp = s.smtp();
        if (smtp != null) {
            values.put(SMTP_HOST, smtp.host());
            values.put(SMTP_PORT, String.valueOf(smtp.port()));
            values.put(SMTP_TLS, smtp.tls().name().toLowerCase(Locale.ROOT));
            values.put(SMTP_USER, smtp.user());
            values.put(SMTP_PASSWORD, encrypt(smtp.password(), SMTP_PASSWORD));
            values.put(SMTP_FROM, smtp.fromAddress());
            values.put(SMTP_FROM_NAME, smtp.fromName().isEmpty() ? null : smtp.fromName());
        }
        values.put(ACK, String.valueOf(s.acknowledge()));
        values.put(FETCH_IN_DESKTOP, String.valueOf(s.fetchInDesktop()));
        settings.putAll(admin, values);
        LOG.info("Mail settings saved by {} (IMAP {}, SMTP {}, acknowledgements {})", admin.username(),
                imap == null ? "off" : imap.account(), smtp == null ? "off" : smtp.account(), s.acknowledge() ? "on" : "off");
    }

    private String encrypt(String password, String key) {
        if (password == null || password.isEmpty()) {
            return null;
        }
        try {
            return secrets.encrypt(password, key);
        } catch (SecretBox.SecretException e) {
            throw new StoreException(e.getMessage(), e);
        }
    }

    private String password(Map<String, String> v, String key, String what, List<String> problems) {
        String stored = v.get(key);
        if (stored == null || stored.isEmpty()) {
            return "";
        }
        try {
            return secrets.decrypt(stored, key);
        } catch (SecretBox.SecretException e) {
            problems.add("The " + what + " password: " + lowerFirst(e.getMessage()));
            return "";
        }
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static boolean present(Map<String, String> v, String key) {
        return v.get(key) != null && !v.get(key).isBlank();
    }

    private static int port(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port '" + value + "' is not a number", e);
        }
    }
}
