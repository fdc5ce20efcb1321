package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.testing.OneDeskTest;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, the team database: every lookup the mail gateway makes for every message can read by an index, so the
 * cost of a message does not grow with the mailbox. The planner is told not to scan a table whole where it has any
 * other way ({@code enable_seqscan = off}): a "Seq Scan" of one of the intake's tables left in the plan is a lookup
 * no index serves (tables this small would otherwise be scanned whole even with the index).
 */
class IntakeQueryPlanPostgresTest extends OneDeskTest {

    private static String plan(Connection c, String sql, Object... args) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("SET enable_seqscan = off");
        }
        StringBuilder out = new StringBuilder();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("RESET enable_seqscan");
            }
        }
        return out.toString();
    }

    @Test
    void everyPerMessageLookupOfTheGatewayReadsByIndex() throws Exception {
        open(TestDesk.Engine.POSTGRES);
        Store intake = desk.intake();
        Map<String, String> plans = new LinkedHashMap<>();
        intake.database().run(c -> {
            try {
                // as the gateway sends them, through the access model's views
                plans.put("contact by address", plan(c, "SELECT id FROM contact ct WHERE ct.email = ?", "a@b.example"));
                plans.put("ticket by id", plan(c, intake.tickets().byId(), 1L));
                plans.put("ticket by Message-ID", plan(c, intake.tickets().byMessageIds(2), "<a@b.example>", "<c@d.example>",
                        "<a@b.example>", "<c@d.example>"));
                // what a group of messages reads at once (GroupLookups)
                plans.put("stored under keys", plan(c, MailboxRepository.STORED_UNDER,
                        Sql.array(c, "varchar", List.of("<a@b.example>", "<c@d.example>")),
                        Sql.array(c, "varchar", List.of("<a@b.example>", "<c@d.example>"))));
                plans.put("contacts by address", plan(c, "SELECT id FROM contact ct WHERE ct.email = ANY(?)",
                        Sql.array(c, "varchar", List.of("a@b.example", "c@d.example"))));
                plans.put("tickets by id", plan(c, intake.tickets().byIds(), Sql.array(c, "bigint", List.of(1L, 2L))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // inside sd.sender_known (a function: its own statements do not show in the caller's plan)
        try (Connection su = TestPostgres.superuser(desk.url().substring(desk.url().lastIndexOf('/') + 1))) {
            plans.put("sender_known", plan(su, "SELECT 1 FROM sd_data.contact ct WHERE lower(ct.email) = lower(?)"
                    + " AND (ct.id = ? OR (ct.customer_id = ?))", "A@b.example", 1L, 2L));
        }
        List<String> scans = new ArrayList<>();
        plans.forEach((what, plan) -> {
            for (String table : List.of("message", "quarantine", "contact", "ticket")) {
                if (plan.contains("Seq Scan on " + table + " ")) {
                    scans.add(what + " scans " + table + ":\n" + plan);
                }
            }
        });
        assertThat(scans).isEmpty();
        assertThat(plans.get("sender_known")).contains("ix_contact_email_lower");
    }
}
