/**
 * The desktop application (JavaFX). {@code MainWindow} is the one main window — splash, sign-in, then the desk —
 * and {@code DeskView} the signed-in desk: menus, boards, the ticket at hand and the status bar. The feature
 * subpackages hold one view and view-model pair per screen; docs/architecture.md maps which class opens which
 * window.
 *
 * <p>Also here: the services every feature is given by the wiring — {@code TaskExecutor} for background work
 * (results come back on the FX thread), {@code DialogService} for messages and file choosers, the shared 1 Hz
 * {@code Ticker} that drives every countdown — and the {@code Session} of the signed-in agent. Views are built in
 * code; view-models expose JavaFX properties and never hold Nodes, so they are tested without the toolkit.
 */
package com.supportdesk.ui;
