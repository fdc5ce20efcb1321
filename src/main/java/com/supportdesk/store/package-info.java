/**
 * The database and everything that reads or writes it: H2 through a small connection pool, the schema from the
 * Flyway migrations in {@code db/migration}, one repository per group of tables, backups, and plain-language
 * errors ({@link com.supportdesk.store.StoreException}). {@link com.supportdesk.store.Store} is the one object the
 * wiring builds; {@link com.supportdesk.store.Database#tx} joins a transaction already running on the thread, so
 * repository calls compose into one commit.
 *
 * <p>This is where Official Sensitive content is filtered (docs/access-model.md): every read takes the acting agent
 * and passes tickets through {@link com.supportdesk.store.AccessPolicy#lens}, every change checks
 * {@link com.supportdesk.store.AccessPolicy#requireWrite} and the version the agent loaded, and reads of sensitive
 * content are written to the access audit. Methods taking a {@code java.sql.Connection} are for the system's own
 * use inside a store transaction (mail threading, call logging) and are not filtered.
 */
package com.supportdesk.store;
