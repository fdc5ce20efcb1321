package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening an embedded database that already has this build's schema skips Flyway (issue 17: start-up of every
 * command); anything else still goes through Flyway, with its checks.
 */
class EmbeddedSchemaTest {

    @TempDir
    Path dir;
    final Clock clock = Clock.fixed(Instant.parse("2026-12-05T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void theShippedListIsWhatFlywayFindsInThisBuild() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:shipped;DB_CLOSE_DELAY=-1");
        Flyway flyway = Database.embeddedMigrations(ds).load();
        List<EmbeddedSchema.Step> resolved = Stream.of(flyway.info().all())
                .map(i -> new EmbeddedSchema.Step(i.getVersion().toString(), i.getType().name(), i.getChecksum()))
                .toList();
        // on a failure, this message is the list to paste into EmbeddedSchema.SHIPPED
        assertThat(EmbeddedSchema.SHIPPED).as("EmbeddedSchema.SHIPPED must be: %s", resolved).isEqualTo(resolved);
    }

    @Test
    void aNewDatabaseIsMigratedByFlywayAndACurrentOneOpensWithoutIt() throws Exception {
        try (Database created = open()) {
            assertThat(created.flywayRuns()).isEqualTo(1);
        }
        assertThat(historyOf(dir)).isEqualTo(EmbeddedSchema.SHIPPED);
        try (Database reopened = open()) {
            assertThat(reopened.flywayRuns()).isZero();
            int savedReplies = reopened.tx(c -> {
                try (Statement st = c.createStatement();
                     var rs = st.executeQuery("SELECT COUNT(*) FROM saved_reply")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            assertThat(savedReplies).isZero(); // the latest migration's table is there
        }
    }

    @Test
    void aDatabaseOfThePreviousReleaseIsUpgradedByFlyway() throws Exception {
        List<EmbeddedSchema.Step> previous = EmbeddedSchema.SHIPPED.subList(0, EmbeddedSchema.SHIPPED.size() - 1);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(DataLocation.embeddedUrl(dir));
        ds.setUser("sa");
        Database.embeddedMigrations(ds).target(previous.get(previous.size() - 1).version()).load().migrate();
        assertThat(historyOf(dir)).isEqualTo(previous);
        try (Database upgraded = open()) {
            assertThat(upgraded.flywayRuns()).isEqualTo(1);
        }
        assertThat(historyOf(dir)).isEqualTo(EmbeddedSchema.SHIPPED);
    }

    @Test
    void anEditedMigrationIsLeftToFlywaysValidation() throws Exception {
        open().close();
        sql("UPDATE \"flyway_schema_history\" SET \"checksum\" = 1 WHERE \"version\" = '4'");
        assertThatThrownBy(this::open).isInstanceOf(StoreException.class).hasMessageContaining("checksum");
    }

    @Test
    void aFailedMigrationInTheHistoryIsNotCurrent() throws Exception {
        open().close();
        sql("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '12'");
        try (Connection c = DriverManager.getConnection(DataLocation.embeddedUrl(dir), "sa", "")) {
            assertThat(EmbeddedSchema.isCurrent(c)).isFalse();
        }
    }

    @Test
    void aFileWithoutAHistoryTableIsNotCurrent() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:empty", "sa", "")) {
            assertThat(EmbeddedSchema.applied(c)).isEmpty();
            assertThat(EmbeddedSchema.isCurrent(c)).isFalse();
        }
    }

    private Database open() {
        return Database.open(DataLocation.resolve(dir, null), clock);
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = DriverManager.getConnection(DataLocation.embeddedUrl(dir), "sa", "");
             Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
        }
    }

    private static List<EmbeddedSchema.Step> historyOf(Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection(DataLocation.embeddedUrl(dir), "sa", "")) {
            return EmbeddedSchema.applied(c);
        }
    }
}
