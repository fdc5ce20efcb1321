package com.supportdesk.mail;

/**
 * No access token could be had for the mailbox's OAuth 2.0 sign-in: it expired or was revoked
 * ({@link MailProblem#SIGN_IN_EXPIRED}), none is saved or it cannot be read here ({@link MailProblem#AUTHENTICATION}),
 * or the sign-in server could not be reached (a transient problem). The message is one plain sentence.
 */
public final class MailSignInException extends MailServerException {

    private static final long serialVersionUID = 1L;

    public MailSignInException(MailProblem problem, String message, Throwable cause) {
        super(problem, message, cause);
    }
}
