package com.supportdesk.mail.oauth;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.AuthorizationResponse;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationErrorResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javax.net.ssl.SSLException;

/**
 * The OAuth 2.0 client flows the mail sign-in uses, on the Nimbus OAuth 2.0 SDK:
 * <ul>
 *   <li>authorization code with PKCE (S256) and a loopback redirect (RFC 7636, RFC 8252): {@link #startBrowser} builds
 *       the address to open, {@link #finishBrowser} checks the address the browser came back to (state, error) and
 *       exchanges the code;</li>
 *   <li>the device authorization grant (RFC 8628): {@link #startDevice}, then {@link #awaitDevice} polls at the
 *       server's interval (slower after {@code slow_down}) until the person approved, declined or the code
 *       expired;</li>
 *   <li>{@link #refresh}: a new access token from the refresh token ({@code invalid_grant} = sign in again).</li>
 * </ul>
 * Errors are {@link OAuthException}s with one plain sentence; no token, code or secret is ever in a message.
 */
public final class OAuthFlows {

    /** Waits between device-flow polls; tests may pass one that returns at once. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /** What the person is asked to do in the device flow. The device code itself is not shown. */
    public static final class DeviceStart {
        private final DeviceCode deviceCode;
        private final String userCode;
        private final URI verificationUri;
        private final URI verificationUriComplete;
        private final Instant expiresAt;
        private final Duration interval;

        DeviceStart(DeviceCode deviceCode, String userCode, URI verificationUri, URI verificationUriComplete,
                    Instant expiresAt, Duration interval) {
            this.deviceCode = deviceCode;
            this.userCode = userCode;
            this.verificationUri = verificationUri;
            this.verificationUriComplete = verificationUriComplete;
            this.expiresAt = expiresAt;
            this.interval = interval;
        }

        public String userCode() {
            return userCode;
        }

        public URI verificationUri() {
            return verificationUri;
        }

        /** The address with the code already in it, when the server offers one; else null. */
        public URI verificationUriComplete() {
            return verificationUriComplete;
        }

        public Instant expiresAt() {
            return expiresAt;
        }

        public Duration interval() {
            return interval;
        }
    }

    /** An authorization request on its way through the browser: what to open and what to check on return. */
    public record BrowserStart(URI authorizationUrl, URI redirectUri, State state, CodeVerifier verifier) {
        @Override
        public String toString() {
            return "BrowserStart[redirectUri=" + redirectUri + "]";
        }
    }

    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Clock clock;

    /** 15 s to connect, 30 s to read, the system clock. */
    public OAuthFlows() {
        this(Duration.ofSeconds(15), Duration.ofSeconds(30), Clock.systemUTC());
    }

