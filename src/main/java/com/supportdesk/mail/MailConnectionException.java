package com.supportdesk.mail;

/** The IMAP server could not be reached, refused the login, or the connection broke. */
public class MailConnectionException extends MailServerException {

    private static final long serialVersionUID = 1L;

    public MailConnectionException(MailProblem problem, String message, Throwable cause) {
        super(problem, message, cause);
    }
}
