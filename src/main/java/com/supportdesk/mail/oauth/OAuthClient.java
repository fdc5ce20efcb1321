package com.supportdesk.mail.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The app registration the desk signs in with: provider, client id (and secret where the provider wants one), the
 * authorization, token and device endpoints and the scopes. {@link #microsoft}, {@link #google} and
 * {@link #custom} build it; the secret never appears in {@link #toString()}.
 *
 * <p>Presets:
 * <ul>
 *   <li>Microsoft 365: {@code https://login.microsoftonline.com/TENANT/oauth2/v2.0/{authorize,token,devicecode}},
 *       scopes {@code https://outlook.office.com/IMAP.AccessAsUser.All}, {@code https://outlook.office.com/SMTP.Send},
 *       {@code offline_access} (a refresh token), and {@code openid email} (only to show which account signed in).
 *       The loopback redirect is {@code http://localhost:PORT} (Entra ID ignores the port).</li>
 *   <li>Google: {@code https://accounts.google.com/o/oauth2/v2/auth} and {@code https://oauth2.googleapis.com/token},
 *       scope {@code https://mail.google.com/} plus {@code openid email}; the client secret of the desktop client is
 *       required. Google does not allow the mail scope in the device flow, so there is no device endpoint.</li>
 * </ul>
 *
 * @param tenant        Microsoft only: directory (tenant) id or domain, {@code organizations} when not given
 * @param clientSecret  null when the app is a public client (Microsoft, most custom servers)
 * @param deviceEndpoint null when the device flow cannot be used
 */
public record OAuthClient(OAuthProvider provider, String tenant, String clientId, String clientSecret,
                          URI authorizationEndpoint, URI tokenEndpoint, URI deviceEndpoint, List<String> scopes) {

    public static final String MICROSOFT_DEFAULT_TENANT = "organizations";
    public static final List<String> MICROSOFT_SCOPES = List.of("https://outlook.office.com/IMAP.AccessAsUser.All",
            "https://outlook.office.com/SMTP.Send", "offline_access", "openid", "email");
    public static final String GOOGLE_MAIL_SCOPE = "https://mail.google.com/";
    public static final List<String> GOOGLE_SCOPES = List.of(GOOGLE_MAIL_SCOPE, "openid", "email");
    static final String GOOGLE_AUTHORIZE = "https://accounts.google.com/o/oauth2/v2/auth";
    static final String GOOGLE_TOKEN = "https://oauth2.googleapis.com/token";

    /** Why Google cannot use the device flow, in one sentence for the admin. */
    public static final String GOOGLE_NO_DEVICE_FLOW = "Google does not allow the mail scope (" + GOOGLE_MAIL_SCOPE
            + ") in the device flow: sign in without --device, open the address printed in any browser and paste back"
            + " the address the browser ends on.";

    public OAuthClient {
        if (provider == null) {
            throw new IllegalArgumentException("the sign-in provider is missing (microsoft, google or custom)");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("the client id of the app registration is missing");
        }
        clientId = clientId.strip();
        clientSecret = clientSecret == null || clientSecret.isEmpty() ? null : clientSecret;
        tenant = tenant == null || tenant.isBlank() ? null : tenant.strip();
        if (provider == OAuthProvider.GOOGLE && clientSecret == null) {
            throw new IllegalArgumentException("Google needs the client secret of the desktop OAuth client as well as its id");
        }
        checkEndpoint(authorizationEndpoint, "authorization");
        checkEndpoint(tokenEndpoint, "token");
        if (deviceEndpoint != null) {
            checkEndpoint(deviceEndpoint, "device");
        }
        scopes = scopes == null ? List.of() : scopes.stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                .distinct().toList();
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("no scopes: give the scopes the mailbox needs (e.g. IMAP and SMTP access)");
        }
    }

    /** Microsoft 365 for {@code tenant} (blank: {@value #MICROSOFT_DEFAULT_TENANT}). */
    public static OAuthClient microsoft(String tenant, String clientId) {
        String t = tenant == null || tenant.isBlank() ? MICROSOFT_DEFAULT_TENANT : tenant.strip();
        if (!t.matches("[A-Za-z0-9.-]{1,100}")) {
            throw new IllegalArgumentException("the tenant '" + tenant + "' is not a directory id or domain"
                    + " (e.g. contoso.onmicrosoft.com or a GUID)");
        }
        String base = "https://login.microsoftonline.com/" + t + "/oauth2/v2.0/";
        return new OAuthClient(OAuthProvider.MICROSOFT, t, clientId, null, URI.create(base + "authorize"),
                URI.create(base + "token"), URI.create(base + "devicecode"), MICROSOFT_SCOPES);
    }

    /** Google with the id and secret of a desktop OAuth client. */
    public static OAuthClient google(String clientId, String clientSecret) {
        return new OAuthClient(OAuthProvider.GOOGLE, null, clientId, clientSecret, URI.create(GOOGLE_AUTHORIZE),
                URI.create(GOOGLE_TOKEN), null, GOOGLE_SCOPES);
    }

    /** Another OAuth 2.0 server; {@code deviceUrl} and {@code clientSecret} may be blank. */
    public static OAuthClient custom(String clientId, String clientSecret, String authorizeUrl, String tokenUrl,
                                     String deviceUrl, List<String> scopes) {
        return new OAuthClient(OAuthProvider.CUSTOM, null, clientId, clientSecret, uri(authorizeUrl, "authorization"),
                uri(tokenUrl, "token"), deviceUrl == null || deviceUrl.isBlank() ? null : uri(deviceUrl, "device"), scopes);
    }

    /** As saved: every endpoint given ({@code deviceUrl} may be blank), scopes separated by spaces. */
    public static OAuthClient saved(OAuthProvider provider, String tenant, String clientId, String clientSecret,
                                    String authorizeUrl, String tokenUrl, String deviceUrl, String scopes) {
        return new OAuthClient(provider, tenant, clientId, clientSecret, uri(authorizeUrl, "authorization"),
                uri(tokenUrl, "token"), blank(deviceUrl) ? null : uri(deviceUrl, "device"), splitScopes(scopes));
    }

    /** The preset for {@code provider}, with any of the given overrides (null or blank = the preset's). */
    public static OAuthClient of(OAuthProvider provider, String tenant, String clientId, String clientSecret,
                                 String authorizeUrl, String tokenUrl, String deviceUrl, List<String> scopes) {
        OAuthClient preset = switch (provider) {
            case MICROSOFT -> microsoft(tenant, clientId);
            case GOOGLE -> google(clientId, clientSecret);
            case CUSTOM -> custom(clientId, clientSecret, required(authorizeUrl, "authorization"),
                    required(tokenUrl, "token"), deviceUrl, scopes);
        };
        return new OAuthClient(provider, preset.tenant(), preset.clientId(), clientSecret == null || clientSecret.isEmpty()
                ? preset.clientSecret() : clientSecret,
                blank(authorizeUrl) ? preset.authorizationEndpoint() : uri(authorizeUrl, "authorization"),
                blank(tokenUrl) ? preset.tokenEndpoint() : uri(tokenUrl, "token"),
                blank(deviceUrl) ? preset.deviceEndpoint() : uri(deviceUrl, "device"),
                scopes == null || scopes.isEmpty() ? preset.scopes() : scopes);
    }

    /** Scopes as typed in one field: separated by spaces or commas. */
    public static List<String> splitScopes(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
    }

    /** Whether the device flow (RFC 8628) can be used, and if not, why (one sentence). */
    public Optional<String> deviceFlowRefusal() {
        if (provider == OAuthProvider.GOOGLE && scopes.contains(GOOGLE_MAIL_SCOPE)) {
            return Optional.of(GOOGLE_NO_DEVICE_FLOW);
        }
        if (deviceEndpoint == null) {
            return Optional.of("No device endpoint is set for this sign-in server: give --device-url, or sign in"
                    + " without --device.");
        }
        return Optional.empty();
    }

    /**
     * The loopback host of the redirect URI (RFC 8252 section 7.3): {@code localhost} for Microsoft, whose app
     * registrations take {@code http://localhost} with any port; {@code 127.0.0.1} for the others.
     */
    public String loopbackHost() {
        return provider == OAuthProvider.MICROSOFT ? "localhost" : "127.0.0.1";
    }

    /**
     * Extra authorization parameters: Google returns a refresh token only with {@code access_type=offline}, and
     * again on a second sign-in only with {@code prompt=consent}.
     */
    public Map<String, String> extraAuthorizationParameters() {
        return provider == OAuthProvider.GOOGLE ? Map.of("access_type", "offline", "prompt", "consent") : Map.of();
    }

    /** The scopes as one space-separated string. */
    public String scopeText() {
        return String.join(" ", scopes);
    }

    /** Host name of the token endpoint, for messages. */
    public String tokenHost() {
        return tokenEndpoint.getHost();
    }

    @Override
    public String toString() {
        return "OAuthClient[provider=" + provider.key() + ", tenant=" + tenant + ", clientId=" + clientId
                + ", clientSecret=" + (clientSecret == null ? "(none)" : "****") + ", authorizationEndpoint="
                + authorizationEndpoint + ", tokenEndpoint=" + tokenEndpoint + ", deviceEndpoint=" + deviceEndpoint
                + ", scopes=" + scopes + "]";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String required(String url, String what) {
        if (blank(url)) {
            throw new IllegalArgumentException("the " + what + " endpoint of the sign-in server is missing");
        }
        return url;
    }

    static URI uri(String url, String what) {
        try {
            return new URI(required(url, what).strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the " + what + " endpoint '" + url + "' is not a web address", e);
        }
    }

    /** https, or http to this computer only (a local test server). */
    private static void checkEndpoint(URI uri, String what) {
        if (uri == null) {
            throw new IllegalArgumentException("the " + what + " endpoint of the sign-in server is missing");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw new IllegalArgumentException("the " + what + " endpoint must be an https:// address (http:// only"
                    + " for a server on this computer): " + uri);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("the " + what + " endpoint has no host: " + uri);
        }
    }
}
