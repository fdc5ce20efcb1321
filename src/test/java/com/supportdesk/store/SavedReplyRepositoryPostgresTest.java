package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.SavedReply;
import com.supportdesk.testing.TestDesk;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link SavedReplyRepositoryTest} on a real PostgreSQL team database, each agent with their own login;
 * and the same rules as the database itself enforces them, against any client: plain JDBC with an agent's own password.
 */
class SavedReplyRepositoryPostgresTest extends SavedReplyRepositoryTest {

    @Override
    TestDesk.Engine engine() {
        return TestDesk.Engine.POSTGRES;
    }

    private Connection psql(String user) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", TestDesk.PASSWORD);
        return DriverManager.getConnection(desk.url(), p);
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static int update(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    @Test
    void anotherAgentGetsNoRowOfAPersonalReplyWhateverTheClient() throws Exception {
        SavedReply mine = as(ann).add(ann, personal("Ann's own", "private words"));
        as(ann).setSignature(ann, "Ann's signature");
        as(lee).add(lee, team("Team one", null, "team words"));
        for (String other : List.of("bob", "lee", "admin")) {
            try (Connection c = psql(other)) {
                assertThat(strings(c, "SELECT name FROM sd.saved_reply")).as(other).containsExactly("Team one");
                assertThat(strings(c, "SELECT body FROM sd.saved_reply WHERE id = " + mine.id())).as(other).isEmpty();
                assertThat(strings(c, "SELECT body FROM sd.agent_signature")).as(other).isEmpty();
                assertThat(update(c, "UPDATE sd.saved_reply SET body = 'taken' WHERE id = " + mine.id())).isZero();
                assertThat(update(c, "DELETE FROM sd.saved_reply WHERE id = " + mine.id())).isZero();
                assertThat(update(c, "UPDATE sd.agent_signature SET body = 'taken'")).isZero();
                // nor can one plant a reply or signature in someone else's name
                assertThatThrownBy(() -> update(c, "INSERT INTO sd.saved_reply (owner_id, name, body, created_at,"
                        + " updated_at) VALUES (" + ann.id() + ", 'Planted', 'x', now(), now())"))
                        .isInstanceOf(SQLException.class).hasMessageContaining("belongs to the agent who saves it");
                assertThatThrownBy(() -> update(c, "INSERT INTO sd.agent_signature (agent_id, body, updated_at) VALUES ("
                        + ann.id() + ", 'Planted', now())")).isInstanceOf(SQLException.class);
            }
        }
        desk.intake();
        try (Connection c = psql(TestDesk.INTAKE)) {
            assertThatThrownBy(() -> strings(c, "SELECT name FROM sd.saved_reply")).as("the mail gateway")
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
        }
        try (Connection c = psql("ann")) {
            assertThat(strings(c, "SELECT body FROM sd.saved_reply ORDER BY id")).containsExactly("private words",
                    "team words");
            assertThat(strings(c, "SELECT body FROM sd.agent_signature")).containsExactly("Ann's signature");
        }
    }

    @Test
    void theDatabaseLetsOnlyLeadsWriteTheTeamsReplies() throws Exception {
        SavedReply ack = as(lee).add(lee, team("Ack", "ack", "We have it."));
        try (Connection c = psql("ann")) {
            assertThatThrownBy(() -> update(c, "INSERT INTO sd.saved_reply (owner_id, name, body, created_at, updated_at)"
                    + " VALUES (NULL, 'Sneaky', 'x', now(), now())")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Only team leads add the team's saved replies");
            assertThatThrownBy(() -> update(c, "UPDATE sd.saved_reply SET body = 'changed' WHERE id = " + ack.id()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Only team leads change");
            assertThatThrownBy(() -> update(c, "DELETE FROM sd.saved_reply WHERE id = " + ack.id()))
                    .isInstanceOf(SQLException.class).hasMessageContaining("Only team leads change");
            // a personal reply cannot be made the team's
            update(c, "INSERT INTO sd.saved_reply (owner_id, name, body, created_at, updated_at) VALUES ("
                    + ann.id() + ", 'Own', 'x', now(), now())");
            assertThatThrownBy(() -> update(c, "UPDATE sd.saved_reply SET owner_id = NULL WHERE name = 'Own'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("keeps its owner");
            // the database records who wrote it, whatever the client says
            try (PreparedStatement ps = c.prepareStatement("SELECT updated_by FROM sd.saved_reply WHERE name = 'Own'");
                 ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(ann.id());
            }
        }
        assertThat(as(lee).list(lee)).containsExactly(ack);
        try (Connection c = psql("lee")) {
            assertThat(update(c, "UPDATE sd.saved_reply SET body = 'Lead changed it', updated_by = " + ann.id()
                    + " WHERE id = " + ack.id())).isEqualTo(1);
        }
        SavedReply now = as(ann).find(ann, "Ack").orElseThrow();
        assertThat(now.body()).isEqualTo("Lead changed it");
        assertThat(now.version()).isEqualTo(ack.version() + 1);
    }
}
