package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.testing.Cli;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in on the embedded database: repeated failures wait, unknown names cost the same, new passwords are long. */
class SignInThrottleTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");

    private static final String WRONG = "not the password at all";

    @Test
    void afterFiveFailuresEvenTheRightPasswordWaitsAndTheWaitDoubles() {
        try (Store store = TestStores.open(dir, clock)) {
            Agent admin = TestStores.admin(store);
            TestStores.agent(store, admin, "sam", Clearance.NONE);
            char[] right = TestStores.password("sam").toCharArray();
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> store.agents().authenticate("sam", WRONG.toCharArray()))
                        .hasMessage("Unknown user name or wrong password.");
            }
            assertThatThrownBy(() -> store.agents().authenticate("sam", right))
                    .isInstanceOf(StoreException.AccessDenied.class)
                    .hasMessage("Too many failed sign-ins as 'sam'. Wait 30 s and try again.");
            clock.advance(Duration.ofSeconds(31));
            // one more failure: the next wait is twice as long
            assertThatThrownBy(() -> store.agents().authenticate("sam", WRONG.toCharArray()))
                    .hasMessage("Unknown user name or wrong password.");
            assertThatThrownBy(() -> store.agents().authenticate("sam", right))
                    .hasMessage("Too many failed sign-ins as 'sam'. Wait 1 min and try again.");
            clock.advance(Duration.ofSeconds(61));
            assertThat(store.agents().authenticate("sam", right).username()).isEqualTo("sam");
            // a success starts afresh: five more failures are free again
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> store.agents().authenticate("sam", WRONG.toCharArray()))
                        .hasMessage("Unknown user name or wrong password.");
            }
            // other names are not affected
            assertThat(store.agents().authenticate("admin", TestStores.password("admin").toCharArray()).admin()).isTrue();
        }
    }

    @Test
    void aNameNobodyHasIsThrottledInTheSameWordsSoTheThrottleRevealsNothing() {
        try (Store store = TestStores.open(dir, clock)) {
            TestStores.admin(store);
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> store.agents().authenticate("ghost", WRONG.toCharArray()))
                        .hasMessage("Unknown user name or wrong password.");
            }
            assertThatThrownBy(() -> store.agents().authenticate("ghost", WRONG.toCharArray()))
                    .hasMessage("Too many failed sign-ins as 'ghost'. Wait 30 s and try again.");
        }
    }

    @Test
    void theWaitHoldsAcrossSeparateCommandLineRuns() {
        try (Store store = TestStores.open(dir, clock)) {
            TestStores.agent(store, TestStores.admin(store), "sam", Clearance.NONE);
        }
        for (int i = 0; i < 5; i++) {
            Cli.Result r = new Cli(clock).env("SUPPORTDESK_PASSWORD", WRONG)
                    .run("--data-dir", dir.toString(), "agent", "list", "--user", "sam");
            assertThat(r.exit()).isEqualTo(1);
            assertThat(r.err()).contains("Unknown user name or wrong password.");
        }
        Cli right = new Cli(clock).env("SUPPORTDESK_PASSWORD", TestStores.password("sam"));
        Cli.Result refused = right.run("--data-dir", dir.toString(), "agent", "list", "--user", "sam");
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("Too many failed sign-ins as 'sam'. Wait 30 s and try again.");
        clock.advance(Duration.ofSeconds(30));
        Cli.Result ok = right.run("--data-dir", dir.toString(), "agent", "list", "--user", "sam");
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.out()).contains("sam,Sam,1,false,false,false,true");
    }

    /** Counts the password checks and what they were checked against. */
    static final class CountingPasswords extends Passwords {
        final List<String> checkedAgainst = new ArrayList<>();

        CountingPasswords() {
            super(1_000);
        }

        @Override
        public boolean verify(char[] password, String stored) {
            checkedAgainst.add(stored);
            return super.verify(password, stored);
        }
    }

    @Test
    void anUnknownNameCostsTheSameHashingAsAWrongPassword() {
        CountingPasswords passwords = new CountingPasswords();
        try (Store store = new Store(Database.open(DataLocation.resolve(dir, null), clock), passwords, ZoneOffset.UTC)) {
            TestStores.admin(store);
            assertThatThrownBy(() -> store.agents().authenticate("admin", WRONG.toCharArray()))
                    .hasMessage("Unknown user name or wrong password.");
            assertThatThrownBy(() -> store.agents().authenticate("nobody-here", WRONG.toCharArray()))
                    .hasMessage("Unknown user name or wrong password.");
            assertThat(passwords.checkedAgainst).hasSize(2);
            // both were full PBKDF2 checks with the same work factor: the unknown name against a dummy hash
            assertThat(passwords.checkedAgainst).allSatisfy(h -> assertThat(h).startsWith("pbkdf2-sha512$1000$"));
            assertThat(passwords.checkedAgainst.get(1)).isNotEqualTo(passwords.checkedAgainst.get(0));
        }
    }

    @Test
    void theWaitGrowsToFifteenMinutesAtMost() {
        assertThat(SignInThrottle.wait(4)).isZero();
        assertThat(SignInThrottle.wait(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(SignInThrottle.wait(6)).isEqualTo(Duration.ofMinutes(1));
        assertThat(SignInThrottle.wait(9)).isEqualTo(Duration.ofMinutes(8));
        assertThat(SignInThrottle.wait(10)).isEqualTo(Duration.ofMinutes(15));
        assertThat(SignInThrottle.wait(1000)).isEqualTo(Duration.ofMinutes(15));
    }
}
