package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.SavedReply.Draft;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.replies.ReplyFile;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestDesk;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved replies and signatures in the store; {@code SavedReplyRepositoryPostgresTest} runs them all on PostgreSQL. */
class SavedReplyRepositoryTest {

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    TestDesk desk;
    Agent lee;
    Agent ann;
    Agent bob;

    TestDesk.Engine engine() {
        return TestDesk.Engine.H2;
    }

    SavedReplyRepository as(Agent a) {
        return desk.as(a).savedReplies();
    }

    @BeforeEach
    void open() {
        desk = TestDesk.open(engine(), dir, clock);
        lee = desk.create(new AgentSpec("lee", "Lee Lead", Clearance.NONE, SupportLevel.L2, true, false, true));
        ann = desk.agent("ann", Clearance.NONE);
        bob = desk.agent("bob", Clearance.CLEARED);
    }

    @AfterEach
    void close() {
        desk.close();
    }

    static Draft personal(String name, String body) {
        return new Draft(name, null, body, false, false, false);
    }

    static Draft team(String name, String shortcut, String body) {
        return new Draft(name, shortcut, body, true, false, false);
    }

    @Test
    void personalRepliesAreInvisibleToEveryoneElse() {
        SavedReply mine = as(ann).add(ann, new Draft("  On it ", "onit", "Hello {{first_name}}, I'm on it.", false, false,
                false));
        SavedReply teams = as(lee).add(lee, team("Log file", "log", "Please send {{ref}}'s log."));
        assertThat(mine.ownerId()).isEqualTo(ann.id());
        assertThat(mine.name()).isEqualTo("On it");
        assertThat(teams.team()).isTrue();

        assertThat(as(ann).list(ann)).extracting(SavedReply::name).containsExactly("Log file", "On it");
        for (Agent other : List.of(bob, lee, desk.admin())) {
            assertThat(as(other).list(other)).as(other.username()).extracting(SavedReply::name).containsExactly("Log file");
            assertThat(as(other).find(other, "On it")).as(other.username()).isEmpty();
            assertThat(as(other).find(other, "onit")).isEmpty();
            assertThatThrownBy(() -> as(other).update(other, mine.id(), mine.version(), personal("Mine now", "x")))
                    .isInstanceOf(StoreException.NotFound.class);
            assertThatThrownBy(() -> as(other).delete(other, mine.id())).isInstanceOf(StoreException.NotFound.class);
        }
        assertThat(as(ann).find(ann, "ON IT")).contains(mine);
        assertThat(as(ann).find(ann, "log")).contains(teams);
        // nobody signed in sees no reply at all
        assertThat(desk.store().savedReplies().list(AccessPolicy.NOBODY)).isEmpty();
        assertThat(as(ann).list(ann)).extracting(SavedReply::name).containsExactly("Log file", "On it");
    }

    @Test
    void onlyLeadsChangeTheTeamsReplies() {
        assertThatThrownBy(() -> as(ann).add(ann, team("Ack", null, "We have it.")))
                .isInstanceOf(StoreException.AccessDenied.class)
                .hasMessage("ann is not a team lead: only team leads add the team's saved replies.");
        Agent adam = desk.create(new AgentSpec("adam", "Adam Admin", Clearance.NONE, SupportLevel.L1, false, true, true));
        assertThatThrownBy(() -> as(adam).add(adam, team("Ack", null, "We have it.")))
                .as("an admin is not a lead").isInstanceOf(StoreException.AccessDenied.class);
        SavedReply ack = as(lee).add(lee, team("Ack", "ack", "We have it."));
        assertThatThrownBy(() -> as(ann).update(ann, ack.id(), ack.version(), team("Ack", "ack", "Changed by Ann")))
                .isInstanceOf(StoreException.AccessDenied.class);
        assertThatThrownBy(() -> as(ann).delete(ann, ack.id())).isInstanceOf(StoreException.AccessDenied.class);
        assertThatThrownBy(() -> as(ann).importTeam(ann, List.of(team("New", null, "x")), true))
                .isInstanceOf(StoreException.AccessDenied.class);
        assertThat(as(ann).list(ann)).containsExactly(ack);

        SavedReply changed = as(lee).update(lee, ack.id(), ack.version(), new Draft("Ack", "ack", "We have it, {{first_name}}.",
                true, true, true));
        assertThat(changed.version()).isEqualTo(ack.version() + 1);
        assertThat(changed.sensitiveOk()).isTrue();
        assertThat(changed.firstResponse()).isTrue();
        assertThat(as(ann).list(ann)).containsExactly(changed);
        // the version read must still be the stored one
        assertThatThrownBy(() -> as(lee).update(lee, ack.id(), ack.version(), team("Ack", "ack", "stale")))
                .isInstanceOf(StoreException.ConcurrentChange.class);
        // a reply keeps its owner
        assertThatThrownBy(() -> as(lee).update(lee, ack.id(), changed.version(), personal("Ack", "mine")))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("keeps its owner");
        as(lee).delete(lee, ack.id());
        assertThat(as(ann).list(ann)).isEmpty();
        // anyone keeps their own
        SavedReply own = as(ann).add(ann, personal("Mine", "text"));
        as(ann).update(ann, own.id(), own.version(), personal("Mine", "better text"));
        assertThat(as(ann).find(ann, "mine").orElseThrow().body()).isEqualTo("better text");
        as(ann).delete(ann, own.id());
        assertThat(as(ann).list(ann)).isEmpty();
    }

