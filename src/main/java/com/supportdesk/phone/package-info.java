/**
 * Telephone calls and chat transcripts, without any UI. {@link com.supportdesk.phone.CallService} autosaves a call
 * in progress as a draft and logs the finished call on a new or existing ticket in one transaction;
 * {@link com.supportdesk.phone.TranscriptParser} reads pasted chat transcripts leniently and
 * {@link com.supportdesk.phone.ChatImporter} stores them.
 *
 * <p>Which of these stop the response clock, and at which instant, is set out in docs/response-clock.md: a call on
 * an existing ticket counts from its start, a chat from the desk's first written reply; a call that opens a ticket
 * is the request itself. {@link com.supportdesk.phone.PolicyHints} gives the operator the policy's notices (never
 * blocks).
 */
package com.supportdesk.phone;
