package com.supportdesk.ui.mail;

import com.supportdesk.domain.Agent;
import com.supportdesk.mail.AfterImport;
import com.supportdesk.mail.ConnectionCheck;
import com.supportdesk.mail.ImapSettings;
import com.supportdesk.mail.MailAuth;
import com.supportdesk.mail.MailSettings;
import com.supportdesk.mail.MailSettingsService;
import com.supportdesk.mail.MailTimeouts;
import com.supportdesk.mail.MailTokens;
import com.supportdesk.mail.OAuthAccount;
import com.supportdesk.mail.SmtpSettings;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.ui.common.BackgroundTask;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.common.TaskState;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The mail settings dialog's state (admins only): IMAP account, SMTP server, acknowledgements, and whether this
 * desktop fetches mail. Never touches a Node; background work goes through the given TaskExecutor, so it is tested
 * without the toolkit ({@link TaskExecutor#direct()}).
 */
public final class MailSettingsViewModel {

    /** Tries a connection and returns one plain sentence, or throws with one. */
    public interface Tester {
        String imap(ImapSettings settings) throws Exception;

        String smtp(SmtpSettings settings) throws Exception;

        /** The real servers, with short timeouts so the dialog answers quickly. */
        static Tester real() {
            return real(null);
        }

        /** The real servers; an OAuth account signs in with an access token of the saved sign-in from {@code tokens}. */
        static Tester real(MailTokens tokens) {
            MailTimeouts quick = new MailTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(15),
                    Duration.ofSeconds(15));
            return new Tester() {
                @Override
                public String imap(ImapSettings s) throws Exception {
                    return ConnectionCheck.imap(s, quick, tokens);
                }

                @Override
                public String smtp(SmtpSettings s) throws Exception {
                    return ConnectionCheck.smtp(s, quick, tokens);
                }
            };
        }
    }

    private final MailSettingsService service;
    private final Agent admin;
    private final Tester tester;

    private final BooleanProperty imapEnabled = new SimpleBooleanProperty(this, "imapEnabled");
    private final StringProperty imapHost = new SimpleStringProperty(this, "imapHost", "");
    private final StringProperty imapPort = new SimpleStringProperty(this, "imapPort", "993");
    private final ObjectProperty<TlsMode> imapTls = new SimpleObjectProperty<>(this, "imapTls", TlsMode.SSL);
    private final StringProperty imapUser = new SimpleStringProperty(this, "imapUser", "");
    private final StringProperty imapPassword = new SimpleStringProperty(this, "imapPassword", "");
    private final StringProperty imapFolder = new SimpleStringProperty(this, "imapFolder", ImapSettings.DEFAULT_FOLDER);
    private final ObjectProperty<AfterImport> afterImport = new SimpleObjectProperty<>(this, "afterImport", AfterImport.MARK_SEEN);
    private final StringProperty moveToFolder = new SimpleStringProperty(this, "moveToFolder", "Processed");

    private final BooleanProperty smtpEnabled = new SimpleBooleanProperty(this, "smtpEnabled");
    private final StringProperty smtpHost = new SimpleStringProperty(this, "smtpHost", "");
    private final StringProperty smtpPort = new SimpleStringProperty(this, "smtpPort", "587");
    private final ObjectProperty<TlsMode> smtpTls = new SimpleObjectProperty<>(this, "smtpTls", TlsMode.STARTTLS);
    private final StringProperty smtpUser = new SimpleStringProperty(this, "smtpUser", "");
    private final StringProperty smtpPassword = new SimpleStringProperty(this, "smtpPassword", "");
    private final StringProperty fromAddress = new SimpleStringProperty(this, "fromAddress", "");
    private final StringProperty fromName = new SimpleStringProperty(this, "fromName", "");

    private final BooleanProperty acknowledge = new SimpleBooleanProperty(this, "acknowledge");
    private final BooleanProperty fetchInDesktop = new SimpleBooleanProperty(this, "fetchInDesktop", true);

    private final BooleanProperty imapOAuth = new SimpleBooleanProperty(this, "imapOAuth");
    private final BooleanProperty smtpOAuth = new SimpleBooleanProperty(this, "smtpOAuth");

    private final TaskState work = TaskState.oneLine(this);
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper saved = new ReadOnlyBooleanWrapper(this, "saved");
    private final MailSignInViewModel signIn;

    public MailSettingsViewModel(MailSettingsService service, Agent admin, Tester tester, TaskExecutor executor) {
        this(service, admin, tester, null, executor);
    }

    /**
     * @param signIn "sign in with the provider" (OAuth 2.0), or null to offer passwords only; after a sign-in the
     *               enabled IMAP and SMTP parts switch to it (and an empty user name takes the signed-in account)
     */
    public MailSettingsViewModel(MailSettingsService service, Agent admin, Tester tester, MailSignInViewModel signIn,
                                 TaskExecutor executor) {
        this.service = Objects.requireNonNull(service, "service");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.tester = Objects.requireNonNull(tester, "tester");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.signIn = signIn;
        if (signIn != null) {
            signIn.onSignedIn(this::useSignIn);
        }
        // a port left at the old mode's standard follows the TLS choice
        imapTls.addListener((o, was, now) -> followDefault(imapPort, was == null ? -1 : ImapSettings.defaultPort(was),
                now == null ? -1 : ImapSettings.defaultPort(now)));
        smtpTls.addListener((o, was, now) -> followDefault(smtpPort, was == null ? -1 : SmtpSettings.defaultPort(was),
                now == null ? -1 : SmtpSettings.defaultPort(now)));
    }

    /** Only admins may open the dialog. */
    public boolean editable() {
        return admin.admin();
    }

    /** Fills the form from the saved settings; a part that could not be read is explained in {@link #status()}. */
    public void load() {
        MailSettings s = service.load();
        ImapSettings i = s.imap();
        imapEnabled.set(i != null);
        if (i != null) {
            imapTls.set(i.tls());
            imapHost.set(i.host());
            imapPort.set(String.valueOf(i.port()));
            imapUser.set(i.user());
            imapPassword.set(i.password());
            imapOAuth.set(i.oauth());
            imapFolder.set(i.folder());
            afterImport.set(i.afterImport());
            moveToFolder.set(i.moveToFolder() == null ? "Processed" : i.moveToFolder());
        }
        SmtpSettings m = s.smtp();
        smtpEnabled.set(m != null);
        if (m != null) {
            smtpTls.set(m.tls());
            smtpHost.set(m.host());
            smtpPort.set(String.valueOf(m.port()));
            smtpUser.set(m.user() == null ? "" : m.user());
            smtpPassword.set(m.password());
            smtpOAuth.set(m.oauth());
            fromAddress.set(m.fromAddress());
            fromName.set(m.fromName());
        }
        acknowledge.set(s.acknowledge());
        fetchInDesktop.set(s.fetchInDesktop());
        if (signIn != null) {
            signIn.load(s.oauth());
        }
        work.setStatus(s.warning() == null ? "" : s.warning());
        saved.set(false);
    }

    /** Checks and saves the form. Returns false (with the reason in {@link #status()}) when it cannot. */
    public boolean save() {
        try {
            MailSettings s = new MailSettings(imapEnabled.get() ? imap() : null, smtpEnabled.get() ? smtp() : null,
                    acknowledge.get(), fetchInDesktop.get(), null);
            if (s.acknowledge() && s.smtp() == null) {
                work.setStatus("Acknowledgements need the outgoing (SMTP) server.");
                return false;
            }
            boolean oauth = (s.imap() != null && s.imap().oauth()) || (s.smtp() != null && s.smtp().oauth());
            if (oauth && service.load().oauth() == null) {
                work.setStatus("Sign in with the provider first (under Sign-in), or use passwords.");
                return false;
            }
            service.save(admin, s);
            work.setStatus("Saved. The intake uses the new account from its next connection.");
            saved.set(true);
            return true;
        } catch (IllegalArgumentException e) {
            work.setStatus(capitalise(e.getMessage()) + ".");
        } catch (RuntimeException e) {
            work.setStatus(e.getMessage());
        }
        return false;
    }

    /** Tries the IMAP account in the form (in the background); the result goes to {@link #status()}. */
    public void testImap() {
        ImapSettings s;
        try {
            s = imap();
        } catch (IllegalArgumentException e) {
            work.setStatus("IMAP: " + e.getMessage() + ".");
            return;
        }
        run("Connecting to " + s.account() + "…", () -> tester.imap(s));
    }

    /** Tries the SMTP server in the form (in the background); the result goes to {@link #status()}. */
    public void testSmtp() {
        SmtpSettings s;
        try {
            s = smtp();
        } catch (IllegalArgumentException e) {
            work.setStatus("SMTP: " + e.getMessage() + ".");
            return;
        }
        run("Connecting to " + s.account() + "…", () -> tester.smtp(s));
    }

    private void run(String pending, Callable<String> check) {
        BackgroundTask.wrap(check).trackedBy(work).withStatus(pending).onSuccess(work::setStatus).executeWith(executor);
    }

    /** The IMAP part of the form as settings; throws with a plain reason when something is missing. */
    ImapSettings imap() {
        ImapSettings i = new ImapSettings(imapHost.get(), port(imapPort.get(), "IMAP"), imapTls.get(), imapUser.get().strip(),
                imapPassword.get(), imapFolder.get(), afterImport.get(),
                afterImport.get() == AfterImport.MOVE ? moveToFolder.get() : null);
        return imapOAuth.get() ? i.withAuth(MailAuth.OAUTH) : i;
    }

    SmtpSettings smtp() {
        SmtpSettings m = new SmtpSettings(smtpHost.get(), port(smtpPort.get(), "SMTP"), smtpTls.get(), smtpUser.get(),
                smtpPassword.get(), fromAddress.get(), fromName.get());
        return smtpOAuth.get() ? m.withAuth(MailAuth.OAUTH) : m;
    }

    /** After a sign-in: the enabled parts use it; empty user names and From address take the signed-in account. */
    private void useSignIn(OAuthAccount account) {
        String who = account.account();
        if (imapEnabled.get()) {
            imapOAuth.set(true);
            if (who != null && imapUser.get().isBlank()) {
                imapUser.set(who);
            }
        }
        if (smtpEnabled.get()) {
            smtpOAuth.set(true);
            if (who != null && smtpUser.get().isBlank()) {
                smtpUser.set(who);
            }
            if (who != null && fromAddress.get().isBlank()) {
                fromAddress.set(who);
            }
        }
    }

    private static int port(String text, String what) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the " + what + " port must be a number, e.g. "
                    + ("IMAP".equals(what) ? "993" : "587"), e);
        }
    }

    private static void followDefault(StringProperty port, int oldDefault, int newDefault) {
        String p = port.get() == null ? "" : port.get().strip();
        if (newDefault > 0 && (p.isEmpty() || p.equals(String.valueOf(oldDefault)))) {
            port.set(String.valueOf(newDefault));
        }
    }

    static String capitalise(String s) {
        return s == null || s.isEmpty() ? "Something is missing" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    public BooleanProperty imapEnabledProperty() {
        return imapEnabled;
    }

    public StringProperty imapHostProperty() {
        return imapHost;
    }

    public StringProperty imapPortProperty() {
        return imapPort;
    }

    public ObjectProperty<TlsMode> imapTlsProperty() {
        return imapTls;
    }

    public StringProperty imapUserProperty() {
        return imapUser;
    }

    public StringProperty imapPasswordProperty() {
        return imapPassword;
    }

    public StringProperty imapFolderProperty() {
        return imapFolder;
    }

    public ObjectProperty<AfterImport> afterImportProperty() {
        return afterImport;
    }

    public StringProperty moveToFolderProperty() {
        return moveToFolder;
    }

    public BooleanProperty smtpEnabledProperty() {
        return smtpEnabled;
    }

    public StringProperty smtpHostProperty() {
        return smtpHost;
    }

    public StringProperty smtpPortProperty() {
        return smtpPort;
    }

    public ObjectProperty<TlsMode> smtpTlsProperty() {
        return smtpTls;
    }

    public StringProperty smtpUserProperty() {
        return smtpUser;
    }

    public StringProperty smtpPasswordProperty() {
        return smtpPassword;
    }

    public StringProperty fromAddressProperty() {
        return fromAddress;
    }

    public StringProperty fromNameProperty() {
        return fromName;
    }

    /** IMAP signs in with the saved OAuth sign-in instead of the password. */
    public BooleanProperty imapOAuthProperty() {
        return imapOAuth;
    }

    /** SMTP signs in with the saved OAuth sign-in instead of the password. */
    public BooleanProperty smtpOAuthProperty() {
        return smtpOAuth;
    }

    /** "Sign in with the provider", or null when the dialog offers passwords only. */
    public MailSignInViewModel signIn() {
        return signIn;
    }

    public BooleanProperty acknowledgeProperty() {
        return acknowledge;
    }

    public BooleanProperty fetchInDesktopProperty() {
        return fetchInDesktop;
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

    /** True once the settings were saved (the caller restarts the intake with them). */
    public ReadOnlyBooleanProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }
}