    @Test
    void anUnknownPlaceholderIsRefusedWhenTheReplyIsSaved() {
        assertThatThrownBy(() -> as(ann).add(ann, personal("Hi", "Hello {{firstname}}, about {{ ref }}")))
                .isInstanceOf(StoreException.Invalid.class)
                .hasMessageStartingWith("The reply \u201cHi\u201d was not saved: {{firstname}} is not a placeholder."
                        + " Placeholders are {{first_name}}, {{contact_name}}, {{customer}}, {{ref}}");
        assertThatThrownBy(() -> as(ann).add(ann, personal("Hi", "Hello {{first_name}")))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("is not closed with }}");
        assertThatThrownBy(() -> as(ann).add(ann, personal(" ", "x"))).hasMessage("A saved reply needs a name.");
        assertThatThrownBy(() -> as(ann).add(ann, personal("Empty", " \n "))).hasMessageContaining("has no text");
        assertThatThrownBy(() -> as(ann).add(ann, new Draft("Word", "two words", "x", false, false, false)))
                .hasMessageContaining("is one word");
        assertThatThrownBy(() -> as(ann).setSignature(ann, "Best, {{agent}}"))
                .isInstanceOf(StoreException.Invalid.class).hasMessageStartingWith("The signature was not saved: {{agent}}");
        assertThat(as(ann).list(ann)).isEmpty();
        assertThat(as(ann).signature(ann)).isEmpty();
        // every placeholder, any case and spacing, is accepted
        as(ann).add(ann, personal("All", "{{first_name}} {{contact_name}} {{customer}} {{ref}} {{subject}} {{severity}}"
                + " {{severity_definition}} {{response_target}} {{agent_name}} {{ Business_Hours }}"));
        assertThat(as(ann).list(ann)).hasSize(1);
    }

    @Test
    void namesAndShortcutsAreUniqueWithinTheTeamAndWithinEachAgentsOwn() {
        as(lee).add(lee, team("Ack", "ack", "We have it."));
        assertThatThrownBy(() -> as(lee).add(lee, team("ACK", null, "again"))).hasMessage("The team already has a reply"
                + " called \u201cAck\u201d.");
        assertThatThrownBy(() -> as(lee).add(lee, team("Other", "Ack", "again"))).hasMessageContaining("with the shortcut");
        // a personal reply may share the team's name; the agent's own comes first when asked by name
        SavedReply mine = as(ann).add(ann, new Draft("Ack", "ack", "My own ack", false, false, false));
        assertThat(as(ann).find(ann, "ack")).contains(mine);
        assertThatThrownBy(() -> as(ann).add(ann, personal("ack", "twice"))).hasMessageContaining("You already have");
        SavedReply bobs = as(bob).add(bob, personal("Ack", "Bob's"));
        assertThat(bobs.ownerId()).isEqualTo(bob.id());
    }

