/**
 * The telephone operator's screens: the call console (Ctrl+L opens it with the call timer already running, finds
 * the caller by phone number, name or e-mail as they type, and logs the call on a new or existing ticket) and the
 * chat log window for pasted transcripts. A call in progress is autosaved, so a crash loses neither its notes nor
 * its start ({@code DraftRecovery} offers an unfinished call back; {@code NewCallerForm} adds an unknown caller). The
 * logging rules live in {@code com.supportdesk.phone}.
 */
package com.supportdesk.ui.phone;
