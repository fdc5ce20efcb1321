/**
 * Start-up and wiring. {@link com.supportdesk.app.Launcher} is the jar's entry point: it runs the command line and,
 * without a subcommand, {@link com.supportdesk.app.DesktopLauncher} opens the desktop — the store behind a splash,
 * the mail channel, sign-in, the daily backup. {@link com.supportdesk.app.Wiring} is the one class that constructs
 * and connects the application's objects; everything else receives its collaborators through constructors.
 *
 * <p>{@link com.supportdesk.app.DemoData} fills an empty database with a demo desk (for {@code --demo} and the
 * sign-in screen's "Try with demo data").
 */
package com.supportdesk.app;
