/**
 * The ticket at hand, in the right-hand pane of the desk: header and countdown, conversation, history and
 * attachments ({@code TicketDetailView} and its view-model), and every action on the ticket with its dialog
 * ({@code TicketActions}: new ticket, assign, severity, support level, status, internal note, reply by e-mail); what
 * each dialog asks and checks is in its own view-model ({@code NewTicketForm}, {@code AssignForm}, {@code LevelForm},
 * {@code ValueForm}).
 * Each change goes to the store with the version the agent loaded; when someone else changed the ticket first,
 * the dialog stays open with the message and what was typed.
 */
package com.supportdesk.ui.ticket;
