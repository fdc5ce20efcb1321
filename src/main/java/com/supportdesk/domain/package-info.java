/**
 * The vocabulary every layer shares: tickets, agents, customers, contacts, messages, calls and their enums
 * (severity, support level, status, channel, classification). Records and enums only, with no I/O and no
 * dependencies on other packages of the project.
 *
 * <p>A {@link com.supportdesk.domain.Ticket} is always a ticket <em>as one agent may see it</em>: when
 * {@link com.supportdesk.domain.Ticket#redacted()} is true the store has replaced its content by the Official
 * Sensitive placeholder. {@link com.supportdesk.domain.NewTicket} carries what opening a ticket needs, including
 * when the customer asked ({@code received}), which starts the response clock (docs/response-clock.md).
 */
package com.supportdesk.domain;
