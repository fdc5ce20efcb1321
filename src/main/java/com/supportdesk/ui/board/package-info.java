/**
 * The board: the columns New, Open, Waiting on customer and Resolved today, with a card per ticket showing its
 * severity, countdown and assignee, filters and search. The same view serves the Official Sensitive tab for
 * cleared staff.
 *
 * <p>{@code ChangeFeed} follows the database's ticket history so changes from other desktops, the mail gateway and
 * the command line appear within about a second (docs/decisions/004-change-feed.md). {@code SlaAlerts} raises the
 * 50/75/90 % notifications from a priority queue, so a tick costs the same however many tickets are open.
 */
package com.supportdesk.ui.board;
