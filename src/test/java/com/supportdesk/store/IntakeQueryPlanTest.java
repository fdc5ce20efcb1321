package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the lookups the mail intake makes for every message use an index on H2, so the cost of a message does
 * not grow with the mailbox (the plans are read with EXPLAIN; a table scan of a growing table is the defect).
 */
class IntakeQueryPlanTest {

    @TempDir
    Path dir;

    @Test
    void everyPerMessageLookupReadsByIndex() {
        try (Store store = TestStores.open(dir, Clock.systemUTC())) {
            List<String> plans = new ArrayList<>();
            store.database().run(c -> {
                // the ticket of the ids a reply names; the sender's contact (what is stored under a Message-ID and
                // whether a sender is known to a ticket are read as a group's are: everyPerGroupLookupReadsByIndex)
                for (String sql : List.of(store.tickets().byMessageIds(2),
                        "SELECT ct.id FROM contact ct WHERE ct.email = ?")) {
                    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                        for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                            ps.setObject(i, i == 1 && sql.contains("t.id = ?") ? (Object) 1L : "a@b.example");
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            plans.add(rs.getString(1));
                        }
                    }
                }
            });
            assertThat(plans).allSatisfy(plan -> assertThat(plan).doesNotContainIgnoringCase("tableScan"));
            assertThat(plans.get(0)).contains("UQ_MESSAGE_MESSAGE_ID");
            assertThat(plans.get(1)).contains("UQ_CONTACT_EMAIL");
        }
    }

    @Test
    void everyPerGroupLookupReadsByIndex() {
        try (Store store = TestStores.open(dir, Clock.systemUTC())) {
            List<String> plans = new ArrayList<>();
            store.database().run(c -> {
                // what a group's messages have stored under their keys; their tickets; their senders' contacts; whether
                // those senders are known to the tickets
                for (String sql : List.of(MailboxRepository.STORED_UNDER, store.tickets().byIds(),
                        "SELECT ct.id FROM contact ct WHERE ct.email = ANY(?)", Conversation.KNOWN_SENDER)) {
                    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
                        for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                            boolean ids = sql.contains("t.id = ANY") || (sql.contains("UNNEST") && i == 1);
                            ps.setArray(i, ids ? Sql.array(c, "bigint", List.of(1L, 2L))
                                    : Sql.array(c, "varchar", List.of("a@b.example", "c@d.example")));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            plans.add(rs.getString(1));
                        }
                    }
                }
            });
            assertThat(plans).allSatisfy(plan -> assertThat(plan.replace("/* function */", ""))
                    .doesNotContainIgnoringCase("tableScan"));
            assertThat(plans.get(0)).contains("UQ_MESSAGE_MESSAGE_ID").contains("IX_QUARANTINE_KEY");
            assertThat(plans.get(1)).contains("PRIMARY_KEY");
            assertThat(plans.get(2)).contains("UQ_CONTACT_EMAIL");
            assertThat(plans.get(3)).contains("UQ_CONTACT_EMAIL");
        }
    }
}
