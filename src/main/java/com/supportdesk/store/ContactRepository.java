package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.PhoneNumbers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Customers' administrators and registered users; unknown e-mail senders as unverified contacts. */
public final class ContactRepository {

    /** A contact with its customer's name and government flag, for lookups. */
    public record ContactMatch(Contact contact, String customerName, boolean government) {
    }

    private static final String COLS = "ct.id, ct.customer_id, ct.name, ct.email, ct.phone, ct.role, ct.verified";

    private final Database db;

    public ContactRepository(Database db) {
        this.db = db;
    }

    /**
     * Adds a contact. Agents add contacts while taking calls, so no admin right is needed; a null actor is
     * the set-up of an empty database or the system itself.
     */
    public Contact create(Agent actor, Long customerId, String name, String email, String phone, ContactRole role) {
        if (actor == AccessPolicy.NOBODY) {
            throw new StoreException.AccessDenied("Sign in to add contacts.");
        }
        return db.tx(c -> insert(c, customerId, name, email, phone, role, true));
    }

    /** The contact for an e-mail address, creating an unverified one (no customer yet) for an unknown sender. */
    public Contact findOrCreateByEmail(String email, String displayName) {
        String e = normEmail(email);
        return db.tx(c -> {
            Optional<Contact> found = byEmail(c, e);
            if (found.isPresent()) {
                return found.get();
            }
            String name = displayName == null || displayName.isBlank() ? e : displayName.strip();
            return insert(c, null, name, e, null, ContactRole.REGISTERED_USER, false);
        });
    }

    Contact insert(Connection c, Long customerId, String name, String email, String phone, ContactRole role,
                   boolean verified) throws SQLException {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new StoreException.Invalid("A contact needs a name.");
        }
        String e = email == null || email.isBlank() ? null : normEmail(email);
        if (e != null && byEmail(c, e).isPresent()) {
            throw new StoreException.Invalid("There is already a contact with the e-mail address " + e + ".");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO contact (customer_id, name, email, phone, phone_digits,"
                + " role, verified, created_at) VALUES (?,?,?,?,?,?,?,?)", Sql.ID)) {
            Sql.setLong(ps, 1, customerId);
            ps.setString(2, n);
            ps.setString(3, e);
            ps.setString(4, phone == null || phone.isBlank() ? null : phone.strip());
            ps.setString(5, phone == null || phone.isBlank() ? null : PhoneNumbers.normalize(phone));
            ps.setString(6, (role == null ? ContactRole.REGISTERED_USER : role).name());
            ps.setBoolean(7, verified);
            Sql.setInstant(ps, 8, db.clock().instant());
            ps.executeUpdate();
            return new Contact(Sql.generatedId(ps), customerId, n, e,
                    phone == null || phone.isBlank() ? null : phone.strip(), role == null ? ContactRole.REGISTERED_USER : role, verified);
        }
    }

    public Contact update(Agent actor, long id, Long customerId, String name, String email, String phone,
                          ContactRole role, boolean verified) {
        if (actor == null) {
            throw new StoreException.AccessDenied("Sign in to edit contacts.");
        }
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE contact SET customer_id=?, name=?, email=?, phone=?,"
                    + " phone_digits=?, role=?, verified=? WHERE id=?")) {
                Sql.setLong(ps, 1, customerId);
                ps.setString(2, name.strip());
                ps.setString(3, email == null || email.isBlank() ? null : normEmail(email));
                ps.setString(4, phone == null || phone.isBlank() ? null : phone.strip());
                ps.setString(5, phone == null || phone.isBlank() ? null : PhoneNumbers.normalize(phone));
                ps.setString(6, role.name());
                ps.setBoolean(7, verified);
                ps.setLong(8, id);
                if (ps.executeUpdate() == 0) {
                    throw new StoreException.NotFound("No contact with id " + id + ".");
                }
            }
            return byId(c, id).orElseThrow();
        });
    }

    public Optional<Contact> byEmail(String email) {
        return db.tx(c -> byEmail(c, normEmail(email)));
    }

    public Optional<Contact> byId(long id) {
        return db.tx(c -> byId(c, id));
    }

    public List<Contact> forCustomer(long customerId) {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM contact ct WHERE ct.customer_id=?"
                    + " ORDER BY ct.name")) {
                ps.setLong(1, customerId);
                return list(ps);
            }
        });
    }

    public List<Contact> all() {
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM contact ct ORDER BY ct.name")) {
                return list(ps);
            }
        });
    }

    /**
     * Caller lookup as you type: a phone number in any formatting ({@code +44}, spaces, leading 0), or part
     * of a name, e-mail address or customer name.
     */
    public List<ContactMatch> search(String text, int limit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        boolean phone = PhoneNumbers.looksLikePhone(t);
        String sql = "SELECT " + COLS + ", cu.name AS customer_name, cu.government FROM contact ct"
                + " LEFT JOIN customer cu ON cu.id = ct.customer_id WHERE "
                + (phone ? "ct.phone_digits LIKE ? ESCAPE '\\'"
                : "(LOWER(ct.name) LIKE ? ESCAPE '\\' OR LOWER(ct.email) LIKE ? ESCAPE '\\' OR LOWER(cu.name) LIKE ? ESCAPE '\\')")
                + " ORDER BY ct.name";
        return db.tx(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setMaxRows(limit);
                if (phone) {
                    String digits = PhoneNumbers.normalize(t);
                    // "+44 20 79" → "02079"; a partial number typed without the trunk zero still matches
                    ps.setString(1, Sql.likePattern(digits.startsWith("0") ? digits.substring(1) : digits));
                } else {
                    String p = Sql.likePattern(t);
                    ps.setString(1, p);
                    ps.setString(2, p);
                    ps.setString(3, p);
                }
                List<ContactMatch> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ContactMatch(map(rs), rs.getString("customer_name"), rs.getBoolean("government")));
                    }
                }
                return out;
            }
        });
    }

    static Optional<Contact> byEmail(Connection c, String email) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM contact ct WHERE ct.email=?")) {
            ps.setString(1, email);
            List<Contact> l = list(ps);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    static Optional<Contact> byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM contact ct WHERE ct.id=?")) {
            ps.setLong(1, id);
            List<Contact> l = list(ps);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        }
    }

    private static List<Contact> list(PreparedStatement ps) throws SQLException {
        List<Contact> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(map(rs));
            }
        }
        return out;
    }

    private static Contact map(ResultSet rs) throws SQLException {
        return new Contact(rs.getLong("id"), Sql.longOrNull(rs, "customer_id"), rs.getString("name"),
                rs.getString("email"), rs.getString("phone"), ContactRole.valueOf(rs.getString("role")),
                rs.getBoolean("verified"));
    }

    static String normEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
