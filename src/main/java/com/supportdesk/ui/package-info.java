/**
 * The desktop application (JavaFX): the shell that composes the features. {@code MainWindow} is the one main window —
 * splash, sign-in, then the desk — and {@code DeskView} the signed-in desk: menus, boards, the ticket at hand and the
 * status bar; {@code DeskTools} adds the lead and admin tools, the wallboard, the quarterly report and About to it.
 * The feature subpackages hold one view and view-model pair per screen and depend only on {@code ui.common} (and the
 * layers below the UI), never on each other or on this package; LayerRulesTest checks it. docs/architecture.md maps
 * which class opens which window.
 */
package com.supportdesk.ui;
