package com.supportdesk.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.mail.oauth.OAuthClient;
import com.supportdesk.mail.oauth.OAuthProvider;
import com.supportdesk.store.SettingsRepository;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads and saves {@link MailSettings} in the shared {@code app_setting} table under {@code mail.*}. Passwords, the
 * OAuth refresh token and client secret are stored encrypted with the local {@link SecretBox}, never in plain text;
 * nothing here logs a secret.
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
    static final String IMAP_AUTH = "mail.imap.auth";
    static final String SMTP_AUTH = "mail.smtp.auth";
    static final String OAUTH_PROVIDER = "mail.oauth.provider";
    static final String OAUTH_TENANT = "mail.oauth.tenant";
    static final String OAUTH_CLIENT_ID = "mail.oauth.clientId";
    static final String OAUTH_CLIENT_SECRET = "mail.oauth.clientSecret";
    static final String OAUTH_AUTHORIZE_URL = "mail.oauth.authorizeUrl";
    static final String OAUTH_TOKEN_URL = "mail.oauth.tokenUrl";
    static final String OAUTH_DEVICE_URL = "mail.oauth.deviceUrl";
    static final String OAUTH_SCOPES = "mail.oauth.scopes";
    static final String OAUTH_REFRESH_TOKEN = "mail.oauth.refreshToken";
    static final String OAUTH_ACCOUNT = "mail.oauth.account";
    static final String OAUTH_GRANT_ID = "mail.oauth.grantId";
    static final String OAUTH_SIGNED_IN_AT = "mail.oauth.signedInAt";

    private static final List<String> IMAP_KEYS = List.of(IMAP_HOST, IMAP_PORT, IMAP_TLS, IMAP_USER, IMAP_PASSWORD,
            IMAP_FOLDER, IMAP_AFTER, IMAP_MOVE_TO, IMAP_AUTH);
    private static final List<String> SMTP_KEYS = List.of(SMTP_HOST, SMTP_PORT, SMTP_TLS, SMTP_USER, SMTP_PASSWORD,
            SMTP_FROM, SMTP_FROM_NAME, SMTP_AUTH);
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
                MailAuth auth = MailAuth.parse(v.get(IMAP_AUTH));
                imap = new ImapSettings(v.get(IMAP_HOST), port(v.get(IMAP_PORT), ImapSettings.defaultPort(tls)), tls,
                        v.get(IMAP_USER), auth == MailAuth.OAUTH ? "" : password(v, IMAP_PASSWORD, "IMAP", problems),
                        v.get(IMAP_FOLDER), after, v.get(IMAP_MOVE_TO), auth);
            } catch (IllegalArgumentException e) {
                problems.add("The saved IMAP settings are incomplete (" + e.getMessage() + ").");
            }
        }
        SmtpSettings smtp = null;
        if (present(v, SMTP_HOST)) {
            try {
                TlsMode tls = TlsMode.parse(v.getOrDefault(SMTP_TLS, "starttls"));
                MailAuth auth = MailAuth.parse(v.get(SMTP_AUTH));
                smtp = new SmtpSettings(v.get(SMTP_HOST), port(v.get(SMTP_PORT), SmtpSettings.defaultPort(tls)), tls,
                        v.get(SMTP_USER), auth == MailAuth.OAUTH ? "" : password(v, SMTP_PASSWORD, "SMTP", problems),
                        v.get(SMTP_FROM), v.get(SMTP_FROM_NAME), auth);
            } catch (IllegalArgumentException e) {
                problems.add("The saved SMTP settings are incomplete (" + e.getMessage() + ").");
            }
        }
        OAuthAccount oauth = oauth(v, problems);
        boolean ack = Boolean.parseBoolean(v.getOrDefault(ACK, "false"));
        boolean desktop = Boolean.parseBoolean(v.getOrDefault(FETCH_IN_DESKTOP, "true"));
        return new MailSettings(imap, smtp, ack, desktop, problems.isEmpty() ? null : String.join(" ", problems), oauth);
    }

    /** The saved sign-in, or null; a refresh token that cannot be decrypted here is left out and explained. */
    private OAuthAccount oauth(Map<String, String> v, List<String> problems) {
        if (!present(v, OAUTH_GRANT_ID)) {
            return null;
        }
        try {
            OAuthProvider provider = OAuthProvider.parse(v.get(OAUTH_PROVIDER));
            String secret = null;
            if (present(v, OAUTH_CLIENT_SECRET)) {
                secret = secrets.decrypt(v.get(OAUTH_CLIENT_SECRET), OAUTH_CLIENT_SECRET);
            }
            OAuthClient client = client(v, provider, secret);
            String refresh = secrets.decrypt(v.get(OAUTH_REFRESH_TOKEN), OAUTH_REFRESH_TOKEN);
            return new OAuthAccount(client, v.get(OAUTH_ACCOUNT), refresh, v.get(OAUTH_GRANT_ID), instant(v.get(OAUTH_SIGNED_IN_AT)));
        } catch (SecretBox.SecretException e) {
            LOG.warn("The saved mail sign-in cannot be decrypted here: {}", e.getMessage());
            problems.add("The mail sign-in cannot be used on this computer (it was saved with another computer's key"
                    + " file, " + SecretBox.KEY_FILE + "); sign in again here, or copy that key file into this"
                    + " computer's data folder.");
            return readableWithoutTokens(v);
        } catch (IllegalArgumentException e) {
            problems.add("The saved mail sign-in is incomplete (" + e.getMessage() + "); sign in again.");
            return null;
        }
    }

    /** The sign-in as far as it can be shown (provider, account) when its secrets cannot be decrypted here. */
    private static OAuthAccount readableWithoutTokens(Map<String, String> v) {
        try {
            OAuthProvider provider = OAuthProvider.parse(v.get(OAUTH_PROVIDER));
            OAuthClient client = client(v, provider, provider == OAuthProvider.GOOGLE ? "(not readable here)" : null);
            return new OAuthAccount(client, v.get(OAUTH_ACCOUNT), null, v.get(OAUTH_GRANT_ID), instant(v.get(OAUTH_SIGNED_IN_AT)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static OAuthClient client(Map<String, String> v, OAuthProvider provider, String secret) {
        return OAuthClient.saved(provider, v.get(OAUTH_TENANT), v.get(OAUTH_CLIENT_ID), secret, v.get(OAUTH_AUTHORIZE_URL),
                v.get(OAUTH_TOKEN_URL), v.get(OAUTH_DEVICE_URL), v.get(OAUTH_SCOPES));
    }

    /**
     * Saves a new OAuth 2.0 sign-in (admins only), replacing any earlier one, in one transaction: the app
     * registration, the account, and the refresh token and client secret encrypted with the local {@link SecretBox}.
     * Every process using the mailbox switches to it at its next token renewal.
     *
     * @return the saved sign-in with its new grant id
     * @throws StoreException.AccessDenied for anyone but an admin
     */
    public OAuthAccount saveSignIn(Agent admin, OAuthClient client, String account, String refreshToken) {
        requireAdmin(admin);
        if (refreshToken == null || refreshToken.isEmpty()) {
            throw new StoreException.Invalid("The sign-in server sent no refresh token, so the desk could not stay"
                    + " signed in; check that the scopes include offline access (Microsoft: offline_access; Google asks"
                    + " for it itself).");
        }
        OAuthAccount saved = new OAuthAccount(client, account, refreshToken, UUID.randomUUID().toString(),
                settingsClock().instant());
        Map<String, String> values = new LinkedHashMap<>();
        values.put(OAUTH_PROVIDER, client.provider().key());
        values.put(OAUTH_TENANT, client.tenant());
        values.put(OAUTH_CLIENT_ID, client.clientId());
        values.put(OAUTH_CLIENT_SECRET, client.clientSecret() == null ? null : encrypt(client.clientSecret(), OAUTH_CLIENT_SECRET));
        values.put(OAUTH_AUTHORIZE_URL, client.authorizationEndpoint().toString());
        values.put(OAUTH_TOKEN_URL, client.tokenEndpoint().toString());
        values.put(OAUTH_DEVICE_URL, client.deviceEndpoint() == null ? null : client.deviceEndpoint().toString());
        values.put(OAUTH_SCOPES, client.scopeText());
        values.put(OAUTH_REFRESH_TOKEN, encrypt(refreshToken, OAUTH_REFRESH_TOKEN));
        values.put(OAUTH_ACCOUNT, saved.account());
        values.put(OAUTH_GRANT_ID, saved.grantId());
        values.put(OAUTH_SIGNED_IN_AT, saved.signedInAt().toString());
        settings.putAll(admin, values);
        LOG.info("Mail sign-in saved by {}: {}", admin.username(), saved.describe());
        return saved;
    }

    /**
     * Replaces the saved refresh token after the server rotated it: in one transaction, and only while the saved
     * sign-in is still {@code grantId} with the refresh token {@code used} (another process may have rotated it, or an
     * admin signed in again, meanwhile: then theirs is kept). No rights check: the system does this.
     *
     * @return whether the new token was saved
     */
    public boolean rotateRefreshToken(String grantId, String used, String fresh) {
        String encrypted = encrypt(fresh, OAUTH_REFRESH_TOKEN);
        Map<String, String> written = settings.update(List.of(OAUTH_GRANT_ID, OAUTH_REFRESH_TOKEN), current -> {
            if (!grantId.equals(current.get(OAUTH_GRANT_ID))) {
                return Map.of();
            }
            try {
                String stored = current.get(OAUTH_REFRESH_TOKEN);
                if (stored == null || !used.equals(secrets.decrypt(stored, OAUTH_REFRESH_TOKEN))) {
                    return Map.of();
                }
            } catch (SecretBox.SecretException e) {
                return Map.of();
            }
            return Map.of(OAUTH_REFRESH_TOKEN, encrypted);
        });
        return !written.isEmpty();
    }

    private static void requireAdmin(Agent admin) {
        if (admin == null || !admin.admin()) {
            throw new StoreException.AccessDenied("Only an admin may change the mail settings.");
        }
    }

    private Clock settingsClock() {
        return Clock.systemUTC();
    }

    private static Instant instant(String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * Saves the settings (admins only) in one transaction. A null IMAP or SMTP part removes it. Passwords are
     * encrypted; an empty password is saved as none.
     *
     * @throws StoreException.AccessDenied for anyone but an admin
     */
    public void save(Agent admin, MailSettings s) {
        requireAdmin(admin);
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
            values.put(IMAP_AUTH, imap.auth().key());
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
            values.put(SMTP_AUTH, smtp.auth().key());
        }
        values.put(ACK, String.valueOf(s.acknowledge()));
        values.put(FETCH_IN_DESKTOP, String.valueOf(s.fetchInDesktop()));
        settings.putAll(admin, values);
        LOG.info("Mail settings saved by {} (IMAP {}, SMTP {}, acknowledgements {})", admin.username(),
                imap == null ? "off" : imap.account() + " with " + imap.auth().key(),
                smtp == null ? "off" : smtp.account() + " with " + smtp.auth().key(), s.acknowledge() ? "on" : "off");
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
