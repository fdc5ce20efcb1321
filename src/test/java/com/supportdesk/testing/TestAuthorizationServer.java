package com.supportdesk.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A real OAuth 2.0 authorization server on loopback for tests, written on the JDK's HTTP server and independent of
 * the client library under test: authorization endpoint (code flow, PKCE S256 required, loopback redirect URIs only),
 * device authorization endpoint and verification page (RFC 8628), token endpoint (authorization_code with the PKCE
 * check, device_code with authorization_pending / access_denied / expired_token, refresh_token with optional
 * rotation, invalid_grant once revoked), client authentication by secret when configured. It signs the person in
 * automatically as {@link #account()} and hands out an unsigned ID token naming them.
 *
 * <p>Every access token it issues is passed to {@link #onAccessToken}: the tests make it the mailbox's password in
 * GreenMail, whose SASL XOAUTH2 checks the token as the user's password — so the mail server accepts exactly the
 * latest token this server issued.
 */
public final class TestAuthorizationServer implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private record CodeGrant(String clientId, String redirectUri, String challenge, String scope) {
    }

    private static final class DeviceGrant {
        final String userCode;
        final String scope;
        final long expiresAtMillis;
        volatile String decision; // null pending, "approve", "deny"
        volatile boolean used;

        DeviceGrant(String userCode, String scope, long expiresAtMillis) {
            this.userCode = userCode;
            this.scope = scope;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    private final HttpServer server;
    private final String base;
    private final String clientId;
    private final String clientSecret;
    private final String account;
    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Map<String, DeviceGrant> devices = new ConcurrentHashMap<>();
    private final Set<String> refreshTokens = ConcurrentHashMap.newKeySet();
    private final List<String> issuedAccessTokens = new CopyOnWriteArrayList<>();
    private final List<String> issuedRefreshTokens = new CopyOnWriteArrayList<>();
    private final List<String> grantTypes = new CopyOnWriteArrayList<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile Duration accessTokenLifetime = Duration.ofHours(1);
    private volatile Duration deviceCodeLifetime = Duration.ofMinutes(10);
    private volatile boolean rotateRefreshTokens;
    private volatile boolean denyAuthorization;
    private volatile boolean autoApproveDevice;
    private volatile Consumer<String> onAccessToken = token -> { };

    private TestAuthorizationServer(String clientId, String clientSecret, String account) throws IOException {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.account = account;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/authorize", this::authorize);
        server.createContext("/device", this::device);
        server.createContext("/verify", this::verify);
        server.createContext("/token", this::token);
        server.start();
    }

    /** A server for a public client (no secret), signing everyone in as {@code account}. */
    public static TestAuthorizationServer start(String clientId, String account) throws IOException {
        return new TestAuthorizationServer(clientId, null, account);
    }

    /** A server for a confidential client that must send {@code clientSecret}. */
    public static TestAuthorizationServer startConfidential(String clientId, String clientSecret, String account)
            throws IOException {
        return new TestAuthorizationServer(clientId, clientSecret, account);
    }

    public String authorizeUrl() {
        return base + "/authorize";
    }

    public String tokenUrl() {
        return base + "/token";
    }

    public String deviceUrl() {
        return base + "/device";
    }

    public String account() {
        return account;
    }

    public TestAuthorizationServer accessTokenLifetime(Duration d) {
        accessTokenLifetime = d;
        return this;
    }

    public TestAuthorizationServer deviceCodeLifetime(Duration d) {
        deviceCodeLifetime = d;
        return this;
    }

    public TestAuthorizationServer rotateRefreshTokens(boolean on) {
        rotateRefreshTokens = on;
        return this;
    }

    /** The person declines at the authorization page. */
    public TestAuthorizationServer denyAuthorization(boolean on) {
        denyAuthorization = on;
        return this;
    }

    /** Device sign-ins are approved as soon as they start (a person who is quick with the code). */
    public TestAuthorizationServer autoApproveDevice(boolean on) {
        autoApproveDevice = on;
        return this;
    }

    /** Told about every access token issued (tests make it GreenMail's password for the mailbox). */
    public TestAuthorizationServer onAccessToken(Consumer<String> listener) {
        onAccessToken = listener;
        return this;
    }

    /** Revokes every refresh token: the next refresh gets invalid_grant. */
    public void revokeAll() {
        refreshTokens.clear();
    }

    /** The person approves (or declines) the device sign-in with this user code, as on the verification page. */
    public void decideDevice(String userCode, boolean approve) {
        devices.values().stream().filter(d -> d.userCode.equals(userCode)).forEach(d -> d.decision = approve ? "approve" : "deny");
    }

    public List<String> issuedAccessTokens() {
        return List.copyOf(issuedAccessTokens);
    }

    public List<String> issuedRefreshTokens() {
        return List.copyOf(issuedRefreshTokens);
    }

    /** Every grant_type the token endpoint was asked for, in order. */
    public List<String> grantTypes() {
        return List.copyOf(grantTypes);
    }

    public int refreshCount() {
        return refreshes.get();
    }

    // ------------------------------------------------------------------------------------------ endpoints

    private void authorize(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> q = form(x.getRequestURI().getRawQuery());
            String redirect = q.get("redirect_uri");
            if (!clientId.equals(q.get("client_id")) || redirect == null
                    || !(redirect.startsWith("http://localhost:") || redirect.startsWith("http://127.0.0.1:"))) {
                send(x, 400, "text/plain", "unknown client or redirect URI not a loopback address");
                return;
            }
            String state = q.get("state");
            if (denyAuthorization) {
                redirect(x, redirect + "?error=access_denied&error_description=" + enc("The user declined")
                        + "&state=" + enc(state));
                return;
            }
            if (!"code".equals(q.get("response_type")) || !"S256".equals(q.get("code_challenge_method"))
                    || q.get("code_challenge") == null || q.get("scope") == null) {
                redirect(x, redirect + "?error=invalid_request&error_description=" + enc("PKCE S256 and a scope are required")
                        + "&state=" + enc(state));
                return;
            }
            String code = random("code");
            codes.put(code, new CodeGrant(clientId, redirect, q.get("code_challenge"), q.get("scope")));
            redirect(x, redirect + "?code=" + enc(code) + "&state=" + enc(state));
        }
    }

    private void device(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> f = form(body(x));
            if (!"POST".equals(x.getRequestMethod()) || !clientAuthenticated(x, f)) {
                json(x, 401, Map.of("error", "invalid_client"));
                return;
            }
            String deviceCode = random("dc");
            String userCode = String.format("%04d-%04d", RANDOM.nextInt(10_000), RANDOM.nextInt(10_000));
            DeviceGrant grant = new DeviceGrant(userCode, f.get("scope"),
                    System.currentTimeMillis() + deviceCodeLifetime.toMillis());
            grant.decision = autoApproveDevice ? "approve" : null;
            devices.put(deviceCode, grant);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("device_code", deviceCode);
            r.put("user_code", userCode);
            r.put("verification_uri", base + "/verify");
            r.put("verification_uri_complete", base + "/verify?user_code=" + enc(userCode));
            r.put("expires_in", Math.max(1, deviceCodeLifetime.toSeconds()));
            r.put("interval", 1);
            json(x, 200, r);
        }
    }

    /** The verification page: opening it with the user code approves (the person signed in and agreed). */
    private void verify(HttpExchange x) throws IOException {
        try (x) {
            String userCode = form(x.getRequestURI().getRawQuery()).get("user_code");
            boolean known = devices.values().stream().anyMatch(d -> d.userCode.equals(userCode));
            if (!known) {
                send(x, 404, "text/plain", "unknown code");
                return;
            }
            decideDevice(userCode, !denyAuthorization);
            send(x, 200, "text/plain", denyAuthorization ? "declined" : "approved");
        }
    }

    private void token(HttpExchange x) throws IOException {
        try (x) {
            Map<String, String> f = form(body(x));
            if (!"POST".equals(x.getRequestMethod())) {
                json(x, 405, Map.of("error", "invalid_request"));
                return;
            }
            if (!clientAuthenticated(x, f)) {
                json(x, 401, Map.of("error", "invalid_client", "error_description", "Client authentication failed"));
                return;
            }
            String type = String.valueOf(f.get("grant_type"));
            grantTypes.add(type);
            switch (type) {
                case "authorization_code" -> codeGrant(x, f);
                case "urn:ietf:params:oauth:grant-type:device_code" -> deviceGrant(x, f);
                case "refresh_token" -> refreshGrant(x, f);
                default -> json(x, 400, Map.of("error", "unsupported_grant_type"));
            }
        }
    }

    private void codeGrant(HttpExchange x, Map<String, String> f) throws IOException {
        CodeGrant g = codes.remove(String.valueOf(f.get("code")));
        if (g == null || !g.redirectUri().equals(f.get("redirect_uri"))) {
            json(x, 400, Map.of("error", "invalid_grant", "error_description", "Unknown code or redirect URI mismatch"));
            return;
        }
        String verifier = f.get("code_verifier");
        if (verifier == null || !s256(verifier).equals(g.challenge())) {
            json(x, 400, Map.of("error", "invalid_grant", "error_description", "PKCE verification failed"));
            return;
        }
        json(x, 200, issue(g.scope(), true));
    }

    private void deviceGrant(HttpExchange x, Map<String, String> f) throws IOException {
        DeviceGrant g = devices.get(String.valueOf(f.get("device_code")));
        if (g == null || g.used) {
            json(x, 400, Map.of("error", "invalid_grant"));
        } else if (System.currentTimeMillis() > g.expiresAtMillis) {
            json(x, 400, Map.of("error", "expired_token"));
        } else if (g.decision == null) {
            json(x, 400, Map.of("error", "authorization_pending"));
        } else if (g.decision.equals("deny")) {
            json(x, 400, Map.of("error", "access_denied", "error_description", "The user declined"));
        } else {
            g.used = true;
            json(x, 200, issue(g.scope, true));
        }
    }

    private void refreshGrant(HttpExchange x, Map<String, String> f) throws IOException {
        String rt = String.valueOf(f.get("refresh_token"));
        if (!refreshTokens.contains(rt)) {
            json(x, 400, Map.of("error", "invalid_grant", "error_description", "The refresh token was revoked or has expired"));
            return;
        }
        refreshes.incrementAndGet();
        if (rotateRefreshTokens) {
            refreshTokens.remove(rt);
        }
        json(x, 200, issue("mail", rotateRefreshTokens));
    }

    private Map<String, Object> issue(String scope, boolean withRefreshToken) {
        String at = random("at");
        issuedAccessTokens.add(at);
        onAccessToken.accept(at);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("access_token", at);
        r.put("token_type", "Bearer");
        r.put("expires_in", Math.max(1, accessTokenLifetime.toSeconds()));
        if (withRefreshToken) {
            String rt = random("rt");
            refreshTokens.add(rt);
            issuedRefreshTokens.add(rt);
            r.put("refresh_token", rt);
        }
        r.put("scope", scope);
        long now = System.currentTimeMillis() / 1000;
        String header = b64("{\"alg\":\"none\"}");
        String claims = b64("{\"iss\":\"" + base + "\",\"sub\":\"user-1\",\"aud\":\"" + clientId + "\",\"email\":\""
                + account + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}");
        r.put("id_token", header + "." + claims + ".");
        return r;
    }

    private boolean clientAuthenticated(HttpExchange x, Map<String, String> f) {
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String id = f.get("client_id");
        String secret = f.get("client_secret");
        if (auth != null && auth.startsWith("Basic ")) {
            String[] pair = new String(Base64.getDecoder().decode(auth.substring(6)), StandardCharsets.UTF_8).split(":", 2);
            id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
            secret = pair.length > 1 ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
        }
        return clientId.equals(id) && (clientSecret == null || clientSecret.equals(secret));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String s256(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(String prefix) {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        return prefix + "-" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String body(HttpExchange x) throws IOException {
        return new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static Map<String, String> form(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    private static void redirect(HttpExchange x, String location) throws IOException {
        x.getResponseHeaders().set("Location", location);
        x.sendResponseHeaders(302, -1);
    }

    private static void json(HttpExchange x, int status, Map<String, ?> values) throws IOException {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add("\"" + k + "\":" + (v instanceof Number ? v.toString()
                : "\"" + String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"") + "\"")));
        x.getResponseHeaders().set("Cache-Control", "no-store");
        send(x, status, "application/json;charset=UTF-8", "{" + String.join(",", parts) + "}");
    }

    private static void send(HttpExchange x, int status, String type, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.sendResponseHeaders(status, b.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(b);
        }
    }

    /** A browser: follows {@code url} and every redirect, including the one to the desk's loopback listener. */
    public static int followInBrowser(URI url) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        return browser.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A browser on another computer: follows {@code url} but not the redirect; returns the address it would go to. */
    public static URI redirectTarget(URI url) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<Void> r = browser.send(HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding());
        return URI.create(r.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
                "no redirect from the authorization page (status " + r.statusCode() + ")")));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
