package com.supportdesk.mail;

/**
 * The raw message cannot be read as mail at all. The message is plain language for an administrator;
 * the caller quarantines the raw source with it.
 */
public class MailParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public MailParseException(String reason) {
        super(reason);
    }

    public MailParseException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
