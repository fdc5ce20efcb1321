package com.supportdesk.ui.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Ticket;
import com.supportdesk.replies.SavedReplies;
import com.supportdesk.ui.common.Countdown;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composer's view-model on a real store, without the toolkit (background work runs at once). */
class ReplyComposerViewModelTest {

    @TempDir
    Path dir;
    ReplyFixture f;

    @BeforeEach
    void open() {
        f = new ReplyFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    ReplyComposerViewModel composer(Agent agent, Ticket t) {
        ReplyComposerViewModel vm = new ReplyComposerViewModel(f.replies(), f.sender, agent, t,
                new Countdown(ZoneOffset.UTC), f.clock, TaskExecutor.direct());
        vm.load().join();
        return vm;
    }

    @Test
    void typingColonColonSearchesByNameOrWordAsYouTypeAndFirstResponsesComeFirst() {
        ReplyComposerViewModel vm = composer(f.lead, f.plain);
        assertThat(vm.searchingProperty().get()).isFalse();

        vm.typed("Hello Cal,\n\n::", 14);
        assertThat(vm.searchingProperty().get()).isTrue();
        assertThat(vm.queryProperty().get()).isEmpty();
        // nothing sent yet: the team's first response is offered first (though last by name), then by name
        assertThat(vm.matches()).extracting(SavedReply::name).containsExactly("We are on it", "Cleared words", "My thanks",
                "Please send the log file");
        assertThat(vm.selectedProperty().get().name()).isEqualTo("We are on it");

        vm.typed("Hello Cal,\n\n::lo", 16);
        assertThat(vm.queryProperty().get()).isEqualTo("lo");
        assertThat(vm.matches()).extracting(SavedReply::name).containsExactly("Please send the log file");
        // closer matches first: the start of a shortcut word, then of a word of the name
        vm.typed("Hello Cal,\n\n::th", 16);
        assertThat(vm.matches()).extracting(SavedReply::name).containsExactly("My thanks", "Please send the log file");
        vm.typed("Hello Cal,\n\n::file", 18);
        assertThat(vm.matches()).extracting(SavedReply::name).containsExactly("Please send the log file");
        vm.typed("Hello Cal,\n\n::nothing-like-it", 29);
        assertThat(vm.matches()).isEmpty();
        // a space ends the word: the search closes; "a::b" inside a word is no trigger
        vm.typed("Hello Cal,\n\n::lo ", 17);
        assertThat(vm.searchingProperty().get()).isFalse();
        vm.typed("see a::b", 8);
        assertThat(vm.searchingProperty().get()).isFalse();

        // only the team's first responses go first: an agent's own one marked so is sorted by name
        f.store.savedReplies().add(f.una, new SavedReply.Draft("A first word of my own", null, "Hello!", false, false,
                true));
        ReplyComposerViewModel unas = composer(f.una, f.plain);
        unas.openSearch();
        assertThat(unas.matches()).extracting(SavedReply::name).containsExactly("We are on it", "A first word of my own",
                "Cleared words", "Please send the log file");

        // once the customer was contacted, first responses are no longer put first
        f.store.changes().recordContact(f.lead, f.plain.id(), f.clock.instant(), ContactEvent.PHONE_CALL);
        ReplyComposerViewModel later = composer(f.lead, f.plain);
        later.openSearch();
        assertThat(later.matches()).extracting(SavedReply::name).containsExactly("Cleared words", "My thanks",
                "Please send the log file", "We are on it");
        later.queryProperty().set("l");
        assertThat(later.matches()).extracting(SavedReply::name).first().isEqualTo("Please send the log file");
    }

    @Test
    void theChosenReplyGoesInAtTheCursorWithItsPlaceholdersFilled() {
        ReplyComposerViewModel vm = composer(f.lead, f.plain);
        String text = "Hello Cal,\n\n::ack\n\nMore to follow.";
        int caret = text.indexOf("::ack") + 5;
        vm.typed(text, caret);
        ReplyComposerViewModel.Insertion ins = vm.insert(text, caret, caret).orElseThrow();
        String filled = "Thank you, Cal: we are on " + f.plain.ref() + " (Severity 1) and answer within 1 Business Hour.";
        assertThat(ins.applyTo(text)).isEqualTo("Hello Cal,\n\n" + filled + "\n\nMore to follow.");
        assertThat(ins.caret()).isEqualTo(("Hello Cal,\n\n" + filled).length());
        assertThat(vm.searchingProperty().get()).isFalse();

        // with the shortcut: the chosen one (Down moves) replaces the selection, or goes in at the cursor
        vm.openSearch();
        assertThat(vm.matches()).extracting(SavedReply::name).startsWith("We are on it");
        vm.move(1);
        vm.move(1);
        vm.move(-1);
        SavedReply chosen = vm.selectedProperty().get();
        assertThat(chosen.name()).isEqualTo("Cleared words");
        assertThat(vm.previewProperty().get()).isEqualTo("Cal Jones of Acme Ltd: handled by cleared staff.");
        String other = "Dear all, REPLACE ME. Bye";
        ins = vm.insert(other, 10, 20).orElseThrow();
        assertThat(ins.applyTo(other)).isEqualTo("Dear all, Cal Jones of Acme Ltd: handled by cleared staff.. Bye");
        // nothing matching: nothing inserted
        vm.openSearch();
        vm.queryProperty().set("zzz");
        assertThat(vm.insert(other, 3, 3)).isEmpty();
    }

    @Test
    void onASensitiveTicketOnlyRepliesMarkedForItAreOfferedAndUnclearedAgentsGetNothing() {
        ReplyComposerViewModel vm = composer(f.lead, f.secret);
        vm.openSearch();
        assertThat(vm.matches()).extracting(SavedReply::name).containsExactly("Cleared words");
        vm.queryProperty().set("ack");
        assertThat(vm.matches()).isEmpty();

        ReplyComposerViewModel denied = new ReplyComposerViewModel(f.replies(), f.sender, f.una, f.secret,
                new Countdown(ZoneOffset.UTC), f.clock, TaskExecutor.direct());
        CompletableFuture<?> load = denied.load();
        assertThat(load).isCompletedExceptionally();
        assertThat(denied.state().getError()).isEqualTo(f.secret.ref() + " is " + Ticket.PLACEHOLDER + ".");
        denied.openSearch();
        assertThat(denied.matches()).isEmpty();
    }

    @Test
    void theSignatureGoesBelowEveryReplyWithTheClassificationLineOnSensitiveTickets() {
        ReplyComposerViewModel vm = composer(f.lead, f.plain);
        assertThat(vm.signatureProperty().get()).isEqualTo("Kind regards,\nAda Admin");
        vm.bodyProperty().set("Hello Cal,\n\nDone.\n\n");
        vm.send().join();
        assertThat(f.sent).extracting(ReplySender.Draft::body).containsExactly("Hello Cal,\n\nDone.\n\nKind regards,\nAda Admin");
        assertThat(f.sent.get(0).to()).isEqualTo("cal@acme.example");

        vm.saveSignature("Ada ({{agent_name}})\nSupport, {{business_hours}}").join();
        assertThat(vm.signatureSourceProperty().get()).isEqualTo("Ada ({{agent_name}})\nSupport, {{business_hours}}");
        assertThat(vm.signatureProperty().get()).isEqualTo("Ada (Ada Admin)\nSupport, 09:00\u201318:00 GMT on weekdays,"
                + " excluding England and Wales bank holidays");

        ReplyComposerViewModel secret = composer(f.lead, f.secret);
        assertThat(secret.subjectProperty().get()).isEqualTo("Re: OFFICIAL-SENSITIVE [" + f.secret.ref()
                + "] Records export");
        assertThat(secret.signatureProperty().get()).startsWith(SavedReplies.CLASSIFICATION_LINE + "\nAda (Ada Admin)");
        secret.bodyProperty().set("Hello Cal,\n\nDone.");
        secret.send().join();
        assertThat(f.sent.get(1).body()).isEqualTo("Hello Cal,\n\nDone.\n\nOFFICIAL-SENSITIVE\nAda (Ada Admin)\nSupport,"
                + " 09:00\u201318:00 GMT on weekdays, excluding England and Wales bank holidays");

        // an unknown placeholder in a signature is refused when it is saved; the old one stays
        assertThat(vm.saveSignature("Bye {{agent}}")).isCompletedExceptionally();
        assertThat(vm.state().getError()).startsWith("The signature was not saved: {{agent}} is not a placeholder.");
        assertThat(f.replies().signature(f.lead)).isEqualTo("Ada ({{agent_name}})\nSupport, {{business_hours}}");
        // an empty text is not sent
        vm.bodyProperty().set("  ");
        assertThat(vm.send()).isCompletedExceptionally();
        assertThat(f.sent).hasSize(2);
    }

    @Test
    void thePolicyAtHandTimeLeftTargetAndWhetherThisIsTheFirstContact() {
        ReplyComposerViewModel vm = composer(f.lead, f.plain);
        assertThat(vm.targetProperty().get()).isEqualTo("Severity 1: first response within 1 Business Hour");
        assertThat(vm.timeLeftProperty().get()).isEqualTo("1h 00m 00s left");
        assertThat(vm.firstContactProperty().get()).isEqualTo("This reply will be the first customer contact: sending it"
                + " stops the response clock.");
        f.clock.advance(Duration.ofMinutes(50));
        vm.tick();
        assertThat(vm.timeLeftProperty().get()).isEqualTo("10m 00s left");
        assertThat(vm.toneProperty().get()).isEqualTo(Countdown.Tone.AT_RISK);

        f.store.changes().recordContact(f.lead, f.plain.id(), f.clock.instant(), ContactEvent.PHONE_CALL);
        ReplyComposerViewModel later = composer(f.lead, f.plain);
        assertThat(later.firstContactProperty().get()).startsWith("Not the first contact: the response clock stopped");
        assertThat(later.timeLeftProperty().get()).isEqualTo("met in 50m");
    }

    @Test
    void theTextIsSavedAsAReplyAndOfferedAtOnce() {
        ReplyComposerViewModel vm = composer(f.una, f.plain);
        vm.bodyProperty().set("Hi {{first_name}}, this is fixed in {{ref}}.");
        SavedReply saved = vm.saveAsReply("Fixed", "fixed", false, false, false).join();
        assertThat(saved.ownerId()).isEqualTo(f.una.id());
        vm.typed("::fix", 5);
        assertThat(vm.matches()).extracting(SavedReply::name).containsExactly("Fixed");
        // only a team lead keeps the team's
        assertThat(vm.mayKeepTeamReplies()).isFalse();
        assertThat(vm.saveAsReply("Team fixed", null, true, false, false)).isCompletedExceptionally();
        assertThat(vm.state().getError()).contains("only team leads add the team's saved replies");
    }
}
