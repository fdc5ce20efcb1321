package com.supportdesk.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends finished messages (see {@link ReplyBuilder}) over SMTP, one connection per message. */
public final class SmtpSender {

    static {
        MailSystemProperties.install();
    }

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);

    private final SmtpSettings settings;
    private final Session session;
    private final MailFailures.Endpoint endpoint;
    private final MailTokens.Source tokens;

    public SmtpSender(SmtpSettings settings) {
        this(settings, MailTimeouts.defaults());
    }

    public SmtpSender(SmtpSettings settings, MailTimeouts timeouts) {
        this(settings, timeouts, (MailTokens.Source) null);
    }

    /** @param tokens where an {@link MailAuth#OAUTH} server's access tokens come from (null: password only) */
    public SmtpSender(SmtpSettings settings, MailTimeouts timeouts, MailTokens tokens) {
        this(settings, timeouts, tokens == null ? null : tokens.source());
    }

    /** @param tokens where an {@link MailAuth#OAUTH} server's access tokens come from (null: password only) */
    public SmtpSender(SmtpSettings settings, MailTimeouts timeouts, MailTokens.Source tokens) {
        this.settings = settings;
        this.session = MailSessions.smtp(settings, timeouts);
        this.endpoint = new MailFailures.Endpoint(settings.host(), settings.port(), settings.account(),
                settings.password(), timeouts, settings.oauth());
        this.tokens = tokens;
    }

    /**
     * Connects and logs in (when the settings have a user) without sending anything: the settings dialog's "Test".
     * On failure the exception says why in one sentence.
     */
    public void checkConnection() throws MailSendException {
        try (Transport transport = connect()) {
            LOG.debug("SMTP {}: connected", settings.account());
        } catch (MessagingException e) {
            MailProblem problem = MailFailures.classify(e);
            String reason = MailFailures.explain(problem, endpoint, e);
            LOG.warn("SMTP {}: {}", settings.account(), reason);
            throw new MailSendException(problem, reason, e);
        }
    }

    /**
     * Sends the message as it is (headers already final: call {@code saveChanges()} first, as
     * {@link ReplyBuilder} does). On failure nothing was sent and the exception says why in one sentence.
     */
    public void send(MimeMessage message) throws MailSendException {
        Address[] recipients;
        String messageId;
        try {
            recipients = message.getAllRecipients();
            messageId = message.getMessageID();
        } catch (MessagingException e) {
            throw new MailSendException(MailProblem.RECIPIENT_REJECTED,
                    "The recipients of the message could not be read: " + e.getMessage() + ".", e);
        }
        if (recipients == null || recipients.length == 0) {
            throw new MailSendException(MailProblem.RECIPIENT_REJECTED, "The message has no recipient.", null);
        }
        try (Transport transport = connect()) {
            transport.sendMessage(message, recipients);
            LOG.info("Sent {} via SMTP {} to {} recipient(s)", messageId, settings.account(), recipients.length);
        } catch (MessagingException e) {
            MailProblem problem = MailFailures.classify(e);
            String reason = MailFailures.explain(problem, endpoint, e);
            // a refused recipient's address could belong to an Official Sensitive ticket: the log names none
            LOG.warn("SMTP {}: {}", settings.account(), problem == MailProblem.RECIPIENT_REJECTED
                    ? "the mail server refused a recipient" : reason);
            throw new MailSendException(problem, reason, e);
        }
    }

    /**
     * A connected, logged-in transport: with the password, or for {@link MailAuth#OAUTH} with an access token (SASL
     * XOAUTH2), renewed once and tried again when the server refuses it.
     */
    private Transport connect() throws MessagingException, MailSendException {
        if (!settings.oauth()) {
            Transport transport = session.getTransport("smtp");
            transport.connect(settings.host(), settings.port(), settings.user(),
                    settings.needsLogin() ? settings.password() : null);
            return transport;
        }
        try {
            return connectWithToken(token(false));
        } catch (AuthenticationFailedException refused) {
            LOG.info("SMTP {} refused the access token; renewing it and trying once more", settings.account());
            return connectWithToken(token(true));
        }
    }

    private Transport connectWithToken(String token) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        transport.connect(settings.host(), settings.port(), settings.user(), token);
        return transport;
    }

    private String token(boolean renew) throws MailSendException {
        if (tokens == null) {
            throw new MailSendException(MailProblem.AUTHENTICATION, "The SMTP server " + settings.host()
                    + " is set up to sign in with OAuth, but this sender has no sign-in to use.", null);
        }
        try {
            return tokens.token(renew);
        } catch (MailSignInException e) {
            LOG.warn("SMTP {}: {}", settings.account(), e.getMessage());
            throw new MailSendException(e.problem(), e.getMessage(), e);
        }
    }
}
