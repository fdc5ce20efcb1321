package com.supportdesk.mail;

/** What happens to a message on the IMAP server once its ticket is committed. */
public enum AfterImport {
    /** Set the \Seen flag. */
    MARK_SEEN,
    /** Move it to {@link ImapSettings#moveToFolder()} (created when missing). */
    MOVE
}
