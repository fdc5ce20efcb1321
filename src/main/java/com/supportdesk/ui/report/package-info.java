/**
 * Reports → Quarterly report: choose a customer, a quarter and PDF or CSV, and the report is written in the
 * background with progress and Cancel. The report itself is built by {@code com.supportdesk.report}, filtered for
 * the reader like every other read.
 */
package com.supportdesk.ui.report;
