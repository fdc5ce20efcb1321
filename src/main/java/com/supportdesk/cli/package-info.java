/**
 * The command line ({@code support-desk <subcommand>}), built with picocli. {@link com.supportdesk.cli.RootCommand}
 * holds the global options (data folder, database URL, demo data) and, with no subcommand, hands over to the
 * desktop through {@link com.supportdesk.cli.RootCommand.DesktopStarter}, implemented in {@code app} so that this
 * package never touches JavaFX.
 *
 * <p>Subcommands cover the response clock ({@code sla}), people and customers, tickets, chats, exports and
 * reports, training and outages, backups, the shared H2 server and the mail gateway ({@code ingest}). A command
 * that reads tickets signs in with {@code --user} (password from {@code SUPPORTDESK_PASSWORD} or a prompt);
 * without it the reader is nobody and sees no Official Sensitive content. Errors are one plain sentence on
 * standard error with exit status 1, bad arguments exit 2.
 */
package com.supportdesk.cli;
