/**
 * The desktop side of the e-mail channel: the mail settings dialog (accounts, connection test, acknowledgements),
 * the quarantine screen for unreadable and automated mail, both for admins, and the live intake status in the
 * desk's status bar. The work itself is done by {@code com.supportdesk.mail}; docs/mail.md has its rules.
 */
package com.supportdesk.ui.mail;
