/**
 * The lead and admin tools, each in its own window: the response policy (targets, hours, holidays and closures,
 * saved as a new dated version), agents, customers and contacts, training sessions, outages, and the access audit
 * for cleared team leads, each in a {@code ui.common.ToolWindow}. The desk's {@code DeskTools} decides who sees which
 * menu entry and opens one window of each kind at a time. The store checks every right again; the menus only spare
 * people buttons they cannot use.
 */
package com.supportdesk.ui.admin;
