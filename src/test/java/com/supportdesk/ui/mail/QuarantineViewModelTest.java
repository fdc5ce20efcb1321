package com.supportdesk.ui.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Ticket;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.common.ScriptedDialogs;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarantine screen's view-model without the toolkit (work runs at once on the calling thread). */
class QuarantineViewModelTest {

    @TempDir
    Path dir;
    MailUiFixture f;
    QuarantineViewModel vm;

    @BeforeEach
    void setUp() {
        f = new MailUiFixture(dir);
        vm = new QuarantineViewModel(f.quarantine, f.admin, ZoneOffset.UTC, TaskExecutor.direct(), new ScriptedDialogs());
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void listsRetriesAndMakesATicketAnyway() {
        long id = f.ingest(MailUiFixture.UNREADABLE).quarantineId();
        vm.refresh();
        assertThat(vm.rowsNow()).singleElement().satisfies(r -> {
            assertThat(r.when()).isEqualTo("9 Mar 2026 08:30");
            assertThat(r.reason()).contains("binary data");
            assertThat(r.size()).endsWith(" B");
            assertThat(r.state()).isEqualTo("open");
        });
        assertThat(vm.canRetryBinding().get()).isFalse();
        vm.selectedProperty().set(vm.rowsNow().get(0));
        assertThat(vm.canRetryBinding().get()).isTrue();

        vm.retry();
        assertThat(vm.status()).isEqualTo("Message " + id + " still cannot be read; it stays here.");
        assertThat(vm.rowsNow()).hasSize(1);
        assertThat(vm.selectedProperty().get()).as("the selection survives a refresh").isNotNull();

        vm.makeTicket();
        List<Ticket> tickets = f.store.tickets().board(f.admin, Instant.EPOCH);
        assertThat(tickets).singleElement().satisfies(t -> assertThat(t.subject()).isEqualTo("broken upload"));
        assertThat(vm.status()).isEqualTo("Ticket " + tickets.get(0).ref() + " made from message " + id + ".");
        assertThat(vm.rowsNow()).isEmpty();

        vm.showResolvedProperty().set(true);
        assertThat(vm.rowsNow()).singleElement()
                .satisfies(r -> assertThat(r.state()).isEqualTo("made ticket " + tickets.get(0).ref() + " by admin"));
        vm.selectedProperty().set(vm.rowsNow().get(0));
        assertThat(vm.canActBinding().get()).as("nothing more to do with it").isFalse();
    }

    @Test
    void automatedMailSavesRawSourceAndDismisses() throws Exception {
        f.ingest(MailUiFixture.AUTO_REPLY);
        vm.refresh();
        assertThat(vm.rowsNow()).isEmpty();
        assertThat(vm.status()).isEqualTo("Nothing here.");

        vm.showAutomatedProperty().set(true);
        QuarantineViewModel.Row row = vm.rowsNow().get(0);
        assertThat(row.from()).isEqualTo("Carol <carol@acme.example>");
        assertThat(row.subject()).isEqualTo("Out of office");
        vm.selectedProperty().set(row);
        assertThat(vm.canRetryBinding().get()).as("only unreadable mail is retried").isFalse();
        assertThat(vm.canActBinding().get()).isTrue();
        assertThat(vm.suggestedFileName()).isEqualTo("quarantined-" + row.id() + ".eml");

        Path target = dir.resolve("saved.eml");
        vm.saveRawSource(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(MailUiFixture.AUTO_REPLY);
        assertThat(vm.status()).isEqualTo("Saved " + MailUiFixture.AUTO_REPLY.length + " B to " + target + ".");

        vm.dismiss();
        assertThat(vm.status()).isEqualTo("Message " + row.id() + " dismissed.");
        assertThat(vm.rowsNow()).isEmpty();
    }

    @Test
    void failuresArePlainSentences() {
        f.ingest(MailUiFixture.UNREADABLE);
        var una = TestStores.agent(f.store, f.admin, "una", Clearance.NONE);
        QuarantineViewModel notAdmin = new QuarantineViewModel(f.quarantine, una, ZoneOffset.UTC, TaskExecutor.direct(), new ScriptedDialogs());
        notAdmin.refresh();
        assertThat(notAdmin.status()).isEqualTo("Only an admin may see quarantined mail.");
        assertThat(notAdmin.busyProperty().get()).isFalse();
    }
}
