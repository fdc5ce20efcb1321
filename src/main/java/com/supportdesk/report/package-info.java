/**
 * What leaves the desk as files: ticket exports ({@link com.supportdesk.report.TicketExporter}, CSV or JSON) and
 * the quarterly report per customer ({@link com.supportdesk.report.ReportService}, as CSV or as a PDF with charts),
 * with response compliance per severity and monthly availability against the 99.5 % target.
 *
 * <p>Every ticket comes from the store's filtered reads, so a report or export made for an uncleared reader holds
 * only placeholders for Official Sensitive tickets; a cleared reader's report is recorded in the access audit.
 * No JavaFX: the charts are drawn for the PDF directly.
 */
package com.supportdesk.report;
