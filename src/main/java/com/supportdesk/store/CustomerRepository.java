package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Customer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Customers, with the UK Government flag and contracted training sessions. */
public final class CustomerRepository {

    private final Database db;

    public CustomerRepository(Database db) {
        this.db = db;
    }

    public Customer create(Agent actor, String name, boolean government, int trainingSessions) {
        AgentRepository.requireAdmin(actor, "add customers");
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new StoreException.Invalid("A customer needs a name.");
        }
        if (trainingSessions < 0) {
            throw new StoreException.Invalid("The number of training sessions cannot be negative.");
        }
        return db.tx(c -> {
            if (byName(c, n).isPresent()) {
                throw new StoreException.Invalid("There is already a customer called '" + n + "'.");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer (name, government,"
                    + " training_sessions_contracted, created_at) VALUES (?,?,?,?)", Sql.ID)) {
                ps.setString(1, n);
                ps.setBoolean(2, government);
                ps.setInt(3, trainingSessions);
                Sql.setInstant(ps, 4, db.clock().instant());
                ps.executeUpdate();
                return new Customer(Sql.generatedId(ps), n, government, trainingSessions);
            }
        });
    }

    public Customer update(Agent actor, long id, String name, boolean government, int trainingSessions) {
        AgentRepository.requireAdmin(actor, "edit customers");
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE customer SET name=?, government=?,"
                    + " training_sessions_contracted=? WHERE id=?")) {
                ps.setString(1, name.strip());
                ps.setBoolean(2, government);
                ps.setInt(3, trainingSessions);
                ps.setLong(4, id);
                if (ps.executeUpdate() == 0) {
                    throw new StoreException.NotFound("No customer with id " + id + ".");
                }
            }
            return byId(c, id).orElseThrow();
        });
    }

    public List<Customer> all() {
        return db.tx(c -> {
            List<Customer> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, name, government, training_sessions_contracted FROM customer ORDER BY name")) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    public Optional<Customer> byName(String name) {
        return db.tx(c -> byName(c, name));
    }

    public Optional<Customer> byId(long id) {
        return db.tx(c -> byId(c, id));
    }

    /** Finds a customer by name, case-insensitively, or says which names exist. */
    public Customer require(String name) {
        return byName(name).orElseThrow(() -> new StoreException.NotFound("No customer called '" + name
                + "'. Known customers: " + String.join(", ", all().stream().map(Customer::name).toList()) + "."));
    }

    static Optional<Customer> byName(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, government, training_sessions_contracted"
                + " FROM customer WHERE LOWER(name)=LOWER(?)")) {
            ps.setString(1, name == null ? "" : name.strip());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    static Optional<Customer> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, government, training_sessions_contracted"
                + " FROM customer WHERE id=?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Customer map(ResultSet rs) throws SQLException {
        return new Customer(rs.getLong("id"), rs.getString("name"), rs.getBoolean("government"),
                rs.getInt("training_sessions_contracted"));
    }
}
