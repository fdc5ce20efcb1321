package com.supportdesk.store;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.PhoneNumbers;
import com.supportdesk.domain.PhoneNumbers.InvalidPhoneNumber;
import com.supportdesk.domain.PhoneNumbers.Lookup;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Customers' administrators and registered users; unknown e-mail senders as unverified contacts.
 *
 * <p>Phone numbers ({@link PhoneNumbers}): kept as typed in {@code phone}, matched by {@code phone_e164}, the extension
 * apart in {@code phone_ext}, {@code phone_digits} the digits of the number as dialled in its own country (for matching
 * part of a number), {@code region} the contact's country, in which a number without country code is read; without
 * one, the desk's default region (setting {@value PhoneNumbers#DEFAULT_REGION_SETTING}).
 */
public final class ContactRepository {

    /** A contact with its customer's name and government flag, for lookups. */
    public record ContactMatch(Contact contact, String customerName, boolean government) {
    }

    private static final String COLS = "ct.id, ct.customer_id, ct.name, ct.email, ct.phone, ct.role, ct.verified,"
            + " ct.phone_e164, ct.phone_ext, ct.region";

    static final int MAX_PHONE = 64;
    static final int MAX_EXTENSION = 20;
    static final int MAX_DIGITS = 32;

    private final Database db;
    private final SettingsRepository settings;

    public ContactRepository(Database db, SettingsRepository settings) {
        this.db = db;
        this.settings = settings;
    }

    /**
     * Adds a contact. Agents add contacts while taking calls, so no admin right is needed; a null actor is
     * the set-up of an empty database or the system itself. The contact's region is the country of a number typed
     * with its country code, else the desk's default region.
     */
    public Contact create(Agent actor, Long customerId, String name, String email, String phone, ContactRole role) {
        return create(actor, customerId, name, email, phone, null, null, role);
    }

    /**
     * Adds a contact with a phone number, its extension and the contact's region.
     *
     * @param phone     as typed, in any format; may carry the extension ({@code … ext. 23})
     * @param extension the extension's digits, or null (then the one typed with the number, if any)
     * @param region    the contact's country (ISO 3166-1 alpha-2), in which a number without country code is read;
     *                  null: the country of a number typed with its country code, else the desk's default region
     * @throws StoreException.Invalid for a number, extension or region that cannot be read, in plain words
     */
    public Contact create(Agent actor, Long customerId, String name, String email, String phone, String extension,
                          String region, ContactRole role) {
        if (actor == AccessPolicy.NOBODY) {
            throw new StoreException.AccessDenied("Sign in to add contacts.");
        }
        return db.tx(c -> insert(c, customerId, name, email, phone, extension, region, role, true));
    }

    /** The region a number without country code is read in when the contact has none: the desk's setting, else GB. */
    public String defaultRegion() {
        return db.tx(this::defaultRegion);
    }

    String defaultRegion(Connection c) throws SQLException {
        return settings.get(c, PhoneNumbers.DEFAULT_REGION_SETTING).filter(PhoneNumbers::isRegion)
                .map(PhoneNumbers::region).orElse(PhoneNumbers.DEFAULT_REGION);
    }

    /**
     * Sets the desk's default region (admins only). Numbers already stored keep the region they were read in; numbers
     * typed from now on without a country code, for contacts without a region of their own, and the caller lookup's
     * whole national numbers are read in it.
     *
     * @return the region as stored (upper case)
     * @throws StoreException.Invalid for an unknown region code
     */
    public String setDefaultRegion(Agent admin, String region) {
        String r = regionOrInvalid(region);
        settings.putAll(admin, Map.of(PhoneNumbers.DEFAULT_REGION_SETTING, r));
        return r;
    }

    /** The contact for an e-mail address, creating an unverified one (no customer yet) for an unknown sender. */
    public Contact findOrCreateByEmail(String email, String displayName) {
        String e = normEmail(email);
        return db.tx(c -> {
            Optional<Contact> found = byEmail(c, e);
            if (found.isPresent()) {
                return found.get();
            }
            return insertSender(c, e, displayName); // looked for above
        });
    }

