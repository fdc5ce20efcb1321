package com.supportdesk.team;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.Passwords;
import com.supportdesk.store.Store;
import com.supportdesk.store.TeamSetup;
import com.supportdesk.testing.TestPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamSmokeTest {
    @TempDir
    Path dir;

    @Test
    void adminCreatesATicket() {
        String url = TestPostgres.freshDatabase();
        new TeamSetup(url, TestPostgres.OWNER, TestPostgres.OWNER_PASSWORD, Clock.systemUTC())
                .init(null, new TeamSetup.NewLogin("admin", "Ada Admin", "admin-password".toCharArray()), true, null);
        DataLocation loc = DataLocation.resolve(dir, url);
        try (Store store = new Store(Database.openTeam(loc, "admin", "admin-password".toCharArray(), Clock.systemUTC()),
                new Passwords(1000), ZoneOffset.UTC)) {
            var admin = store.agents().findByUsername("admin").orElseThrow();
            Ticket t = store.changes().create(admin, NewTicket.of("Login page fails", Severity.S2, Channel.EMAIL,
                    Instant.parse("2026-11-25T14:00:00Z")));
            assertThat(t.subject()).isEqualTo("Login page fails");
            assertThat(store.tickets().board(admin, Instant.EPOCH)).hasSize(1);
        }
    }
}
