/**
 * What every desk feature shares, so each thing is done one way:
 * <ul>
 *   <li>background work: {@code BackgroundTask}s run by the {@code TaskExecutor} ({@code UiTaskExecutor} in the app),
 *       shown through a view-model's {@code TaskState} (busy, status, error; {@code TaskViewModel} for form-like
 *       view-models), failures worded by {@code Errors};</li>
 *   <li>dialogs: {@code DialogService} ({@code FxDialogService}), and {@code FormDialog} for an action's form that
 *       keeps what was typed when a save fails;</li>
 *   <li>actions: {@code DeskAction} declares each action once (text, icon, key, ids), {@code ActionFactory} makes
 *       menus, buttons, tooltips and the F1 help from it, {@code KeyStyle} writes the keys;</li>
 *   <li>the look: {@code Theme} (every window's stylesheets, colour tokens in colors.css), {@code Styles} (the
 *       style-class names Java uses), {@code Forms} and {@code Icons};</li>
 *   <li>the session, the shared 1 Hz {@code Ticker}, {@code Countdown} texts, {@code TicketOrder}, and the rule
 *       that the newer version of a ticket wins ({@code NewerWins}).</li>
 * </ul>
 * Nothing here knows about a particular screen.
 */
package com.supportdesk.ui.common;
