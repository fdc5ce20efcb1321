package com.supportdesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.TaskExecutor;
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

    private SignInViewModel vm(Store store) {
        return new SignInViewModel(store, TaskExecutor.direct(), false, () -> new Wiring(Map.of(), clock).seedDemo(store),
                signedIn::add);
    }

    @Test
    void anEmptyDatabaseOffersTheFirstAdminWhoIsCreatedAndSignedIn() {
        try (Store store = TestStores.open(dir, clock)) {
            SignInViewModel vm = vm(store);
            assertThat(vm.checkFirstRun().join()).isTrue();
            assertThat(vm.firstRun().get()).isTrue();
            vm.adminUsername().set("ada");
            vm.adminName().set("Ada Lovelace");
            vm.adminPassword().set("s3cret");
            vm.adminRepeat().set("s3cret");
            assertThat(vm.createFirstAdmin().join()).isNull();
            assertThat(vm.message().get()).startsWith("A password needs at least 12 characters");
            assertThat(store.agents().count()).isZero();
            vm.adminPassword().set("s3cret enough");
            vm.adminRepeat().set("other");
            vm.createFirstAdmin().join();
            assertThat(vm.message().get()).isEqualTo("The two passwords differ.");
            vm.adminRepeat().set("s3cret enough");
            Agent ada = vm.createFirstAdmin().join();
            assertThat(ada.admin()).isTrue();
            assertThat(signedIn).containsExactly(ada);
            assertThat(store.agents().authenticate("ada", "s3cret enough".toCharArray()).displayName()).isEqualTo("Ada Lovelace");
        }
    }

    @Test
    void tryWithDemoDataSeedsAndSignsInAsLead() {
        try (Store store = TestStores.open(dir, clock)) {
            Agent lead = vm(store).tryDemo().join();
            assertThat(lead.username()).isEqualTo("lead");
            assertThat(signedIn).containsExactly(lead);
            assertThat(store.tickets().lastEventId()).isPositive();
        }
    }

    @Test
    void aWrongPasswordSaysSoPlainlyAndTheRightOneSignsIn() {
        try (Store store = TestStores.open(dir, clock)) {
            new Wiring(Map.of(), clock).seedDemo(store);
            SignInViewModel vm = vm(store);
            assertThat(vm.checkFirstRun().join()).isFalse();
            vm.username().set("agent");
            vm.password().set("nope");
            assertThat(vm.signIn().join()).isNull();
            assertThat(vm.message().get()).isEqualTo("Unknown user name or wrong password.");
            assertThat(vm.password().get()).isEmpty();
            vm.password().set("agent-demo-desk");
            assertThat(vm.signIn().join().username()).isEqualTo("agent");
            assertThat(vm.message().get()).isEmpty();
            assertThat(signedIn).extracting(Agent::username).containsExactly("agent");
        }
    }
}
