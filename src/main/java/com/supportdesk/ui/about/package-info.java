/**
 * Help → About Support Desk: version, data folder, database, log file and runtime, as text that can be copied into
 * a support request.
 */
package com.supportdesk.ui.about;
