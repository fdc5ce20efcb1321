package com.supportdesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.TaskExecutor;
import com.supportdesk.ui.signin.SignInGate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sign-in, first admin and demo data, without the toolkit. */
class SignInViewModelTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
    List<Agent> signedIn = new ArrayList<>();

    List<Store> signedInStores = new ArrayList<>();

    private SignInViewModel vm(Store store) {
        return vm(SignInGate.embedded(store));
    }

    private SignInViewModel vm(SignInGate gate) {
        return new SignInViewModel(gate, TaskExecutor.direct(), false,
                () -> new Wiring(Map.of(), clock).openDemo(dir.resolve("demo")), s -> {
                    signedIn.add(s.agent());
                    signedInStores.add(s.store());
                });
    }

    @Test
    void anEmptyDatabaseOffersTheFirstAdminWhoIsCreatedAndSignedIn() {
        try (Store store = TestStores.open(dir, clock)) {
            SignInViewModel vm = vm(store);
            assertThat(vm.checkFirstRun().join()).isTrue();
            assertThat(vm.firstRunProperty().get()).isTrue();
            vm.adminUsernameProperty().set("ada");
            vm.adminNameProperty().set("Ada Lovelace");
            vm.adminPasswordProperty().set("s3cret");
            vm.adminRepeatProperty().set("s3cret");
            assertThat(vm.createFirstAdmin().join()).isNull();
            assertThat(vm.messageProperty().get()).startsWith("A password needs at least 12 characters");
            assertThat(store.agents().count()).isZero();
            vm.adminPasswordProperty().set("s3cret enough");
            vm.adminRepeatProperty().set("other");
            vm.createFirstAdmin().join();
            assertThat(vm.messageProperty().get()).isEqualTo("The two passwords differ.");
            vm.adminRepeatProperty().set("s3cret enough");
            Agent ada = vm.createFirstAdmin().join();
            assertThat(ada.admin()).isTrue();
            assertThat(signedIn).containsExactly(ada);
            assertThat(store.agents().authenticate("ada", "s3cret enough".toCharArray()).displayName()).isEqualTo("Ada Lovelace");
        }
    }

    @Test
    void tryWithDemoDataOpensADemoInItsOwnFolderAndLeavesTheRealDeskEmpty() {
        try (Store store = TestStores.open(dir.resolve("real"), clock)) {
            Agent lead = vm(store).tryDemo().join();
            assertThat(lead.username()).isEqualTo("lead");
            assertThat(signedIn).containsExactly(lead);
            Store demo = signedInStores.get(0);
            try {
                assertThat(demo).isNotSameAs(store);
                assertThat(demo.history().lastEventId()).isPositive();
                assertThat(demo.database().location().demo()).isTrue();
                assertThat(store.agents().count()).isZero();
                assertThat(store.history().lastEventId()).isZero();
                assertThat(store.database().location().demo()).isFalse();
            } finally {
                demo.close();
            }
        }
    }

    @Test
    void aOneTimePasswordIsReplacedBeforeTheDeskOpens() {
        try (Store store = TestStores.open(dir, clock)) {
            Agent admin = TestStores.admin(store);
            Agent olga = TestStores.agent(store, admin, "olga", Clearance.NONE);
            store.agents().resetPassword(admin, olga.id(), "one-time password 1".toCharArray());
            SignInViewModel vm = vm(store);
            vm.usernameProperty().set("olga");
            vm.passwordProperty().set("one-time password 1");
            vm.signIn().join();
            assertThat(vm.mustChangeProperty().get()).isTrue();
            assertThat(signedIn).isEmpty();
            vm.newPasswordProperty().set("my very own password");
            vm.newRepeatProperty().set("my very own password");
            vm.chooseNewPassword().join();
            assertThat(vm.mustChangeProperty().get()).isFalse();
            assertThat(signedIn).extracting(Agent::username).containsExactly("olga");
            assertThat(store.agents().mustChangePassword(olga.id())).isFalse();
            assertThat(store.agents().authenticate("olga", "my very own password".toCharArray()).id()).isEqualTo(olga.id());
        }
    }

    @Test
    void onATeamDatabaseThePasswordIsCheckedByPostgresAndTheFirstRunFormNeverShows() throws Exception {
        try (TestDesk desk = TestDesk.open(
                TestDesk.Engine.POSTGRES, dir, clock)) {
            desk.agent("una", Clearance.NONE);
            SignInGate gate = new Wiring(Map.of(), clock).teamGate(DataLocation.resolve(
                    dir.resolve("desktop"), desk.url()));
            SignInViewModel vm = vm(gate);
            assertThat(vm.checkFirstRun().join()).isFalse();
            assertThat(vm.demoModeProperty().get()).isFalse();
            assertThat(vm.where()).startsWith("Team database 127.0.0.1");
            vm.usernameProperty().set("una");
            vm.passwordProperty().set("not her password");
            assertThat(vm.signIn().join()).isNull();
            assertThat(vm.messageProperty().get()).isEqualTo("Unknown user name or wrong password.");
            vm.passwordProperty().set(TestDesk.PASSWORD);
            assertThat(vm.signIn().join().username()).isEqualTo("una");
            Store signedInStore = signedInStores.get(0);
            try {
                assertThat(signedInStore.database().postgres()).isTrue();
                assertThat(signedInStore.database().session().login()).isEqualTo("una");
                // remembered for the next start, without any credential
                assertThat(Files.readString(dir.resolve("desktop").resolve("team-database.properties")))
                        .contains(desk.url().replace(":", "\\:")).doesNotContain(TestDesk.PASSWORD);
            } finally {
                signedInStore.close();
            }
        }
    }

    @Test
    void aWrongPasswordSaysSoPlainlyAndTheRightOneSignsIn() {
        try (Store store = TestStores.open(dir, clock)) {
            new Wiring(Map.of(), clock).seedDemo(store);
            SignInViewModel vm = vm(store);
            assertThat(vm.checkFirstRun().join()).isFalse();
            vm.usernameProperty().set("agent");
            vm.passwordProperty().set("nope");
            assertThat(vm.signIn().join()).isNull();
            assertThat(vm.messageProperty().get()).isEqualTo("Unknown user name or wrong password.");
            assertThat(vm.passwordProperty().get()).isEmpty();
            vm.passwordProperty().set("agent-demo-desk");
            assertThat(vm.signIn().join().username()).isEqualTo("agent");
            assertThat(vm.messageProperty().get()).isEmpty();
            assertThat(signedIn).extracting(Agent::username).containsExactly("agent");
        }
    }
}
