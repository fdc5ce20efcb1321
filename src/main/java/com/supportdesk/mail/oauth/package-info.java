/**
 * OAuth 2.0 client flows for signing a mailbox in (Microsoft 365, Google, any OAuth 2.0 server), on the Nimbus
 * OAuth 2.0 SDK; nothing here knows about mail or the store. Rules and reasons: {@code docs/mail.md}, "Signing in
 * with OAuth 2.0".
 *
 * <ul>
 *   <li>{@link com.supportdesk.mail.oauth.OAuthClient}: the app registration with the providers' presets.</li>
 *   <li>{@link com.supportdesk.mail.oauth.OAuthFlows}: authorization code with PKCE, the device grant (RFC 8628)
 *       and refresh; errors are {@link com.supportdesk.mail.oauth.OAuthException}s with one plain sentence.</li>
 *   <li>{@link com.supportdesk.mail.oauth.CodeFlowSession} with {@link com.supportdesk.mail.oauth.LoopbackReceiver}:
 *       one browser sign-in with its loopback redirect (RFC 8252), or an address pasted back.</li>
 * </ul>
 *
 * <p>No token, code or secret is ever logged, put in a message or shown by {@code toString()}.
 */
package com.supportdesk.mail.oauth;
