package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.store.Store;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mail is flagged or moved on the server only after the group that stored it is committed durably: on a team database
 * whose server runs {@code synchronous_commit = off} (as the test server does) a crash could lose a commit the server
 * already reported, so the intake's group transaction raises it to {@code on}; a stronger setting is left as it is.
 * Observed from inside the transaction (the hook runs in it, on its thread, and a store call there joins it).
 */
class DurableIntakeCommitPostgresTest extends DeskIntakeTestBase {

    private static String setting(Store store) {
        return store.database().tx(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW synchronous_commit")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    /** The intake, noting the setting inside each message's transaction, just before it commits. */
    private static MailIntake noting(Store store, List<String> seen) {
        MailIntake intake = new MailIntake(store);
        intake.hooks = new MailIntake.Hooks() {
            @Override
            public void beforeCommit(Long uid) {
                seen.add(setting(store));
            }
        };
        return intake;
    }

    private void deliverTwo() throws Exception {
        deliver(mail("ann@acme.example", "Printer on fire", "<c1@acme.example>", "", "smoke"));
        deliver(mail("bob@acme.example", "Scanner jammed", "<c2@acme.example>", "", "paper"));
    }

    @Test
    void theGroupCommitsDurablyOnAServerThatDoesNotByDefault() throws Exception {
        Store store = open(TestDesk.Engine.POSTGRES);
        assertThat(setting(store)).as("the test server's default").isEqualTo("off");
        deliverTwo();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        assertThat(fetch(noting(store, seen)).newTickets()).isEqualTo(2);

        assertThat(seen).containsExactly("on", "on");
        assertThat(setting(store)).as("for the intake's transaction only").isEqualTo("off");
    }

    @Test
    void aStrongerSettingIsNotWeakened() throws Exception {
        desk = TestDesk.open(TestDesk.Engine.POSTGRES, dir, Clock.systemUTC());
        String db = desk.url().substring(desk.url().lastIndexOf('/') + 1);
        try (Connection su = TestPostgres.superuser(db); Statement st = su.createStatement()) {
            // before the gateway signs in, so its sessions start with it
            st.execute("ALTER DATABASE " + db + " SET synchronous_commit = 'remote_apply'");
        }
        Store store = desk.intake();
        assertThat(setting(store)).isEqualTo("remote_apply");
        deliverTwo();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());

        assertThat(fetch(noting(store, seen)).newTickets()).isEqualTo(2);

        assertThat(seen).containsExactly("remote_apply", "remote_apply");
    }
}
