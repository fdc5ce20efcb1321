/**
 * The e-mail channel, in two layers; its rules and their reasons are in {@code docs/mail.md}.
 *
 * <p><b>Mail without the store</b>:
 * <ul>
 *   <li>{@link com.supportdesk.mail.MailParser} turns a raw message (file or bytes) into a
 *       {@link com.supportdesk.mail.ParsedMail}, or throws {@link com.supportdesk.mail.MailParseException}
 *       with a plain reason for the quarantine. Attachments are streamed from the raw source on demand.</li>
 *   <li>{@link com.supportdesk.mail.ImapMailbox} fetches raw messages by UID into spool files and marks or
 *       moves them after the caller's commit; {@link com.supportdesk.mail.SmtpSender} sends what
 *       {@link com.supportdesk.mail.ReplyBuilder} builds.</li>
 *   <li>{@link com.supportdesk.mail.AckRateLimiter} decides whether a new ticket may be acknowledged.</li>
 * </ul>
 *
 * <p><b>Mail wired to the store</b>:
 * <ul>
 *   <li>{@link com.supportdesk.mail.MailIntake}: one transaction per message (raw source, ticket / thread /
 *       bounce / automated log / quarantine, checkpoint), flagged on the server after the commit, deduped by
 *       Message-ID and content digest.</li>
 *   <li>{@link com.supportdesk.mail.IntakeService}: the run loop (IDLE or polling, reconnect with back-off,
 *       catch-up, status lines for the UI and the gateway).</li>
 *   <li>{@link com.supportdesk.mail.ReplyService}: agents' replies (send, then record as first contact) and the
 *       optional acknowledgement.</li>
 *   <li>{@link com.supportdesk.mail.QuarantineService}: retry, make ticket anyway, save raw source, dismiss.</li>
 *   <li>{@link com.supportdesk.mail.MailSettingsService} with {@link com.supportdesk.mail.SecretBox}: the
 *       settings in {@code app_setting}, passwords and the OAuth refresh token encrypted.</li>
 *   <li>{@link com.supportdesk.mail.MailTokens}: access tokens of the saved OAuth 2.0 sign-in
 *       ({@link com.supportdesk.mail.OAuthAccount}) for IMAP and SMTP over XOAUTH2, renewed before they expire;
 *       {@link com.supportdesk.mail.MailSignIn} saves a finished sign-in. The client flows are in
 *       {@code mail.oauth}.</li>
 *   <li>{@link com.supportdesk.mail.MailChannel}: all of the above built for one store — what the application
 *       wires.</li>
 * </ul>
 *
 * <p>Log lines name UIDs, refs, entry ids and counts — never a password, subject, body or address.
 */
package com.supportdesk.mail;