    @Test
    void eachAgentHasTheirOwnSignature() {
        as(ann).setSignature(ann, "  Ann, {{agent_name}}\r\nSupport  ");
        assertThat(as(ann).signature(ann)).contains("Ann, {{agent_name}}\nSupport");
        assertThat(as(bob).signature(bob)).isEmpty();
        as(bob).setSignature(bob, "Bob");
        as(ann).setSignature(ann, "Ann again");
        assertThat(as(ann).signature(ann)).contains("Ann again");
        assertThat(as(bob).signature(bob)).contains("Bob");
        as(ann).setSignature(ann, " ");
        assertThat(as(ann).signature(ann)).isEmpty();
        assertThat(as(bob).signature(bob)).contains("Bob");
        assertThatThrownBy(() -> desk.store().savedReplies().setSignature(AccessPolicy.NOBODY, "x"))
                .isInstanceOf(StoreException.AccessDenied.class);
    }

    @Test
    void aMalformedImportNamesTheLineAndChangesNothing() throws Exception {
        SavedReply ack = as(lee).add(lee, team("Ack", "ack", "We have it."));
        SavedReply mine = as(ann).add(ann, personal("Mine", "mine"));
        String good = """
                {
                  "supportDeskSavedReplies" : 1,
                  "replies" : [ {
                    "name" : "Ack",
                    "body" : "We have it, {{first_name}}."
                  }, {
                    "name" : "Log file",
                    "shortcut" : "log",
                    "firstResponse" : true,
                    "body" : "Please send the log of {{ref}}."
                  } ]
                }
                """;
        List<String> broken = List.of(
                good.replace("{{ref}}", "{{ticket}}"),                             // line 10: unknown placeholder
                good.replace("\"shortcut\" : \"log\",", "\"shortcut\" : \"log\""),  // line 9: not JSON
                good.replace("\"firstResponse\" : true", "\"firstResponse\" : \"yes\""),
                good.replace("\"name\" : \"Log file\"", "\"name\" : \"ACK\""),
                good.replace("\"name\" : \"Log file\",", "\"title\" : \"Log file\","));
        List<String> lines = List.of("line 10: The reply \u201cLog file\u201d was not saved: {{ticket}} is not a placeholder",
                "line 9, column", "line 9: \"firstResponse\" is true or false", "line 7: a reply called \u201cACK\u201d is"
                        + " already on line 4", "line 7: unknown key \"title\"");
        for (int i = 0; i < broken.size(); i++) {
            String text = broken.get(i);
            assertThatThrownBy(() -> as(lee).importTeam(lee, ReplyFile.read(new StringReader(text)), false))
                    .as(lines.get(i)).isInstanceOf(StoreException.Invalid.class).hasMessageStartingWith(lines.get(i))
                    .hasMessageEndingWith("Nothing was imported.");
        }
        assertThat(as(lee).list(lee)).containsExactly(ack);
        assertThat(as(ann).list(ann)).containsExactly(ack, mine);

        // the store checks a whole import before it changes anything, too
        assertThatThrownBy(() -> as(lee).importTeam(lee, List.of(team("Fine", null, "fine"),
                team("Bad", null, "{{nope}}")), true)).isInstanceOf(StoreException.Invalid.class);
        assertThat(as(lee).list(lee)).containsExactly(ack);

        SavedReplyRepository.ImportResult r = as(lee).importTeam(lee, ReplyFile.read(new StringReader(good)), false);
        assertThat(r).isEqualTo(new SavedReplyRepository.ImportResult(1, 1, 0, 0));
        assertThat(as(ann).list(ann)).extracting(SavedReply::name, SavedReply::shortcut, SavedReply::body)
                .containsExactly(tuple("Ack", null, "We have it, {{first_name}}."),
                        tuple("Log file", "log", "Please send the log of {{ref}}."),
                        tuple("Mine", null, "mine"));
        // exported and imported again: nothing changes; with --prune a reply the file does not name goes
        StringWriter out = new StringWriter();
        ReplyFile.write(as(lee).team(lee), out);
        assertThat(out.toString()).startsWith("{\n  \"supportDeskSavedReplies\" : 1,").contains("\"shortcut\" : \"log\"");
        assertThat(as(lee).importTeam(lee, ReplyFile.read(new StringReader(out.toString())), true))
                .isEqualTo(new SavedReplyRepository.ImportResult(0, 0, 2, 0));
        as(lee).add(lee, team("Extra", "log2", "extra"));
        assertThat(as(lee).importTeam(lee, ReplyFile.read(new StringReader(out.toString())), true))
                .isEqualTo(new SavedReplyRepository.ImportResult(0, 0, 2, 1));
        assertThat(as(ann).list(ann)).extracting(SavedReply::name).containsExactly("Ack", "Log file", "Mine");
    }
}
