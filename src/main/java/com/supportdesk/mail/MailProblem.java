package com.supportdesk.mail;

/** Why talking to a mail server failed; lets callers choose retry and backoff (never retry AUTHENTICATION fast). */
public enum MailProblem {
    AUTHENTICATION,
    UNKNOWN_HOST,
    CONNECTION_REFUSED,
    TIMEOUT,
    TLS,
    /** SMTP only: the server refused one or more recipients. */
    RECIPIENT_REJECTED,
    /** An established connection broke; reconnect. */
    CONNECTION_LOST,
    /** The server answered with an error not covered above. */
    SERVER_ERROR,
    /**
     * The saved OAuth 2.0 sign-in was revoked or has expired (the token endpoint answered {@code invalid_grant}):
     * an admin signs in again. Nothing is fetched or sent meanwhile.
     */
    SIGN_IN_EXPIRED;

    /** Worth retrying later without a change of settings. */
    public boolean isTransient() {
        return this == TIMEOUT || this == CONNECTION_REFUSED || this == CONNECTION_LOST || this == SERVER_ERROR;
    }
}
