/**
 * Small pieces several desk features use: the words and colour of a response-clock countdown
 * ({@code Countdown}), the modal action form that keeps what was typed when a save fails ({@code FormDialog}), and
 * icon helpers. Nothing here knows about a particular screen.
 */
package com.supportdesk.ui.common;
