package com.supportdesk.store;

import com.supportdesk.domain.PhoneNumbers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Embedded database migration V11: contacts' phone numbers read with libphonenumber ({@link PhoneNumbers}). Adds
 * {@code contact.phone_e164}, {@code phone_ext} and {@code region}, and recomputes every stored number from the text
 * as typed ({@code contact.phone}): E.164, the extension apart, the region it belongs to, and {@code phone_digits} as
 * the number's digits as dialled in its own country (it held a UK-only digits form before). A number that cannot be
 * read keeps its text and digits and gets no E.164 form; nothing is lost.
 *
 * <p>Registered in {@link Database} through Flyway's {@code javaMigrations} (not found by scanning a {@code db.migration}
 * package), next to the SQL migrations in {@code src/main/resources/db/migration}. The team database on PostgreSQL
 * has these columns in its own {@code db/postgresql/V1__model.sql}.
 */
final class PhoneNumbersMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11");
    }

    @Override
    public String getDescription() {
        return "phone numbers E164";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement st = c.createStatement()) {
            st.execute("ALTER TABLE contact ADD COLUMN phone_e164 VARCHAR(16)");
            st.execute("ALTER TABLE contact ADD COLUMN phone_ext VARCHAR(20)");
            st.execute("ALTER TABLE contact ADD COLUMN region VARCHAR(2)");
            st.execute("CREATE INDEX ix_contact_phone_e164 ON contact (phone_e164)");
            st.execute("UPDATE contact SET phone_digits = NULL WHERE phone IS NULL");
        }
        recompute(c);
    }

    /** Reads every stored number again in the desk's default region. */
    static int recompute(Connection c) throws SQLException {
        String fallback = PhoneNumbers.DEFAULT_REGION;
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM app_setting WHERE setting_key = ?")) {
            ps.setString(1, PhoneNumbers.DEFAULT_REGION_SETTING);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && PhoneNumbers.isRegion(rs.getString(1))) {
                    fallback = PhoneNumbers.region(rs.getString(1));
                }
            }
        }
        int n = 0;
        try (PreparedStatement read = c.prepareStatement("SELECT id, phone, region FROM contact WHERE phone IS NOT NULL"
                + " ORDER BY id");
             PreparedStatement write = c.prepareStatement("UPDATE contact SET phone_digits = ?, phone_e164 = ?,"
                     + " phone_ext = ?, region = ? WHERE id = ?");
             ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                ContactRepository.PhoneColumns p = ContactRepository.recomputed(rs.getString(2), rs.getString(3), fallback);
                write.setString(1, p.digits());
                write.setString(2, p.e164());
                write.setString(3, p.extension());
                write.setString(4, p.region());
                write.setLong(5, rs.getLong(1));
                write.addBatch();
                if (++n % 500 == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
        return n;
    }
}
