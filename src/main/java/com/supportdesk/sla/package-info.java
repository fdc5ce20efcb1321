/**
 * The response clock: business time, deadlines, remaining time and the state of a ticket against its target
 * (docs/response-clock.md). Pure computation — no database, no JavaFX, no clock of its own; callers pass instants.
 *
 * <p>{@link com.supportdesk.sla.CalendarSpec} describes a calendar (zone, hours, holiday region, closures) and
 * {@link com.supportdesk.sla.BusinessCalendar} is its compiled form, fast enough for millions of deadlines a
 * second. {@link com.supportdesk.sla.ResponsePolicy} holds the dated policy versions and
 * {@link com.supportdesk.sla.ResponseClock} measures each ticket under the version in force when it was received.
 * UK bank holidays come from Jollyday with a bundled corrections file; {@link com.supportdesk.sla.HolidayImport}
 * reads office closures from {@code .ics} files and the gov.uk bank-holidays JSON.
 */
package com.supportdesk.sla;
