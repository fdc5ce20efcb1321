package com.supportdesk.ui.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.TaskExecutor;
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
            assertThat(vm.firstRunProperty().get()).isTrue();
            vm.adminUsernameProperty().set("ada");
            vm.adminNameProperty().set("Ada Lovelace");
            vm.adminPasswordProperty().set("s3cret");
            vm.adminRepeatProperty().set("other");
            vm.createFirstAdmin().join();
            assertThat(vm.messageProperty().get()).isEqualTo("The two passwords differ.");
            vm.adminRepeatProperty().set("s3cret");
            Agent ada = vm.createFirstAdmin().join();
            assertThat(ada.admin()).isTrue();
            assertThat(signedIn).containsExactly(ada);
            assertThat(store.agents().authenticate("ada", "s3cret".toCharArray()).displayName()).isEqualTo("Ada Lovelace");
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
            vm.usernameProperty().set("agent");
            vm.passwordProperty().set("nope");
            assertThat(vm.signIn().join()).isNull();
            assertThat(vm.messageProperty().get()).isEqualTo("Unknown user name or wrong password.");
            assertThat(vm.passwordProperty().get()).isEmpty();
            vm.passwordProperty().set("agent");
            assertThat(vm.signIn().join().username()).isEqualTo("agent");
            assertThat(vm.messageProperty().get()).isEmpty();
            assertThat(signedIn).extracting(Agent::username).containsExactly("agent");
        }
    }
}
