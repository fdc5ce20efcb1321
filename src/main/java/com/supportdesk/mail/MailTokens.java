package com.supportdesk.mail;

import com.supportdesk.mail.oauth.OAuthException;
import com.supportdesk.mail.oauth.OAuthFlows;
import com.supportdesk.mail.oauth.TokenGrant;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens for the mailbox's saved OAuth 2.0 sign-in ({@link OAuthAccount}), shared by the intake and the
 * replies of one process.
 *
 * <ul>
 *   <li>A token is kept in memory only and renewed from the refresh token shortly before it expires (a fifth of its
 *       lifetime, at most a minute, before), and once more when a mail server refuses it.</li>
 *   <li>The saved sign-in is read again before every renewal, so a new sign-in — saved by an admin here, on another
 *       desktop or by {@code mail sign-in} on the gateway — is used from the next renewal on.</li>
 *   <li>When the server hands out a new refresh token (rotation), it replaces the saved one in one transaction, and
 *       only if the saved one is still the one used ({@link MailSettingsService#rotateRefreshToken}).</li>
 *   <li>A revoked or expired grant ({@code invalid_grant}) is {@link MailProblem#SIGN_IN_EXPIRED}: nothing is fetched
 *       or sent until an admin signs in again.</li>
 * </ul>
 * Log lines name the account and times, never a token.
 */
public final class MailTokens {

    private static final Logger LOG = LoggerFactory.getLogger(MailTokens.class);
    private static final Duration MAX_MARGIN = Duration.ofMinutes(1);

    /** An access token to log in with; the token never appears in {@link #toString()}. */
    public record AccessToken(String value, Instant expiresAt, Instant renewAt, String grantId) {
        @Override
        public String toString() {
            return "AccessToken[value=****, expiresAt=" + expiresAt + ", renewAt=" + renewAt + "]";
        }
    }

    /** Where a connection gets its access token; {@code renew} asks for a new one (the server refused the last). */
    @FunctionalInterface
    public interface Source {
        String token(boolean renew) throws MailSignInException;

        /** Always the same token (a sign-in being checked before it is saved). */
        static Source fixed(String token) {
            return renew -> token;
        }
    }

    private final MailSettingsService settings;
    private final OAuthFlows flows;
    private final Clock clock;
    private AccessToken cached;

    /** @param clock the real time: token lifetimes are wall-clock seconds */
    public MailTokens(MailSettingsService settings, OAuthFlows flows, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.flows = Objects.requireNonNull(flows, "flows");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A valid access token: the one in memory while it is not due for renewal, else a new one from the saved refresh
     * token. {@code renew} forces a new one (the mail server refused the last).
     */
    public synchronized AccessToken accessToken(boolean renew) throws MailSignInException {
        MailSettings saved = settings.load();
        OAuthAccount account = saved.oauth();
        if (account == null) {
            throw new MailSignInException(MailProblem.AUTHENTICATION, "No OAuth sign-in is saved for the mailbox; an admin"
                    + " signs in under Admin → Mail settings (or with 'support-desk mail sign-in').", null);
        }
        if (account.refreshToken() == null) {
            throw new MailSignInException(MailProblem.AUTHENTICATION, saved.warning() != null ? saved.warning()
                    : "The saved mail sign-in cannot be read on this computer; sign in again here.", null);
        }
        Instant now = clock.instant();
        if (!renew && cached != null && cached.grantId().equals(account.grantId()) && now.isBefore(cached.renewAt())) {
            return cached;
        }
        TokenGrant grant;
        try {
            grant = flows.refresh(account.client(), account.refreshToken());
        } catch (OAuthException e) {
            cached = null;
            throw failure(account, e);
        }
        if (grant.refreshToken() != null && !grant.refreshToken().equals(account.refreshToken())) {
            boolean replaced = settings.rotateRefreshToken(account.grantId(), account.refreshToken(), grant.refreshToken());
            LOG.info(replaced ? "Mail sign-in for {}: the server issued a new refresh token; it replaced the saved one"
                    : "Mail sign-in for {}: the server issued a new refresh token, but the saved sign-in changed meanwhile;"
                    + " the saved one was kept", account.describe());
        }
        Duration lifetime = Duration.between(now, grant.expiresAt());
        Duration margin = lifetime.dividedBy(5).compareTo(MAX_MARGIN) < 0 ? lifetime.dividedBy(5) : MAX_MARGIN;
        cached = new AccessToken(grant.accessToken(), grant.expiresAt(), grant.expiresAt().minus(margin), account.grantId());
        LOG.info("Mail sign-in for {}: access token {} (valid until {}, renewed from {})", account.describe(),
                renew ? "renewed after a mail server refused the previous one" : "renewed", grant.expiresAt(),
                cached.renewAt());
        return cached;
    }

    /** This cache as a {@link Source} for connections. */
    public Source source() {
        return renew -> accessToken(renew).value();
    }

    /** Forgets the token in memory (e.g. after a new sign-in in this process). */
    public synchronized void forget() {
        cached = null;
    }

    /**
     * Opens the mailbox: with the password, or for an OAuth account with an access token — renewed once and tried
     * again when the server refuses it. The mailbox knows when its token is due ({@link ImapMailbox#renewBy()}).
     */
    public ImapMailbox openImap(ImapSettings s, MailTimeouts timeouts, Path spoolDir) throws MailConnectionException {
        if (!s.oauth()) {
            return ImapMailbox.open(s, timeouts, spoolDir);
        }
        AccessToken token = imapToken(false);
        ImapMailbox mailbox;
        try {
            mailbox = ImapMailbox.open(s, token.value(), timeouts, spoolDir);
        } catch (MailConnectionException e) {
            if (e.problem() != MailProblem.AUTHENTICATION) {
                throw e;
            }
            LOG.info("IMAP {} refused the access token; renewing it and trying once more", s.account());
            token = imapToken(true);
            mailbox = ImapMailbox.open(s, token.value(), timeouts, spoolDir);
        }
        mailbox.renewBy(token.renewAt());
        return mailbox;
    }

    private AccessToken imapToken(boolean renew) throws MailConnectionException {
        try {
            return accessToken(renew);
        } catch (MailSignInException e) {
            throw new MailConnectionException(e.problem(), e.getMessage(), e);
        }
    }

    private static MailSignInException failure(OAuthAccount account, OAuthException e) {
        String who = account.account() == null ? "the mailbox" : account.account();
        return switch (e.kind()) {
            case GRANT_EXPIRED -> {
                LOG.warn("Mail sign-in for {} has expired or was revoked: {}", account.describe(), e.getMessage());
                yield new MailSignInException(MailProblem.SIGN_IN_EXPIRED, "The mail sign-in for " + who + " has expired"
                        + " or was revoked; an admin signs in again under Admin → Mail settings (or with 'support-desk"
                        + " mail sign-in').", e);
            }
            case UNREACHABLE -> new MailSignInException(MailProblem.CONNECTION_REFUSED, e.getMessage(), e);
            case SERVER -> new MailSignInException(MailProblem.SERVER_ERROR, e.getMessage(), e);
            case CLIENT, DENIED, TIMED_OUT, BAD_RESPONSE -> new MailSignInException(MailProblem.AUTHENTICATION,
                    e.getMessage(), e);
        };
    }
}
