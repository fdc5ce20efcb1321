package com.supportdesk.testing;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.sla.CalendarSpec;
import com.supportdesk.sla.PolicyVersion;
import com.supportdesk.sla.ResponseTargets;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.CallRepository.CallDraft;
import com.supportdesk.store.CallRepository.CallEntry;
import com.supportdesk.store.Conversation.NewMessage;
import com.supportdesk.store.Conversation;
import com.supportdesk.store.MailboxRepository.Checkpoint;
import com.supportdesk.store.MailboxRepository.NewQuarantine;
import com.supportdesk.store.MailboxRepository.QuarantineCategory;
import com.supportdesk.store.OutageRepository.NewOutage;
import com.supportdesk.store.Store;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

/**
 * A realistic embedded desk (a real H2 file) to move into a team database: agents with every kind of role (an
 * inactive one too), customers and contacts, a changed response policy, an Official Sensitive ticket with a body,
 * an e-mail with raw source and an attachment, a call and a call in progress, history, quarantined mail (one
 * sensitive), a mail checkpoint, audit rows, training, an outage linked to a ticket, settings, a team and a personal
 * saved reply and a signature. Every table holds
 * rows. Sensitive content carries {@link #MARKER}.
 */
public final class TestSourceDesk {

    /** In every piece of Official Sensitive content, and nowhere else. */
    public static final String MARKER = "ZQX7MOVE";
    /** The bytes of the sensitive ticket's attachment (not text: every byte value). */
    public static final byte[] ATTACHMENT = attachmentBytes();

    public final Agent admin;
    public final Agent clara;
    public final Agent una;
    public final Agent lena;
    public final Agent adam;
    public final Agent old;
    public final Ticket secret;
    public final Ticket ordinary;
    public final Ticket later;

