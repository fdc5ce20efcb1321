package com.supportdesk.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A store transaction in progress, as mail, phone and the rest of the desk hold it: the store's methods that must
 * join a larger unit of work (a message stored with its ticket and the mail checkpoint, a call logged with its
 * ticket) take a {@code Tx} instead of a JDBC connection, so nothing outside this package sees JDBC. Start one
 * with {@link Database#inTx}; repository calls made inside join it and commit or roll back together.
 */
public final class Tx {

    private final Database db;
    private final Connection connection;

    Tx(Database db, Connection connection) {
        this.db = db;
        this.connection = connection;
    }

    Connection connection() {
        return connection;
    }

    /** Runs store SQL on this transaction, turning a database failure into a plain {@link StoreException}. */
    <T> T sql(Database.Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw db.translate(e);
        }
    }

    /** As {@link #sql(Database.Work)}, without a result. */
    void run(Database.SqlRunnable work) {
        sql(c -> {
            work.run(c);
            return null;
        });
    }
}
