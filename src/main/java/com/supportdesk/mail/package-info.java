/**
 * The e-mail channel, independent of the store (DESIGN.md section 4).
 *
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
 * <p>Nothing here touches the database; the intake wires these pieces to the store.
 */
package com.supportdesk.mail;
