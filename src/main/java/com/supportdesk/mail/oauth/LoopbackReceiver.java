package com.supportdesk.mail.oauth;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The loopback redirect of a native app's sign-in (RFC 8252 section 7.3): a small HTTP listener on the loopback
 * interface, on a port the system picks, that takes the one request the sign-in page redirects the browser to and
 * answers it with a page saying the desk has it. Listens on the loopback address only, never on the network.
 *
 * <p>{@link #callback()} completes with the full address the browser came back to; the headless sign-in also
 * completes it with an address pasted by the person ({@link #offer(URI)}), whichever comes first.
 */
public final class LoopbackReceiver implements AutoCloseable {

    private final HttpServer server;
    private final URI redirectUri;
    private final CompletableFuture<URI> callback = new CompletableFuture<>();

    private LoopbackReceiver(HttpServer server, String host) {
        this.server = server;
        this.redirectUri = URI.create("http://" + host + ":" + server.getAddress().getPort());
    }

    /**
     * Starts listening on the loopback interface.
     *
     * @param host the host name the redirect URI names: {@code localhost} or {@code 127.0.0.1}
     */
    public static LoopbackReceiver start(String host) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackReceiver receiver = new LoopbackReceiver(server, host);
        server.createContext("/", receiver::handle);
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "oauth-loopback");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return receiver;
    }

    /** {@code http://HOST:PORT}: the redirect URI to put in the authorization request. */
    public URI redirectUri() {
        return redirectUri;
    }

    /** Completes with the address the browser was redirected to. */
    public CompletableFuture<URI> callback() {
        return callback;
    }

    /** An address pasted by the person (headless sign-in); ignored when the browser already came back. */
    public void offer(URI pasted) {
        callback.complete(pasted);
    }

    /** Waits for the redirect (or a pasted address) at most {@code max}. */
    public URI await(Duration max) throws InterruptedException, OAuthException {
        try {
            return callback.get(max.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new OAuthException(OAuthException.Kind.TIMED_OUT, "The browser did not come back from the sign-in"
                    + " page within " + max.toMinutes() + " minutes; start the sign-in again.", e);
        } catch (ExecutionException | CancellationException e) {
            throw new OAuthException(OAuthException.Kind.TIMED_OUT, "The sign-in was cancelled.", e);
        }
    }

    /** Ends a wait early (the person cancelled). */
    public void cancel() {
        callback.cancel(false);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI request = exchange.getRequestURI();
            String query = request.getRawQuery() == null ? "" : request.getRawQuery();
            boolean answer = query.contains("code=") || query.contains("error=");
            if (!answer) {
                reply(exchange, 404, "Not the sign-in answer", "This address only takes the sign-in page's answer.");
                return;
            }
            boolean first = callback.complete(redirectUri.resolve(request.getRawPath() + "?" + query));
            if (!first) {
                reply(exchange, 409, "Already answered", "This sign-in has already had its answer; you can close this tab.");
            } else if (query.contains("error=")) {
                reply(exchange, 200, "Sign-in not completed", "The sign-in did not complete; Support Desk says why."
                        + " You can close this tab.");
            } else {
                reply(exchange, 200, "Signed in", "Support Desk has the sign-in. You can close this tab and return to it.");
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String title, String text) throws IOException {
        byte[] body = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
                + "<body style=\"font-family:sans-serif;margin:3em\"><h2>" + title + "</h2><p>" + text + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        Executor executor = server.getExecutor();
        if (executor instanceof ExecutorService service) {
            service.shutdownNow();
        }
        callback.cancel(false);
    }
}
