package com.supportdesk.ui.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.mail.MailSettingsService;
import com.supportdesk.mail.MailTokens;
import com.supportdesk.mail.OAuthAccount;
import com.supportdesk.mail.oauth.CodeFlowSession;
import com.supportdesk.mail.oauth.OAuthClient;
import com.supportdesk.mail.oauth.OAuthFlows;
import com.supportdesk.mail.oauth.OAuthProvider;
import com.supportdesk.mail.oauth.TokenGrant;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskState;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Sign in with the provider" in the mail settings (admins): Microsoft 365 (tenant, client id), Google (client id and
 * secret of a desktop OAuth client) or another OAuth 2.0 server (endpoints, scopes). {@link #signIn()} opens the
 * system browser with an authorization-code request with PKCE and a loopback redirect (RFC 8252), waits in the
 * background for the browser to come back, and saves the sign-in (refresh token encrypted); {@link #signedInProperty()}
 * then names the account. Never touches a Node; tests pass {@link TaskExecutor#direct()} and a browser that follows
 * the address itself.
 */
public final class MailSignInViewModel {

    /** Opens an address in the system browser; throws when there is none (the address is then shown to copy). */
    @FunctionalInterface
    public interface Browser {
        void open(URI address) throws Exception;
    }

    /** How long the desk waits for the browser to come back. */
    static final Duration WAIT = Duration.ofMinutes(10);

    private final MailSettingsService service;
    private final Agent admin;
    private final OAuthFlows flows;
    private final Browser browser;
    private final MailTokens tokens;
    private final TaskState work = TaskState.oneLine(this);
    private final TaskExecutor executor;

    private final ObjectProperty<OAuthProvider> provider = new SimpleObjectProperty<>(this, "provider", OAuthProvider.MICROSOFT);
    private final StringProperty tenant = new SimpleStringProperty(this, "tenant", "");
    private final StringProperty clientId = new SimpleStringProperty(this, "clientId", "");
    private final StringProperty clientSecret = new SimpleStringProperty(this, "clientSecret", "");
    private final StringProperty authorizeUrl = new SimpleStringProperty(this, "authorizeUrl", "");
    private final StringProperty tokenUrl = new SimpleStringProperty(this, "tokenUrl", "");
    private final StringProperty deviceUrl = new SimpleStringProperty(this, "deviceUrl", "");
    private final StringProperty scopes = new SimpleStringProperty(this, "scopes", "");
    private final ReadOnlyStringWrapper signedIn = new ReadOnlyStringWrapper(this, "signedIn", "Not signed in.");
    private final ReadOnlyStringWrapper waitingAddress = new ReadOnlyStringWrapper(this, "waitingAddress", "");
    private final ReadOnlyObjectWrapper<OAuthAccount> account = new ReadOnlyObjectWrapper<>(this, "account");
    private volatile CodeFlowSession session;
    private Consumer<OAuthAccount> onSignedIn = a -> { };

    /**
     * @param tokens the channel's token cache (forgotten after a new sign-in), or null
     * @param executor the desk's TaskExecutor ({@link TaskExecutor#direct()} in tests)
     */
    public MailSignInViewModel(MailSettingsService service, Agent admin, OAuthFlows flows, Browser browser,
                               MailTokens tokens, TaskExecutor executor) {
        this.service = Objects.requireNonNull(service, "service");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.flows = Objects.requireNonNull(flows, "flows");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.tokens = tokens;
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Told (on the UI thread) after each successful sign-in, e.g. to switch IMAP and SMTP to it. */
    public void onSignedIn(Consumer<OAuthAccount> listener) {
        this.onSignedIn = listener == null ? a -> { } : listener;
    }

    /** Fills the form from the saved sign-in, if any. */
    public void load(OAuthAccount saved) {
        account.set(saved);
        if (saved == null) {
            signedIn.set("Not signed in.");
            return;
        }
        OAuthClient c = saved.client();
        provider.set(c.provider());
        tenant.set(c.tenant() == null ? "" : c.tenant());
        clientId.set(c.clientId());
        // a sign-in saved with another computer's key: its secret could not be read here either
        clientSecret.set(c.clientSecret() == null || saved.refreshToken() == null ? "" : c.clientSecret());
        authorizeUrl.set(c.authorizationEndpoint().toString());
        tokenUrl.set(c.tokenEndpoint().toString());
        deviceUrl.set(c.deviceEndpoint() == null ? "" : c.deviceEndpoint().toString());
        scopes.set(c.scopeText());
        signedIn.set(describe(saved) + (saved.refreshToken() == null ? " It cannot be used on this computer: sign in"
                + " again here." : ""));
    }

    /**
     * Opens the browser at the provider's sign-in page and waits (in the background) for it to come back; then saves
     * the sign-in. Problems end up in {@link #statusProperty()} as one sentence.
     */
    public void signIn() {
        OAuthClient client;
        try {
            client = client();
        } catch (IllegalArgumentException e) {
            work.setStatus(MailSettingsViewModel.capitalise(e.getMessage()) + ".");
            return;
        }
        BackgroundTask.wrap(() -> {
            CodeFlowSession s = CodeFlowSession.start(flows, client);
            session = s;
            try {
                URI address = s.authorizationUrl();
                try {
                    browser.open(address);
                    executor.onUiThread(() -> work.setStatus("Waiting for the browser: sign in there and allow access. If no"
                            + " browser opened, open the address below in one."));
                } catch (Exception noBrowser) {
                    executor.onUiThread(() -> work.setStatus("No browser could be opened here: open the address below in a browser"
                            + " on this computer and sign in."));
                }
                executor.onUiThread(() -> waitingAddress.set(address.toString()));
                TokenGrant grant = s.await(WAIT);
                return service.saveSignIn(admin, client, grant.account(), grant.refreshToken());
            } finally {
                session = null;
                s.close();
                executor.onUiThread(() -> waitingAddress.set(""));
            }
        }).trackedBy(work).withStatus("Opening the " + client.provider().label() + " sign-in page in your browser\u2026").onSuccess(saved -> {
            if (tokens != null) {
                tokens.forget();
            }
            account.set(saved);
            signedIn.set(describe(saved));
            work.setStatus("Signed in as " + saved.describe() + ". Incoming and outgoing mail are set to use it: Save to"
                    + " apply.");
            onSignedIn.accept(saved);
        }).executeWith(executor);
    }

    /** Stops waiting for the browser. */
    public void cancel() {
        CodeFlowSession s = session;
        if (s != null) {
            s.cancel();
        }
    }

    /** The app registration in the form; throws with a plain reason when something is missing. */
    OAuthClient client() {
        OAuthProvider p = provider.get();
        boolean custom = p == OAuthProvider.CUSTOM;
        return OAuthClient.of(p, p == OAuthProvider.MICROSOFT ? tenant.get() : null, clientId.get(),
                p == OAuthProvider.MICROSOFT ? null : clientSecret.get(), custom ? authorizeUrl.get() : null,
                custom ? tokenUrl.get() : null, custom ? deviceUrl.get() : null,
                custom ? OAuthClient.splitScopes(scopes.get()) : null);
    }

    private static String describe(OAuthAccount a) {
        String when = a.signedInAt() == null ? "" : " on " + DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.UK)
                .withZone(ZoneId.systemDefault()).format(a.signedInAt());
        return "Signed in as " + a.describe() + when + ".";
    }

    public ObjectProperty<OAuthProvider> providerProperty() {
        return provider;
    }

    public StringProperty tenantProperty() {
        return tenant;
    }

    public StringProperty clientIdProperty() {
        return clientId;
    }

    public StringProperty clientSecretProperty() {
        return clientSecret;
    }

    public StringProperty authorizeUrlProperty() {
        return authorizeUrl;
    }

    public StringProperty tokenUrlProperty() {
        return tokenUrl;
    }

    public StringProperty deviceUrlProperty() {
        return deviceUrl;
    }

    public StringProperty scopesProperty() {
        return scopes;
    }

    /** "Signed in as support@example.com (Microsoft 365) on 27 Nov 2026 10:42." or "Not signed in." */
    public ReadOnlyStringProperty signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    /** The saved sign-in, or null. */
    public ReadOnlyObjectProperty<OAuthAccount> accountProperty() {
        return account.getReadOnlyProperty();
    }

    /** The sign-in page's address while the desk waits for the browser (to copy by hand), else empty. */
    public ReadOnlyStringProperty waitingAddressProperty() {
        return waitingAddress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return work.statusProperty();
    }

    public String status() {
        return work.getStatus();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return work.busyProperty();
    }
}
