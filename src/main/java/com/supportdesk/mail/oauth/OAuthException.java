package com.supportdesk.mail.oauth;

/** A sign-in or token request failed. The message is one plain sentence and never holds a token or secret. */
public class OAuthException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What went wrong, so callers can choose: sign in again, fix the settings, or retry later. */
    public enum Kind {
        /** The refresh token (grant) was revoked or has expired ({@code invalid_grant}): sign in again. */
        GRANT_EXPIRED,
        /** The person declined the sign-in ({@code access_denied}). */
        DENIED,
        /** The sign-in was not finished in time (device code expired, browser never came back). */
        TIMED_OUT,
        /** The app registration or the request is wrong: client id or secret, redirect URI, scopes. */
        CLIENT,
        /** The answer could not be read or did not belong to this sign-in (wrong state, no code, no token). */
        BAD_RESPONSE,
        /** The sign-in server could not be reached. Worth retrying. */
        UNREACHABLE,
        /** The sign-in server answered with another error. Worth retrying. */
        SERVER
    }

    private final Kind kind;

    public OAuthException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Trying again later, without a new sign-in or other settings, may work. */
    public boolean isTransient() {
        return kind == Kind.UNREACHABLE || kind == Kind.SERVER;
    }
}
