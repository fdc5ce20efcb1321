package com.supportdesk.mail;

import jakarta.mail.Address;
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

    public SmtpSender(SmtpSettings settings) {
        this(settings, MailTimeouts.defaults());
    }

    public SmtpSender(SmtpSettings settings, MailTimeouts timeouts) {
        this.settings = settings;
        this.session = MailSessions.smtp(settings, timeouts);
        this.endpoint = new MailFailures.Endpoint(settings.host(), settings.port(), settings.account(),
                settings.password(), timeouts);
    }

    /**
     * Connects and logs in (when the settings have a user) without sending anything: the settings dialog's "Test".
     * On failure the exception says why in one sentence.
     */
    public void checkConnection() throws MailSendException {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.user(),
                    settings.needsLogin() ? settings.password() : null);
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
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.user(),
                    settings.needsLogin() ? settings.password() : null);
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
}
