/**
 * Support Desk: a desktop help-desk client that enforces a business-hours response policy. One jar is the desktop
 * application, the command line, the mail gateway and the shared database server.
 *
 * <p>The code is packaged by concern, each package using only those before it: {@code domain} → {@code sla} →
 * {@code store} → {@code mail}, {@code phone}, {@code report} → {@code cli}, {@code ui} → {@code app}. Only
 * {@code ui} and {@code app} use JavaFX. The design documentation is in {@code docs/} at the project root;
 * {@code docs/architecture.md} is the place to start.
 */
package com.supportdesk;
