package com.supportdesk.ui.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import com.supportdesk.app.Wiring;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.AttachmentInfo;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import com.supportdesk.ui.WindowStateStore;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.ScriptedDialogs;
import com.supportdesk.ui.common.Session;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ticket at hand without the toolkit: conversation order, actions, conflicts, attachments. */
class TicketDetailViewModelTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-03-11T11:00:00Z");
    Store store;
    Agent lead;
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    TicketDetailViewModel vm;
    List<Ticket> changed = new ArrayList<>();

    @BeforeEach
    void open() {
        store = TestStores.open(dir.resolve("db"), clock);
        new Wiring(Map.of(), clock).seedDemo(store);
        lead = store.agents().findByUsername("lead").orElseThrow();
        vm = new TicketDetailViewModel(Session.open(store, lead, ZoneOffset.UTC), TaskExecutor.direct(), dialogs,
                new Countdown(ZoneOffset.UTC), "test");
        vm.setOnChanged(changed::add);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Ticket bySubject(String prefix) {
        return store.tickets().board(lead, Instant.EPOCH).stream().filter(t -> t.subject().startsWith(prefix)).findFirst()
                .orElseThrow();
    }

    @Test
    void conversationIsOldestFirstAndSaysWhatStoppedTheClock() {
        Ticket t = bySubject("Invoice batch stuck");
        vm.show(t).join();
        assertThat(vm.conversation()).isSortedAccordingTo(Comparator.comparing(TicketDetailViewModel.Entry::at));
        assertThat(vm.conversation()).extracting(TicketDetailViewModel.Entry::kind)
                .contains(TicketDetailViewModel.EntryKind.REQUEST, TicketDetailViewModel.EntryKind.EMAIL_OUT);
        assertThat(vm.clockDetailProperty().get()).startsWith("Clock stopped by an e-mail reply");
        assertThat(vm.countdownTextProperty().get()).startsWith("met in");
        assertThat(vm.history()).isNotEmpty();
    }

    @Test
    void escalationToLevelThreeShowsStepsAndIsolationInTheConversation() {
        Ticket t = bySubject("Single user cannot upload");
        vm.show(t).join();
        vm.changeLevel(SupportLevel.L2, "needs config access", null, null).join();
        vm.changeLevel(SupportLevel.L3, "defect", "1. upload a 20 MB photo", "reproduced on our tenant").join();
        assertThat(vm.ticketProperty().get().level()).isEqualTo(SupportLevel.L3);
        assertThat(vm.conversation()).anyMatch(e -> e.kind() == TicketDetailViewModel.EntryKind.NOTE
                && e.body().contains("1. upload a 20 MB photo") && e.body().contains("reproduced on our tenant"));
        assertThat(changed).extracting(Ticket::level).contains(SupportLevel.L3);
    }

    @Test
    void aStaleVersionFailsWithWhoChangedItAndTheAgentCanReload() {
        Ticket t = bySubject("Nightly sync job failed");
        vm.show(t).join();
        Agent sam = store.agents().findByUsername("sam").orElseThrow();
        store.changes().changeStatus(sam, t.id(), t.version(), TicketStatus.OPEN);
        assertThat(vm.changeSeverity(Severity.S1)).isCompletedExceptionally();
        assertThat(vm.conflictProperty().get()).contains(t.ref() + " was changed by Sam Patel").contains("reload");
        vm.reload().join();
        assertThat(vm.conflictProperty().get()).isEmpty();
        assertThat(vm.ticketProperty().get().status()).isEqualTo(TicketStatus.OPEN);
        vm.changeSeverity(Severity.S1).join();
        assertThat(store.tickets().get(lead, t.id()).severity()).isEqualTo(Severity.S1);
    }

    @Test
    void attachmentsAreSavedWhereTheAgentChoosesAndNeverOpened() throws Exception {
        Ticket t = bySubject("Need log files");
        vm.show(t).join();
        AttachmentInfo a = vm.attachments().get(0);
        dialogs.file = dir.resolve("out.log");
        assertThat(vm.saveAttachment(a).join()).contains(dialogs.file);
        assertThat(Files.readString(dialogs.file)).contains("ERROR timeout");
        dialogs.file = null;
        assertThat(vm.saveAttachment(a).join()).isEmpty();
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void conflictTextSaysReloadAndThatTypingIsKept() {
        assertThat(TicketDetailViewModel.conflictText(new StoreException.ConcurrentChange(
                "SD-12 was changed by Ann at 1 Mar 10:00:00; reload").getMessage()))
                .isEqualTo("SD-12 was changed by Ann at 1 Mar 10:00:00 \u2014 reload to see the change; what you typed is kept.");
    }

    @Test
    void replySubjectKeepsTheTagAndTheSensitiveMarking() {
        Ticket t = bySubject("OFFICIAL-SENSITIVE: case records");
        assertThat(ReplyComposerDialog.subjectFor(t)).isEqualTo("Re: [" + t.ref() + "] " + t.subject());
        Ticket plain = bySubject("Invoice batch");
        assertThat(ReplyComposerDialog.subjectFor(plain)).isEqualTo("Re: [" + plain.ref() + "] Invoice batch stuck in 'pending'");
    }

    @Test
    void windowBoundsRoundTripThroughTheDataFolder() {
        WindowStateStore s = WindowStateStore.file(dir.resolve("window.properties"));
        assertThat(s.load()).isEmpty();
        s.save(new WindowStateStore.Bounds(10, 20, 1300, 740, false));
        assertThat(s.load()).contains(new WindowStateStore.Bounds(10, 20, 1300, 740, false));
    }
}