    /**
     * Builds the desk in {@code dir} and closes it. The admin is "admin" (cleared, lead, admin), as the team
     * database's first admin will be.
     */
    public TestSourceDesk(Path dir, MutableClock clock) {
        try (Store s = TestStores.open(dir, clock)) {
            admin = TestStores.admin(s);
            clara = TestStores.agent(s, admin, "clara", Clearance.CLEARED);
            una = TestStores.agent(s, admin, "una", Clearance.NONE);
            lena = s.agents().create(admin, new AgentSpec("lena", "Lena Lead", Clearance.NONE, SupportLevel.L2, true,
                    false, true), "lena-password".toCharArray());
            adam = s.agents().create(admin, new AgentSpec("adam", "Adam Second-Admin", Clearance.NONE, SupportLevel.L3,
                    false, true, true), "adam-password".toCharArray());
            Agent gone = TestStores.agent(s, admin, "old", Clearance.NONE);
            old = s.agents().update(admin, gone.id(), new AgentSpec("old", "Old Leaver", Clearance.NONE, SupportLevel.L1,
                    false, false, false));

            Customer gov = s.customers().create(admin, "Ministry of Tests", true, 6);
            Customer acme = s.customers().create(admin, "Acme Ltd", false, 0);
            var connie = s.contacts().create(admin, gov.id(), "Connie Gov", "connie@gov.example", "+44 20 7000 0001",
                    ContactRole.ADMINISTRATOR);
            var arno = s.contacts().create(admin, acme.id(), "Arno Acme", "arno@acme.example", null,
                    ContactRole.REGISTERED_USER);
            s.policy().add(admin, new PolicyVersion(clock.instant().minus(Duration.ofDays(30)),
                    new ResponseTargets(Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(4)),
                    CalendarSpec.standard().withHours(LocalTime.of(8, 0), LocalTime.of(19, 0))), "Extended hours");

            secret = s.changes().create(clara, NewTicket.of(MARKER + " subject", Severity.S2, Channel.EMAIL,
                    clock.instant()).withCustomer(gov.id(), connie.id()).withBody(MARKER + " body – ünïcödé ✓")
                    .withClassification(Classification.OFFICIAL_SENSITIVE).withAssignee(clara.id()));
            ordinary = s.changes().create(una, NewTicket.of("Portal down for everyone", Severity.S1, Channel.PHONE,
                    clock.instant()).withCustomer(acme.id(), arno.id()).withBody("Nobody can sign in"));
            clock.advance(Duration.ofMinutes(5));
            later = s.changes().create(admin, NewTicket.of("Invoice question", Severity.S3, Channel.AGENT,
                    clock.instant()).withCustomer(acme.id(), null));

            s.database().runInTx(tx -> {
                long m = s.conversation().addMessage(tx, secret.id(), new NewMessage(MessageKind.EMAIL, Direction.IN,
                        "<m1@gov.example>", null, null, "connie@gov.example", "desk@example.com", "Re: " + MARKER,
                        clock.instant(), MARKER + " mail body", null));
                byte[] raw = ("Subject: Re: " + MARKER + "\r\n\r\n" + MARKER + " raw").getBytes(StandardCharsets.US_ASCII);
                s.conversation().setRawSource(tx, m, new ByteArrayInputStream(raw), raw.length);
                s.conversation().addAttachment(tx, m, MARKER + ".bin", "application/octet-stream", ATTACHMENT.length, false,
                        new ByteArrayInputStream(ATTACHMENT));
                s.conversation().addAttachment(tx, m, "huge.iso", "application/octet-stream", 900_000_000L, true, null);
                byte[] q = ("From: someone@gov.example\r\nSubject: " + MARKER + "\r\n\r\nOFFICIAL-SENSITIVE " + MARKER)
                        .getBytes(StandardCharsets.US_ASCII);
                s.mailbox().quarantine(tx, new NewQuarantine(QuarantineCategory.UNREADABLE, "desk", "INBOX", 7L,
                        clock.instant(), "could not be parsed", "<q1@gov.example>", null, "someone@gov.example",
                        MARKER + " quarantined", true), new ByteArrayInputStream(q), q.length);
                byte[] auto = "From: mailer-daemon@example.com\r\nSubject: Out of office\r\n\r\nAway".getBytes(
                        StandardCharsets.US_ASCII);
                long auto2 = s.mailbox().quarantine(tx, new NewQuarantine(QuarantineCategory.AUTOMATED, "desk", "INBOX", 8L,
                        clock.instant(), "auto-reply", "<q2@example.com>", null, "mailer-daemon@example.com",
                        "Out of office", false), new ByteArrayInputStream(auto), auto.length);
                s.mailbox().resolve(tx, auto2, "dismissed");
                s.mailbox().saveCheckpoint(tx, new Checkpoint("desk", "INBOX", 424242L, 8L));
            });
            long draft = s.calls().saveDraft(clara, null, new CallDraft(CallDirection.INBOUND, clock.instant(),
                    secret.id(), connie.id(), MARKER + " call notes", "{\"step\":2}"));
            s.database().runInTx(tx -> s.calls().log(tx, clara, draft, new CallEntry(secret.id(), connie.id(),
                    CallDirection.INBOUND, clock.instant(), clock.instant().plusSeconds(90), MARKER + " call notes")));
            s.calls().saveDraft(una, null, new CallDraft(CallDirection.OUTBOUND, clock.instant(), ordinary.id(),
                    arno.id(), "still talking", "{\"step\":1}"));
            s.changes().changeLevel(clara, secret.id(), s.tickets().get(clara, secret.id()).version(), SupportLevel.L2,
                    MARKER + " reason", null, null);
            s.changes().addNote(una, ordinary.id(), "Restarted the web tier");
            // reads of sensitive content: audited
            s.tickets().open(clara, secret.id(), "desk");
            s.mailbox().rawSource(admin, s.mailbox().quarantine(admin, true).stream().filter(e -> e.sensitive())
                    .findFirst().orElseThrow().id(), new ByteArrayOutputStream());

            s.training().add(lena, gov.id(), LocalDate.of(2026, 11, 20), "Triage basics", "Connie Gov, Gail Gov", "Lena Lead");
            s.outages().add(lena, new NewOutage(clock.instant().minus(Duration.ofHours(2)), clock.instant(),
                    "Portal outage", false, acme.id(), List.of(ordinary.id())));
            s.settings().putAll(admin, Map.of("mail.imap.host", "imap.example.com", "desk.name", "Support – Tests"));
            s.savedReplies().add(lena, new SavedReply.Draft("First response", "first",
                    "Hello {{first_name}},\n\nwe are looking into {{ref}}.", true, true, true));
            s.savedReplies().add(una, new SavedReply.Draft("Log file", "log",
                    "Could you send the log file?", false, false, false));
            s.savedReplies().setSignature(una, "Una\n{{agent_name}}");
        }
    }

    private static byte[] attachmentBytes() {
        byte[] b = new byte[4096];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + 7);
        }
        System.arraycopy(MARKER.getBytes(StandardCharsets.US_ASCII), 0, b, 100, MARKER.length());
        return b;
    }
}