    public OAuthFlows(Duration connectTimeout, Duration readTimeout, Clock clock) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.readTimeout = Objects.requireNonNull(readTimeout, "readTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ------------------------------------------------------------------------------------------ browser

    /** The authorization address (code flow, PKCE S256, a fresh state) for the loopback {@code redirectUri}. */
    public BrowserStart startBrowser(OAuthClient client, URI redirectUri) {
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest.Builder b = new AuthorizationRequest.Builder(ResponseType.CODE, new ClientID(client.clientId()))
                .endpointURI(client.authorizationEndpoint())
                .redirectionURI(redirectUri)
                .scope(new Scope(client.scopes().toArray(new String[0])))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        client.extraAuthorizationParameters().forEach((k, v) -> b.customParameter(k, v));
        return new BrowserStart(b.build().toURI(), redirectUri, state, verifier);
    }

    /**
     * Reads the address the browser was sent back to (or that the person pasted), checks that it answers this
     * request (state), and exchanges the code for tokens with the PKCE verifier.
     */
    public TokenGrant finishBrowser(OAuthClient client, BrowserStart start, URI redirectedTo) throws OAuthException {
        AuthorizationResponse response;
        try {
            response = AuthorizationResponse.parse(redirectedTo);
        } catch (ParseException | RuntimeException e) {
            throw new OAuthException(OAuthException.Kind.BAD_RESPONSE, "That is not the address the sign-in page sent the"
                    + " browser to (it has no authorization code); copy the whole address from the browser's address bar.", e);
        }
        if (!start.state().equals(response.getState())) {
            throw new OAuthException(OAuthException.Kind.BAD_RESPONSE, "That address belongs to another sign-in attempt"
                    + " (its state does not match); use the address this sign-in printed.", null);
        }
        if (!response.indicatesSuccess()) {
            AuthorizationErrorResponse error = response.toErrorResponse();
            throw fromError(client, error.getErrorObject(), "The sign-in");
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) {
            throw new OAuthException(OAuthException.Kind.BAD_RESPONSE, "The sign-in page sent no authorization code back.",
                    null);
        }
        return token(client, new AuthorizationCodeGrant(code, start.redirectUri(), start.verifier()));
    }

    // ------------------------------------------------------------------------------------------ device

    /** Asks the device endpoint for a user code (RFC 8628 section 3.1). */
    public DeviceStart startDevice(OAuthClient client) throws OAuthException {
        if (client.deviceFlowRefusal().isPresent()) {
            throw new OAuthException(OAuthException.Kind.CLIENT, client.deviceFlowRefusal().get(), null);
        }
        Scope scope = new Scope(client.scopes().toArray(new String[0]));
        DeviceAuthorizationRequest request = client.clientSecret() == null
                ? new DeviceAuthorizationRequest(client.deviceEndpoint(), new ClientID(client.clientId()), scope)
                : new DeviceAuthorizationRequest(client.deviceEndpoint(), auth(client), scope, null);
        HTTPResponse http = send(client, request.toHTTPRequest(), client.deviceEndpoint());
        DeviceAuthorizationResponse response;
        try {
            response = DeviceAuthorizationResponse.parse(http);
        } catch (ParseException e) {
            throw unreadable(client, e);
        }
        if (!response.indicatesSuccess()) {
            throw fromError(client, ((DeviceAuthorizationErrorResponse) response).getErrorObject(), "The device sign-in");
        }
        DeviceAuthorizationSuccessResponse ok = (DeviceAuthorizationSuccessResponse) response;
        Duration interval = ok.getInterval() > 0 ? Duration.ofSeconds(ok.getInterval()) : DEFAULT_INTERVAL;
        return new DeviceStart(ok.getDeviceCode(), ok.getUserCode().getValue(), ok.getVerificationURI(),
                ok.getVerificationURIComplete(), clock.instant().plusSeconds(ok.getLifetime()), interval);
    }

    /**
     * Polls the token endpoint until the person approved (tokens), declined ({@link OAuthException.Kind#DENIED}) or
     * the code expired ({@link OAuthException.Kind#TIMED_OUT}); {@code slow_down} adds 5 s to the interval.
     *
     * @param cancelled checked before every poll; when true the wait ends with TIMED_OUT
     */
    public TokenGrant awaitDevice(OAuthClient client, DeviceStart start, Sleeper sleeper, BooleanSupplier cancelled)
            throws OAuthException, InterruptedException {
        Duration interval = start.interval();
        while (true) {
            sleeper.sleep(interval);
            if (cancelled.getAsBoolean()) {
                throw new OAuthException(OAuthException.Kind.TIMED_OUT, "The sign-in was cancelled.", null);
            }
            try {
                return token(client, new DeviceCodeGrant(start.deviceCode));
            } catch (PendingException pending) {
                if (pending.slowDown) {
                    interval = interval.plusSeconds(5);
                }
                if (!clock.instant().isBefore(start.expiresAt())) {
                    throw expiredCode();
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ refresh

    /** A new access token (and perhaps a new refresh token) for the saved refresh token. */
    public TokenGrant refresh(OAuthClient client, String refreshToken) throws OAuthException {
        try {
            return token(client, new RefreshTokenGrant(new RefreshToken(refreshToken)));
        } catch (PendingException e) {
            throw new OAuthException(OAuthException.Kind.BAD_RESPONSE, "The sign-in server " + client.tokenHost()
                    + " answered a token refresh as if it were a device sign-in.", null);
        }
    }

    // ------------------------------------------------------------------------------------------ token endpoint

    /** The device flow's "not yet": authorization_pending or slow_down. */
    private static final class PendingException extends OAuthException {
        private static final long serialVersionUID = 1L;
        private final boolean slowDown;

        PendingException(boolean slowDown) {
            super(Kind.TIMED_OUT, "The sign-in is not finished yet.", null);
            this.slowDown = slowDown;
        }
    }

    private TokenGrant token(OAuthClient client, AuthorizationGrant grant) throws OAuthException {
        ClientID id = new ClientID(client.clientId());
        TokenRequest request = client.clientSecret() == null
                ? new TokenRequest(client.tokenEndpoint(), id, grant, null)
                : new TokenRequest(client.tokenEndpoint(), auth(client), grant, null);
        HTTPResponse http = send(client, request.toHTTPRequest(), client.tokenEndpoint());
        TokenResponse response;
        try {
            response = TokenResponse.parse(http);
        } catch (ParseException e) {
            throw unreadable(client, e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((TokenErrorResponse) response).getErrorObject();
            String code = error == null || error.getCode() == null ? "" : error.getCode();
            if (code.equals("authorization_pending") || code.equals("slow_down")) {
                throw new PendingException(code.equals("slow_down"));
            }
            if (code.equals("expired_token")) {
                throw expiredCode();
            }
            throw fromError(client, error, grant instanceof RefreshTokenGrant ? "The token refresh" : "The sign-in");
        }
        AccessTokenResponse ok = (AccessTokenResponse) response;
        long lifetime = ok.getTokens().getAccessToken().getLifetime();
        Instant expires = clock.instant().plusSeconds(lifetime > 0 ? lifetime : 3600);
        RefreshToken refresh = ok.getTokens().getRefreshToken();
        Object idToken = ok.getCustomParameters().get("id_token");
        return new TokenGrant(ok.getTokens().getAccessToken().getValue(), expires,
                refresh == null ? null : refresh.getValue(), idToken instanceof String s ? account(s) : null);
    }

    private static ClientSecretPost auth(OAuthClient client) {
        return new ClientSecretPost(new ClientID(client.clientId()), new Secret(client.clientSecret()));
    }

    private HTTPResponse send(OAuthClient client, HTTPRequest request, URI endpoint) throws OAuthException {
        request.setConnectTimeout((int) connectTimeout.toMillis());
        request.setReadTimeout((int) readTimeout.toMillis());
        request.setFollowRedirects(false);
        try {
            return request.send();
        } catch (UnknownHostException e) {
            throw new OAuthException(OAuthException.Kind.UNREACHABLE, "The sign-in server " + endpoint.getHost()
                    + " could not be found; check the network and the address.", e);
        } catch (ConnectException e) {
            throw new OAuthException(OAuthException.Kind.UNREACHABLE, "The sign-in server " + hostPort(endpoint)
                    + " refused the connection.", e);
        } catch (SocketTimeoutException e) {
            throw new OAuthException(OAuthException.Kind.UNREACHABLE, "The sign-in server " + hostPort(endpoint)
                    + " did not answer in time.", e);
        } catch (SSLException e) {
            throw new OAuthException(OAuthException.Kind.UNREACHABLE, "A secure (TLS) connection to the sign-in server "
                    + hostPort(endpoint) + " could not be set up.", e);
        } catch (IOException e) {
            throw new OAuthException(OAuthException.Kind.UNREACHABLE, "The connection to the sign-in server "
                    + hostPort(endpoint) + " failed (" + e.getClass().getSimpleName() + ").", e);
        }
    }

    private static String hostPort(URI u) {
        return u.getPort() > 0 ? u.getHost() + ":" + u.getPort() : u.getHost();
    }

    private static OAuthException unreadable(OAuthClient client, ParseException e) {
        return new OAuthException(OAuthException.Kind.SERVER, "The sign-in server " + client.tokenHost()
                + " sent an answer that is not an OAuth 2.0 response.", e);
    }

    private static OAuthException expiredCode() {
        return new OAuthException(OAuthException.Kind.TIMED_OUT, "The sign-in code expired before the sign-in was"
                + " finished; start again.", null);
    }

    /** One sentence for an OAuth error object; the server's description is added, shortened. */
    static OAuthException fromError(OAuthClient client, ErrorObject error, String what) {
        String code = error == null || error.getCode() == null ? "unknown_error" : error.getCode();
        String description = error == null ? null : error.getDescription();
        String detail = " (" + code + (description == null || description.isBlank() ? "" : ": " + shorten(description))
                + ")";
        return switch (code.toLowerCase(Locale.ROOT)) {
            case "invalid_grant" -> new OAuthException(OAuthException.Kind.GRANT_EXPIRED, what + " was refused by "
                    + client.tokenHost() + ": the sign-in has expired or was revoked; sign in again" + detail + ".", null);
            case "access_denied" -> new OAuthException(OAuthException.Kind.DENIED, what
                    + " was declined" + detail + ".", null);
            case "invalid_client", "unauthorized_client", "invalid_scope", "invalid_request", "unsupported_grant_type",
                 "unsupported_response_type" -> new OAuthException(OAuthException.Kind.CLIENT, what + " was refused by "
                    + client.tokenHost() + "; check the client id, secret, redirect URI and scopes of the app"
                    + " registration" + detail + ".", null);
            case "temporarily_unavailable", "server_error" -> new OAuthException(OAuthException.Kind.SERVER,
                    "The sign-in server " + client.tokenHost() + " is not available at the moment" + detail + ".", null);
            default -> new OAuthException(OAuthException.Kind.SERVER, what + " failed at " + client.tokenHost() + detail
                    + ".", null);
        };
    }

    /** The first line of a server's description, at most 200 characters, without a trailing full stop. */
    private static String shorten(String description) {
        String line = description.strip().lines().findFirst().orElse("");
        if (line.length() > 200) {
            line = line.substring(0, 200) + "…";
        }
        return line.replaceAll("[.\\s]+$", "");
    }

    /** Who signed in, as the ID token names it (read, not verified: it came straight from the token endpoint). */
    static String account(String idToken) {
        try {
            JWTClaimsSet claims = JWTParser.parse(idToken).getJWTClaimsSet();
            for (String claim : new String[] {"email", "preferred_username", "upn", "unique_name"}) {
                Object value = claims.getClaim(claim);
                if (value instanceof String s && !s.isBlank()) {
                    return s;
                }
            }
            return null;
        } catch (java.text.ParseException | RuntimeException e) {
            return null;
        }
    }
}
