package com.supportdesk.ui.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Channel;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.phone.ChatImporter.ChatOutcome;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatLogViewModelTest {

    @TempDir
    Path dir;
    PhoneFixture f;
    List<ChatOutcome> logged = new ArrayList<>();

    @BeforeEach
    void open() {
        f = new PhoneFixture(dir.resolve("db"), "2026-11-25T12:00:00Z");
    }

    @AfterEach
    void close() throws Exception {
        f.close();
    }

    private ChatLogViewModel chat(Long ticketId) {
        ChatLogViewModel vm = new ChatLogViewModel(f.context(TaskExecutor.direct()), f.olive, ticketId, f.dialogs);
        vm.setOnLogged(logged::add);
        vm.start();
        return vm;
    }

    @Test
    void aPastedTranscriptShowsWhatItWillLogAndTicksTheAgentsAsTheDesk() {
        ChatLogViewModel vm = chat(null);
        vm.textProperty().set("[10:02] Gail Gov: The portal is down\n[10:05] Olive: Looking now\n");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.participants()).extracting(ChatLogViewModel.Participant::name).containsExactly("Gail Gov", "Olive");
        assertThat(vm.desk()).containsExactly("Olive");
        assertThat(vm.fields().subjectProperty().get()).isEqualTo("The portal is down");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 lines, 10:02\u201310:05 on Wed 25 Nov 2026. Received 10:02."
                + " First reply by Olive at 10:05: customer contact (stops the response clock if it is the first).");

        vm.lookup().queryProperty().set("gail@gov");
        vm.lookup().choose(vm.lookup().first().orElseThrow());
        vm.fields().severityProperty().set(Severity.S1);
        assertThat(vm.save()).isTrue();
        Ticket t = f.store.tickets().get(f.admin, logged.get(0).ticket().id());
        assertThat(t.received()).isEqualTo(Instant.parse("2026-11-25T10:02:00Z"));
        assertThat(t.channel()).isEqualTo(Channel.CHAT);
        assertThat(t.contactId()).isEqualTo(f.gail.id());
        assertThat(t.customerId()).isEqualTo(f.gov.id());
        assertThat(t.firstContactAt()).isEqualTo(Instant.parse("2026-11-25T10:05:00Z"));
        assertThat(t.firstContactEvent()).isEqualTo(ContactEvent.CHAT_REPLY);
        assertThat(vm.closedProperty().get()).isTrue();
    }

    @Test
    void theOperatorMarksWhichParticipantIsTheDeskForAnExistingTicket() {
        Ticket existing = f.store.changes().create(f.olive, NewTicket.of("Reports slow", Severity.S3, Channel.EMAIL,
                Instant.parse("2026-11-25T09:00:00Z")));
        ChatLogViewModel vm = chat(existing.id());
        assertThat(vm.newTicketProperty().get()).isFalse();
        assertThat(vm.ticketRefProperty().get()).isEqualTo(existing.ref());
        vm.textProperty().set("Date: 25/11/2026\n[11:00] Rita: still slow\n[11:20] Support: fixed now\n");
        assertThat(vm.desk()).isEmpty();
        assertThat(vm.summaryProperty().get()).contains("No line by the desk");
        vm.participants().get(1).deskProperty().set(true);
        assertThat(vm.summaryProperty().get()).contains("First reply by Support at 11:20");
        assertThat(vm.save()).isTrue();
        Ticket after = f.store.tickets().get(f.olive, existing.id());
        assertThat(after.firstContactAt()).isEqualTo(Instant.parse("2026-11-25T11:20:00Z"));
        assertThat(f.store.tickets().open(f.olive, existing.id(), "test").messages()).extracting(m -> m.kind())
                .containsExactly(MessageKind.CHAT);
    }

    @Test
    void aBadTranscriptNamesTheLineAndCannotBeLogged() {
        ChatLogViewModel vm = chat(null);
        vm.textProperty().set("[10:02] Gail Gov: hello\n[10:3] Olive: hi\n");
        assertThat(vm.errorProperty().get()).startsWith("Line 2: ").contains("[10:3]");
        vm.fields().severityProperty().set(Severity.S3);
        assertThat(vm.save()).isFalse();
        assertThat(vm.problemsProperty().get()).startsWith("Line 2: ");
        vm.textProperty().set("[10:02] Gail Gov: hello\n[10:03] Olive: hi\n");
        assertThat(vm.problemsProperty().get()).isEmpty();
        vm.newTicketProperty().set(false);
        vm.ticketRefProperty().set("nonsense");
        assertThat(vm.save()).isFalse();
        assertThat(vm.problemsProperty().get()).isEqualTo("Give the ticket's ref, e.g. SD-1042.");
    }

    @Test
    void aTranscriptFileIsImportedInUtf8OrWindows1252() throws Exception {
        Path file = dir.resolve("chat.txt");
        Files.writeString(file, "[09:30] Zo\u00eb: caf\u00e9 menu broken\n", Charset.forName("windows-1252"));
        f.dialogs.file = file;
        ChatLogViewModel vm = chat(null);
        vm.importFile();
        assertThat(vm.textProperty().get()).isEqualTo("[09:30] Zo\u00eb: caf\u00e9 menu broken\n");
        assertThat(vm.statusProperty().get()).isEqualTo("Imported chat.txt");
    }

    @Test
    void escAsksBeforeThrowingAPastedTranscriptAway() {
        ChatLogViewModel vm = chat(null);
        assertThat(vm.discard()).isTrue();
        assertThat(f.dialogs.asked()).isEmpty();
        ChatLogViewModel pasted = chat(null);
        pasted.textProperty().set("[10:02] Gail Gov: hello");
        f.dialogs.discardAnswer = false;
        assertThat(pasted.discard()).isFalse();
        assertThat(pasted.closedProperty().get()).isFalse();
    }
}
