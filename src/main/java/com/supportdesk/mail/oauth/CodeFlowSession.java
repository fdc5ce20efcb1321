package com.supportdesk.mail.oauth;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * One authorization-code sign-in with PKCE and a loopback redirect: {@link #start} opens the loopback listener and
 * builds the address to open; the browser comes back to the listener, or the person pastes the address the browser
 * ended on ({@link #offer}); {@link #await} checks it and exchanges the code. Close it when done.
 */
public final class CodeFlowSession implements AutoCloseable {

    private final OAuthFlows flows;
    private final OAuthClient client;
    private final LoopbackReceiver receiver;
    private final OAuthFlows.BrowserStart start;

    private CodeFlowSession(OAuthFlows flows, OAuthClient client, LoopbackReceiver receiver) {
        this.flows = flows;
        this.client = client;
        this.receiver = receiver;
        this.start = flows.startBrowser(client, receiver.redirectUri());
    }

    /** Starts the loopback listener for the client's loopback host and prepares the authorization request. */
    public static CodeFlowSession start(OAuthFlows flows, OAuthClient client) throws OAuthException {
        LoopbackReceiver receiver;
        try {
            receiver = LoopbackReceiver.start(client.loopbackHost());
        } catch (IOException e) {
            throw new OAuthException(OAuthException.Kind.CLIENT, "The sign-in could not listen on this computer's"
                    + " loopback address (" + e.getMessage() + ").", e);
        }
        try {
            return new CodeFlowSession(flows, client, receiver);
        } catch (RuntimeException e) {
            receiver.close();
            throw e;
        }
    }

    /** The address to open in a browser. */
    public URI authorizationUrl() {
        return start.authorizationUrl();
    }

    /** The loopback redirect URI ({@code http://localhost:PORT} or {@code http://127.0.0.1:PORT}). */
    public URI redirectUri() {
        return start.redirectUri();
    }

    /** An address the person pasted (the one the browser ended on). */
    public void offer(URI pasted) {
        receiver.offer(pasted);
    }

    /** Ends {@link #await} at once. */
    public void cancel() {
        receiver.cancel();
    }

    /** Waits for the browser (or a pasted address), then exchanges the code for tokens. */
    public TokenGrant await(Duration max) throws OAuthException, InterruptedException {
        URI answer = receiver.await(max);
        return flows.finishBrowser(client, start, answer);
    }

    @Override
    public void close() {
        receiver.close();
    }
}
