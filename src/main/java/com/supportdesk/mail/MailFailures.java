package com.supportdesk.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.SendFailedException;
import jakarta.mail.StoreClosedException;
import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/** Turns Jakarta Mail exceptions into a {@link MailProblem} and one plain sentence without secrets. */
final class MailFailures {

    /**
     * The server being talked to; {@code secret} (password or access token) is only used to scrub messages;
     * {@code oauth} when the login was an OAuth 2.0 access token (SASL XOAUTH2).
     */
    record Endpoint(String host, int port, String account, String secret, MailTimeouts timeouts, boolean oauth) {
        Endpoint(String host, int port, String account, String secret, MailTimeouts timeouts) {
            this(host, port, account, secret, timeouts, false);
        }
    }

    private MailFailures() {
    }

    static MailProblem classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        if (any(chain, AuthenticationFailedException.class) || smtpCode(chain, 530, 534, 535, 454)) {
            return MailProblem.AUTHENTICATION;
        }
        if (any(chain, SSLException.class) || mentions(chain, "STARTTLS")) {
            return MailProblem.TLS;
        }
        if (any(chain, UnknownHostException.class)) {
            return MailProblem.UNKNOWN_HOST;
        }
        if (any(chain, ConnectException.class) || any(chain, NoRouteToHostException.class)) {
            return MailProblem.CONNECTION_REFUSED;
        }
        if (any(chain, SocketTimeoutException.class)) {
            return MailProblem.TIMEOUT;
        }
        if (invalidAddresses(chain).length > 0) {
            return MailProblem.RECIPIENT_REJECTED;
        }
        if (any(chain, FolderClosedException.class) || any(chain, StoreClosedException.class)
                || any(chain, SocketException.class) || any(chain, EOFException.class)
                || any(chain, ConnectionException.class)) {
            return MailProblem.CONNECTION_LOST;
        }
        return MailProblem.SERVER_ERROR;
    }

    static String explain(MailProblem problem, Endpoint at, Throwable failure) {
        String where = at.host() + ":" + at.port();
        return switch (problem) {
            case AUTHENTICATION -> at.oauth()
                    ? "The mail server rejected the OAuth access token for " + at.account() + "; check that the mailbox"
                    + " allows IMAP/SMTP with OAuth and that the account that signed in may use it."
                    : "The mail server rejected the user name or password for " + at.account() + ".";
            case SIGN_IN_EXPIRED -> "The mail sign-in for " + at.account() + " has expired or was revoked; an admin"
                    + " signs in again under Admin → Mail settings.";
            case UNKNOWN_HOST -> "The mail server " + at.host() + " could not be found; check the host name.";
            case CONNECTION_REFUSED -> "The mail server " + at.host() + " refused the connection on port " + at.port()
                    + "; check the host name, the port and that the server is running.";
            case TIMEOUT -> "The mail server " + where + " did not answer within "
                    + spoken(mentions(chain(failure), "onnect") ? at.timeouts().connect() : at.timeouts().read()) + ".";
            case TLS -> "A secure (TLS) connection to " + where
                    + " could not be set up; check the TLS setting (none, STARTTLS or SSL) and the port.";
            case RECIPIENT_REJECTED -> "The mail server refused the recipient "
                    + Arrays.stream(invalidAddresses(chain(failure))).map(Address::toString)
                            .collect(Collectors.joining(", ")) + ".";
            case CONNECTION_LOST -> "The connection to the mail server " + where + " was lost (" + detail(at, failure)
                    + ").";
            case SERVER_ERROR -> "The mail server " + where + " reported an error: " + detail(at, failure) + ".";
        };
    }

    private static String spoken(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " seconds" : d.toMillis() + " milliseconds";
    }

    /** The innermost message, without the secret and without trailing punctuation. */
    private static String detail(Endpoint at, Throwable failure) {
        String message = null;
        for (Throwable t : chain(failure)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return failure.getClass().getSimpleName();
        }
        message = message.replaceAll("\\s+", " ").trim().replaceAll("[.\\s]+$", "");
        return at.secret() == null || at.secret().length() < 3 ? message : message.replace(at.secret(), "****");
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t) && chain.size() < 20; t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static boolean any(List<Throwable> chain, Class<? extends Throwable> type) {
        return chain.stream().anyMatch(type::isInstance);
    }

    private static boolean mentions(List<Throwable> chain, String text) {
        return chain.stream().anyMatch(t -> t.getMessage() != null && t.getMessage().contains(text));
    }

    private static boolean smtpCode(List<Throwable> chain, int... codes) {
        return chain.stream().filter(SMTPSendFailedException.class::isInstance)
                .mapToInt(t -> ((SMTPSendFailedException) t).getReturnCode())
                .anyMatch(code -> Arrays.stream(codes).anyMatch(c -> c == code));
    }

    private static Address[] invalidAddresses(List<Throwable> chain) {
        return chain.stream().filter(SendFailedException.class::isInstance)
                .map(t -> ((SendFailedException) t).getInvalidAddresses())
                .filter(a -> a != null && a.length > 0).findFirst().orElse(new Address[0]);
    }
}