    /** The unverified contact for an unknown sender's address {@code e} (normalized), which no contact has. */
    private Contact insertSender(Connection c, String e, String displayName) throws SQLException {
        String name = displayName == null || displayName.isBlank() ? e : displayName.strip();
        return insertRow(c, null, name, e, null, null, null, ContactRole.REGISTERED_USER, false);
    }

    /**
     * The second half of {@link #findOrCreateByEmail} within the caller's transaction, for a caller that has just looked
     * the address up ({@link #byEmails}) and found no contact: the unverified contact for the unknown sender.
     */
    public Contact createForSender(Tx tx, String email, String displayName) {
        return tx.sql(c -> insertSender(c, normEmail(email), displayName));
    }

    /**
     * The contacts of these e-mail addresses in one statement (issue 17: a group of the mail intake looks its senders up
     * at once), keyed by {@link #emailKey} of the address; an address no contact has is not in the map.
     */
    public Map<String, Contact> byEmails(Tx tx, Collection<String> emails) {
        List<String> keys = emails.stream().map(ContactRepository::normEmail).distinct().toList();
        if (keys.isEmpty()) {
            return Map.of();
        }
        return tx.sql(c -> {
            Map<String, Contact> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLS + " FROM contact ct WHERE ct.email = ANY(?)")) {
                ps.setArray(1, Sql.array(c, "varchar", keys));
                for (Contact found : list(ps)) {
                    out.put(found.email(), found);
                }
            }
            return out;
        });
    }

    /** An e-mail address as contacts are stored and looked up by it (trimmed, lower case): what {@link #byEmails} keys. */
    public static String emailKey(String email) {
        return normEmail(email);
    }

    Contact insert(Connection c, Long customerId, String name, String email, String phone, ContactRole role,
                   boolean verified) throws SQLException {
        return insert(c, customerId, name, email, phone, null, null, role, verified);
    }

    Contact insert(Connection c, Long customerId, String name, String email, String phone, String extension,
                   String region, ContactRole role, boolean verified) throws SQLException {
        String e = email == null || email.isBlank() ? null : normEmail(email);
        if (e != null && byEmail(c, e).isPresent()) {
            throw new StoreException.Invalid("There is already a contact with the e-mail address " + e + ".");
        }
        return insertRow(c, customerId, name, e, phone, extension, region, role, verified);
    }

    /** The INSERT itself, for an e-mail address ({@code e}, normalized) that no contact has. */
    private Contact insertRow(Connection c, Long customerId, String name, String e, String phone, String extension,
                              String region, ContactRole role, boolean verified) throws SQLException {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new StoreException.Invalid("A contact needs a name.");
        }
        // the desk's default region is read only for a number to read in it (not for every sender the intake adds)
        PhoneColumns p = phoneColumns(phone, extension, region, null,
                phone == null || phone.isBlank() ? null : defaultRegion(c));
        ContactRole r = role == null ? ContactRole.REGISTERED_USER : role;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO contact (customer_id, name, email, phone, phone_digits,"
                + " role, verified, created_at, phone_e164, phone_ext, region) VALUES (?,?,?,?,?,?,?,?,?,?,?)", Sql.ID)) {
            Sql.setLong(ps, 1, customerId);
            ps.setString(2, n);
            ps.setString(3, e);
            ps.setString(4, p.typed());
            ps.setString(5, p.digits());
            ps.setString(6, r.name());
            ps.setBoolean(7, verified);
            Sql.setInstant(ps, 8, db.clock().instant());
            ps.setString(9, p.e164());
            ps.setString(10, p.extension());
            ps.setString(11, p.region());
            ps.executeUpdate();
            return new Contact(Sql.generatedId(ps), customerId, n, e, p.typed(), r, verified, p.e164(), p.extension(),
                    p.region());
        }
    }

    /**
     * Changes a contact. The contact keeps their region; the extension stored is kept while the number stays the same
     * and the text typed carries none.
     */
    public Contact update(Agent actor, long id, Long customerId, String name, String email, String phone,
                          ContactRole role, boolean verified) {
        return update(actor, id, customerId, name, email, phone, null, null, role, verified);
    }

    /**
     * Changes a contact, with the phone number's extension and the contact's region.
     *
     * @param extension the extension's digits; "" removes it; null keeps the stored one while the number stays the
     *                  same (unless the number typed carries one)
     * @param region    the contact's country; null keeps theirs (or, for a contact without one, as in {@link #create})
     * @throws StoreException.Invalid for a number, extension or region that cannot be read, in plain words
     */
    public Contact update(Agent actor, long id, Long customerId, String name, String email, String phone,
                          String extension, String region, ContactRole role, boolean verified) {
        if (actor == null) {
            throw new StoreException.AccessDenied("Sign in to edit contacts.");
        }
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new StoreException.Invalid("A contact needs a name.");
        }
        return db.tx(c -> {
            Contact before = byId(c, id).orElseThrow(() -> new StoreException.NotFound("No contact with id " + id + "."));
            PhoneColumns p = phoneColumns(phone, extension, region, before.region(), defaultRegion(c));
            if (extension == null && p.extension() == null && p.e164() != null && p.e164().equals(before.phoneE164())) {
                p = p.withExtension(before.phoneExtension());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE contact SET customer_id=?, name=?, email=?, phone=?,"
                    + " phone_digits=?, role=?, verified=?, phone_e164=?, phone_ext=?, region=? WHERE id=?")) {
                Sql.setLong(ps, 1, customerId);
                ps.setString(2, n);
                ps.setString(3, email == null || email.isBlank() ? null : normEmail(email));
                ps.setString(4, p.typed());
                ps.setString(5, p.digits());
                ps.setString(6, role.name());
                ps.setBoolean(7, verified);
                ps.setString(8, p.e164());
                ps.setString(9, p.extension());
                ps.setString(10, p.region());
                ps.setLong(11, id);
                if (ps.executeUpdate() == 0) {
                    throw new StoreException.NotFound("No contact with id " + id + ".");
                }
            }
            return byId(c, id).orElseThrow();
        });
    }

    /** The phone columns of a contact: as typed, E.164, extension, digits for matching, and the contact's region. */
    record PhoneColumns(String typed, String e164, String extension, String digits, String region) {

        PhoneColumns withExtension(String ext) {
            return new PhoneColumns(typed, e164, ext, digits, region);
        }
    }

    /**
     * Reads a contact's number for storage.
     *
     * @param given    the region the caller named, or null
     * @param kept     the contact's region so far, or null
     * @param fallback the desk's default region
     * @throws StoreException.Invalid for a number, extension or region that cannot be read
     */
    static PhoneColumns phoneColumns(String phone, String extension, String given, String kept, String fallback) {
        String region = given == null || given.isBlank() ? kept : regionOrInvalid(given);
        String ext = extension == null ? null : extension.strip();
        if (ext != null && !ext.isEmpty() && (ext.length() > MAX_EXTENSION || !ext.chars().allMatch(ch -> ch >= '0' && ch <= '9'))) {
            throw new StoreException.Invalid("An extension is 1 to " + MAX_EXTENSION + " digits ('" + ext + "' is not).");
        }
        String typed = phone == null || phone.isBlank() ? null : phone.strip();
        if (typed == null) {
            if (ext != null && !ext.isEmpty()) {
                throw new StoreException.Invalid("An extension needs a phone number.");
            }
            return new PhoneColumns(null, null, null, null, region);
        }
        if (typed.length() > MAX_PHONE) {
            throw new StoreException.Invalid("A phone number is at most " + MAX_PHONE + " characters.");
        }
        PhoneNumbers.Number number;
        try {
            number = PhoneNumbers.parse(typed, region != null ? region : fallback);
        } catch (InvalidPhoneNumber e) {
            throw new StoreException.Invalid(e.getMessage());
        }
        String readExt = number.extension();
        if (ext != null && readExt != null && !ext.isEmpty() && !ext.equals(readExt)) {
            throw new StoreException.Invalid("'" + typed + "' carries the extension " + readExt + ", not " + ext
                    + ": give the extension once.");
        }
        String finalExt = ext == null ? readExt : ext.isEmpty() ? readExt : ext;
        return new PhoneColumns(typed, number.e164(), finalExt, number.nationalDigits(),
                region != null ? region : number.region());
    }

    /**
     * The phone columns of a row written before numbers were read (migration V11): never fails; a number that cannot
     * be read keeps its text and digits (so a search by digits still finds it) and gets no E.164 form.
     */
    static PhoneColumns recomputed(String phone, String region, String fallback) {
        String typed = phone == null || phone.isBlank() ? null : phone.strip();
        String kept = PhoneNumbers.isRegion(region) ? PhoneNumbers.region(region) : null;
        if (typed == null) {
            return new PhoneColumns(phone, null, null, null, kept);
        }
        return PhoneNumbers.tryParse(typed, kept != null ? kept : fallback)
                .map(n -> new PhoneColumns(phone, n.e164(), n.extension(), n.nationalDigits(),
                        kept != null ? kept : n.region()))
                .orElseGet(() -> {
                    String d = PhoneNumbers.digitsOf(typed);
                    return new PhoneColumns(phone, null, null, d.isEmpty() ? null
                            : d.substring(0, Math.min(d.length(), MAX_DIGITS)), kept);
                });
    }

    static String regionOrInvalid(String region) {
        try {
            return PhoneNumbers.region(region);
        } catch (IllegalArgumentException e) {
            throw new StoreException.Invalid(e.getMessage());
        }
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
     * Caller lookup as you type: a phone number, whole or in part, in any formatting ({@code +44 (0)20 79},
     * {@code 0044 20…}, {@code 020 7946}, {@code 7946 0018}, {@code +33 1 23}, with or without an extension), or part
     * of a name, e-mail address or customer name. A number typed with its country code matches the start of contacts'
     * E.164 numbers; one typed without matches anywhere in their numbers as dialled in their own country (so an Irish
     * contact's {@code 01 234 5678} is found by {@code 01 234}) or in their E.164 digits. The same whole number comes
     * first (read in the desk's default region, or equal to the contact's own national number), then a contact with the
     * extension typed; the extension never filters.
     */
    public List<ContactMatch> search(String text, int limit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return List.of();
        }
        return db.tx(c -> {
            Optional<Lookup> phone = PhoneNumbers.lookup(t, defaultRegion(c));
            List<String> params = new ArrayList<>();
            StringBuilder sql = new StringBuilder("SELECT " + COLS + ", cu.name AS customer_name, cu.government FROM contact ct"
                    + " LEFT JOIN customer cu ON cu.id = ct.customer_id WHERE ");
            if (phone.isPresent()) {
                Lookup l = phone.get();
                List<String> any = new ArrayList<>();
                if (l.exact() != null) {
                    any.add("ct.phone_e164 = ?");
                    params.add(l.exact());
                }
                if (l.e164Prefix() != null) {
                    any.add("ct.phone_e164 LIKE ? ESCAPE '\\'");
                    params.add(Sql.likePrefix(l.e164Prefix()));
                }
                if (l.digits() != null) {
                    any.add("ct.phone_digits LIKE ? ESCAPE '\\'");
                    params.add(Sql.likePattern(l.digits()));
                    any.add("ct.phone_e164 LIKE ? ESCAPE '\\'");
                    params.add(Sql.likePattern(l.digits()));
                }
                sql.append('(').append(String.join(" OR ", any)).append(") ORDER BY ");
                List<String> same = new ArrayList<>();
                if (l.exact() != null) {
                    same.add("ct.phone_e164 = ?");
                    params.add(l.exact());
                }
                if (l.digits() != null) {
                    same.add("ct.phone_digits = ?");
                    params.add(l.digits());
                }
                if (!same.isEmpty()) {
                    sql.append("CASE WHEN ").append(String.join(" OR ", same)).append(" THEN 0 ELSE 1 END, ");
                }
                if (l.extension() != null) {
                    sql.append("CASE WHEN ct.phone_ext = ? THEN 0 ELSE 1 END, ");
                    params.add(l.extension());
                }
                sql.append("ct.name, ct.id");
            } else {
                String p = Sql.likePattern(t);
                sql.append("(LOWER(ct.name) LIKE ? ESCAPE '\\' OR LOWER(ct.email) LIKE ? ESCAPE '\\'"
                        + " OR LOWER(cu.name) LIKE ? ESCAPE '\\') ORDER BY ct.name, ct.id");
                params.addAll(List.of(p, p, p));
            }
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setMaxRows(limit);
                for (int i = 0; i < params.size(); i++) {
                    ps.setString(i + 1, params.get(i));
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
                rs.getBoolean("verified"), rs.getString("phone_e164"), rs.getString("phone_ext"), rs.getString("region"));
    }

    static String normEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}
