/**
 * The team lead's wallboard, in its own window so it can run full screen on a wall display: every open ticket's
 * countdown, counts per severity, what is overdue or at risk, tickets needing triage or a cleared agent, each
 * agent's load and today's compliance. It follows the desk's change feed and shared ticker, and hides Official
 * Sensitive subjects from the room until a cleared lead chooses to show them.
 */
package com.supportdesk.ui.lead;
