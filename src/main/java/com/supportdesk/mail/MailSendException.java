package com.supportdesk.mail;

/** A reply could not be sent over SMTP; the draft stays and this says why. */
public class MailSendException extends MailServerException {

    private static final long serialVersionUID = 1L;

    public MailSendException(MailProblem problem, String message, Throwable cause) {
        super(problem, message, cause);
    }
}
