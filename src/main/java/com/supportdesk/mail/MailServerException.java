package com.supportdesk.mail;

/** A mail server could not be used. The message is one plain sentence and never contains a password. */
public abstract class MailServerException extends Exception {

    private static final long serialVersionUID = 1L;

    private final MailProblem problem;

    protected MailServerException(MailProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public MailProblem problem() {
        return problem;
    }
}
