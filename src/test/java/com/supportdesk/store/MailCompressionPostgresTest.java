package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Team schema V5: e-mail's raw source, body and attachments are compressed with lz4 where the server has it (issue
 * 17: pglz took a third of each e-mail INSERT's server time), and left as they were where it has not.
 */
class MailCompressionPostgresTest {

    @Test
    void mailColumnsUseLz4WhereTheServerHasIt() throws Exception {
        String url = TestPostgres.freshDatabase();
        try (Connection c = TestPostgres.superuser(url.substring(url.lastIndexOf('/') + 1));
             Statement st = c.createStatement()) {
            boolean lz4;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_settings"
                    + " WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)")) {
                rs.next();
                lz4 = rs.getInt(1) == 1;
            }
            Map<String, String> compression = new TreeMap<>();
            try (ResultSet rs = st.executeQuery("SELECT c.relname || '.' || a.attname, a.attcompression::text"
                    + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                    + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'sd_data'"
                    + " AND (c.relname, a.attname) IN (('message', 'raw_source'), ('message', 'body'),"
                    + " ('attachment', 'content'), ('quarantine', 'raw_source'), ('message', 'subject'))")) {
                while (rs.next()) {
                    compression.put(rs.getString(1), rs.getString(2));
                }
            }
            String mail = lz4 ? "l" : "";
            assertThat(compression).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                    "attachment.content", mail, "message.body", mail, "message.raw_source", mail,
                    "quarantine.raw_source", mail,
                    "message.subject", ""))); // other columns keep the server's default
        }
    }
}
