package com.supportdesk.report;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.store.OutageRepository.NewOutage;
import com.supportdesk.store.Store;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A seeded quarter, 2026-Q3 for "Acme Health Trust", whose every figure is worked out by hand in
 * {@link ReportServiceTest}. Calendar: GMT, 09:00-18:00 Monday to Friday; Monday 31 August 2026 is a bank
 * holiday. The report is built at {@link #NOW}, Thursday 1 October 2026 12:00 GMT.
 *
 * <pre>
 * ref      sev ch    lvl received (GMT)      deadline            first contact        outcome  response  late
 * SD-1001  S1  email L2  Tue 14 Jul 10:00    Tue 14 Jul 11:00    10:30 phone          met       1800
 * SD-1002  S1  phone L1  Fri 17 Jul 17:30    Mon 20 Jul 09:30    Mon 10:00 e-mail     missed    5400     1800
 * SD-1003  S1  chat  L1  Wed 30 Sep 08:00    Wed 30 Sep 10:00    none (open)          missed             39600
 * SD-1004  S1  email L1  Thu 13 Aug 14:00    Thu 13 Aug 15:00    16:00 e-mail         missed    7200     3600  SENSITIVE
 * SD-1005  S2  email L1  Mon  6 Jul 09:00    Mon  6 Jul 13:00    09:15 e-mail         met        900
 * SD-1006  S2  phone L1  Wed 22 Jul 15:00    Thu 23 Jul 10:00    Thu 09:30 phone      met      12600
 * SD-1007  S2  email L1  Fri 28 Aug 16:00    Tue  1 Sep 11:00    Tue 12:30 e-mail     missed   19800     5400
 * SD-1008  S2  chat  L2  Mon 14 Sep 11:00    Mon 14 Sep 15:00    14:59 chat           met      14340
 * SD-1009  S2  agent L1  Tue 29 Sep 17:00    Wed 30 Sep 12:00    none (open)          missed             32400  SENSITIVE
 * SD-1010  S3  email L1  Wed  1 Jul 12:00    Thu  2 Jul 11:00    Thu 10:00 e-mail     met      25200
 * SD-1011  S3  email L1  Sat 25 Jul 10:00    Mon 27 Jul 17:00    Mon 09:20 e-mail     met       1200
 * SD-1012  S3  phone L1  Fri  7 Aug 09:00    Fri  7 Aug 17:00    Mon 10 Aug 09:30     missed   34200     5400
 * SD-1013  S3  email L1  Wed 30 Sep 15:00    Thu  1 Oct 14:00    none                 pending
 * SD-1014  S3  chat  L2  Thu  3 Sep 10:00    Thu  3 Sep 18:00    18:30 chat           missed   28800        0
 * SD-1015  S3  agent L3  Tue 18 Aug 09:00    Tue 18 Aug 17:00    09:05 phone          met        300
 * SD-1016  S3  phone L1  Mon 21 Sep 09:00    Mon 21 Sep 17:00    09:10 phone          met        600
 * SD-1017  Acme, received 30 Jun 23:59:59 (Q2) — not in the quarter
 * SD-1018  Acme, received 1 Oct 00:00 (Q4) — not in the quarter
 * SD-1019  another customer, Q3 — not in the report
 * </pre>
 */
final class QuarterFixture {

    static final Instant NOW = Instant.parse("2026-10-01T12:00:00Z");
    static final String CUSTOMER = "Acme Health Trust";
    static final String MARK = "MARKER-4471";

    final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    final Store store;
    final Agent admin;
    final Agent cleared;
    final Agent uncleared;
    final Customer acme;
    final Customer other;
    long t1;
    long t4;
    long t9;

    QuarterFixture(Path dir) {
        store = TestStores.open(dir, clock);
        admin = TestStores.admin(store);
        cleared = TestStores.agent(store, admin, "sam", Clearance.CLEARED);
        uncleared = TestStores.agent(store, admin, "una", Clearance.NONE);
        acme = store.customers().create(admin, CUSTOMER, true, 6);
        other = store.customers().create(admin, "Other Co", false, 2);
        Contact secretContact = store.contacts().create(admin, acme.id(), MARK + "-CONTACT", MARK.toLowerCase()
                + "@acme.example", "+44 20 7946 0999", ContactRole.ADMINISTRATOR);

        t1 = ticket("Portal down for all users", Severity.S1, Channel.EMAIL, "2026-07-14T10:00:00Z");
        contact(t1, "2026-07-14T10:30:00Z", ContactEvent.PHONE_CALL);
        at("2026-07-14T10:45:00Z");
        store.changes().changeLevel(admin, t1, version(t1), SupportLevel.L2, "database failover", null, null);
        at("2026-07-14T14:00:00Z");
        store.changes().changeStatus(admin, t1, version(t1), TicketStatus.RESOLVED);

        long t2 = ticket("Login fails for everyone", Severity.S1, Channel.PHONE, "2026-07-17T17:30:00Z");
        contact(t2, "2026-07-20T10:00:00Z", ContactEvent.EMAIL_REPLY);
        ticket("Chat widget errors for all users", Severity.S1, Channel.CHAT, "2026-09-30T08:00:00Z");
        t4 = store.changes().create(admin, NewTicket.of(MARK + "-SUBJECT OFFICIAL-SENSITIVE records unavailable",
                Severity.S1, Channel.EMAIL, Instant.parse("2026-08-13T14:00:00Z"))
                .withCustomer(acme.id(), secretContact.id()).withBody(MARK + "-BODY patient list")
                .withClassification(Classification.OFFICIAL_SENSITIVE)).id();
        contact(t4, "2026-08-13T16:00:00Z", ContactEvent.EMAIL_REPLY);
        at("2026-08-14T10:00:00Z");
        store.changes().changeStatus(admin, t4, version(t4), TicketStatus.RESOLVED);

        contact(ticket("Reports slow for the finance team", Severity.S2, Channel.EMAIL, "2026-07-06T09:00:00Z"),
                "2026-07-06T09:15:00Z", ContactEvent.EMAIL_REPLY);
        contact(ticket("Exports time out for one user", Severity.S2, Channel.PHONE, "2026-07-22T15:00:00Z"),
                "2026-07-23T09:30:00Z", ContactEvent.PHONE_CALL);
        contact(ticket("Search degraded for two users", Severity.S2, Channel.EMAIL, "2026-08-28T16:00:00Z"),
                "2026-09-01T12:30:00Z", ContactEvent.EMAIL_REPLY);
        long t8 = ticket("Upload stalls for one ward", Severity.S2, Channel.CHAT, "2026-09-14T11:00:00Z");
        contact(t8, "2026-09-14T14:59:00Z", ContactEvent.CHAT_REPLY);
        store.changes().changeLevel(admin, t8, version(t8), SupportLevel.L2, "needs logs", null, null);
        t9 = store.changes().create(admin, NewTicket.of(MARK + "-SUBJECT2 slow sensitive search", Severity.S2,
                Channel.AGENT, Instant.parse("2026-09-29T17:00:00Z")).withCustomer(acme.id(), null)
                .withBody(MARK + "-BODY2").withClassification(Classification.OFFICIAL_SENSITIVE)).id();

        contact(ticket("Typo on the login page", Severity.S3, Channel.EMAIL, "2026-07-01T12:00:00Z"),
                "2026-07-02T10:00:00Z", ContactEvent.EMAIL_REPLY);
        contact(ticket("Feature request: dark mode", Severity.S3, Channel.EMAIL, "2026-07-25T10:00:00Z"),
                "2026-07-27T09:20:00Z", ContactEvent.EMAIL_REPLY);
        contact(ticket("Help text out of date", Severity.S3, Channel.PHONE, "2026-08-07T09:00:00Z"),
                "2026-08-10T09:30:00Z", ContactEvent.PHONE_CALL);
        ticket("Logo blurry on retina screens", Severity.S3, Channel.EMAIL, "2026-09-30T15:00:00Z");
        long t14 = ticket("Column misaligned in report", Severity.S3, Channel.CHAT, "2026-09-03T10:00:00Z");
        contact(t14, "2026-09-03T18:30:00Z", ContactEvent.CHAT_REPLY);
        store.changes().changeLevel(admin, t14, version(t14), SupportLevel.L2, "layout bug", null, null);
        long t15 = store.changes().create(admin, NewTicket.of("API docs missing an example", Severity.S3, Channel.AGENT,
                Instant.parse("2026-08-18T09:00:00Z")).withCustomer(acme.id(), null).withLevel(SupportLevel.L3)).id();
        contact(t15, "2026-08-18T09:05:00Z", ContactEvent.PHONE_CALL);
        contact(ticket("Spelling in e-mail template", Severity.S3, Channel.PHONE, "2026-09-21T09:00:00Z"),
                "2026-09-21T09:10:00Z", ContactEvent.PHONE_CALL);

        ticket("Q2 ticket", Severity.S1, Channel.EMAIL, "2026-06-30T23:59:59Z");
        ticket("Q4 ticket", Severity.S1, Channel.EMAIL, "2026-10-01T00:00:00Z");
        long x3 = store.changes().create(admin, NewTicket.of("Other customer's outage", Severity.S1, Channel.EMAIL,
                Instant.parse("2026-08-13T14:40:00Z")).withCustomer(other.id(), null)).id();

        store.training().add(admin, acme.id(), LocalDate.of(2026, 5, 12), "Administrator basics", "Ann, Bob", "Tess");
        store.training().add(admin, acme.id(), LocalDate.of(2026, 7, 15), "Reporting workshop", "Ann; Cy", "Tess");
        store.training().add(admin, acme.id(), LocalDate.of(2026, 9, 10), "New release walkthrough", null, null);
        store.training().add(admin, acme.id(), LocalDate.of(2026, 11, 20), "Advanced search", "Ann", "Tess");
        store.training().add(admin, other.id(), LocalDate.of(2026, 8, 1), "Other customer's session", null, null);

        outage("2026-07-31T23:00:00Z", "2026-08-01T01:00:00Z", "Data centre power failure", false, null);
        outage("2026-07-11T08:00:00Z", "2026-07-11T14:00:00Z", "Database upgrade (Saturday)", true, acme.id());
        outage("2026-07-14T17:00:00Z", "2026-07-14T19:00:00Z", "Patch window overran", true, null);
        outage("2026-08-13T13:45:00Z", "2026-08-13T15:15:00Z", "Records service down", false, acme.id(), t4);
        outage("2026-08-13T14:30:00Z", "2026-08-13T17:00:00Z", "Network outage", false, null, x3);
        outage("2026-09-09T10:00:00Z", "2026-09-09T20:00:00Z", "Other customer's outage", false, other.id());
        outage("2026-09-30T23:00:00Z", "2026-10-01T01:00:00Z", "Storage failover", false, acme.id());

        clock.set(NOW);
    }

    private void at(String iso) {
        clock.set(Instant.parse(iso));
    }

    private long ticket(String subject, Severity s, Channel ch, String received) {
        at(received);
        Ticket t = store.changes().create(admin, NewTicket.of(subject, s, ch, Instant.parse(received))
                .withCustomer(acme.id(), null));
        return t.id();
    }

    private void contact(long id, String at, ContactEvent what) {
        at(at);
        store.changes().recordContact(admin, id, Instant.parse(at), what);
    }

    private int version(long id) {
        return store.tickets().get(admin, id).version();
    }

    private void outage(String from, String to, String description, boolean scheduled, Long customerId, Long... tickets) {
        store.outages().add(admin, new NewOutage(Instant.parse(from), Instant.parse(to), description, scheduled, customerId,
                List.of(tickets)));
    }

    ReportService reports() {
        return new ReportService(store);
    }
}
