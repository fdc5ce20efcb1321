package com.supportdesk.app;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.CallDirection;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.Contact;
import com.supportdesk.domain.ContactEvent;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.SavedReply;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.SupportLevel;
import com.supportdesk.domain.Ticket;
import com.supportdesk.domain.TicketStatus;
import com.supportdesk.sla.BusinessCalendar;
import com.supportdesk.sla.ResponseClock;
import com.supportdesk.store.AgentRepository.AgentSpec;
import com.supportdesk.store.CallRepository;
import com.supportdesk.store.Conversation.NewMessage;
import com.supportdesk.store.Conversation;
import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Store;
import com.supportdesk.store.TicketRepository;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills a database that has no tickets with a realistic demo desk: three customers (one UK Government),
 * contacts of both roles, five agents whose passwords equal their user names, and about forty tickets.
 *
 * <p>Received instants are placed by <em>business time used</em> relative to the injected clock, so the
 * same countdown texts appear whatever "now" is: overdue, met and missed tickets always show as such;
 * the running and at-risk ones show their countdown while the desk is open and "paused — resumes …"
 * at night, at weekends and on bank holidays (their remaining time is then frozen at the same values).
 *
 * <p>With a ticket count ({@code --demo-tickets N}) it seeds N tickets instead, 5 % of them open, in
 * transactions of 1000 — for scale checks.
 */
final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    static final List<String> USERNAMES = List.of("lead", "agent", "operator", "sam", "clara");
    private static final int BATCH = 1000;

    private final Store store;
    private final Clock clock;

    DemoData(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Seeds when the database has no tickets yet; returns true when it seeded. */
    boolean seedIfEmpty(Integer tickets) {
        // only a database nobody uses yet: a real desk (with agents) is never filled with demo data or accounts
        if (store.database().postgres() || store.agents().count() != 0 || store.history().lastEventId() != 0) {
            return false;
        }
        try {
            Files.writeString(store.database().location().dataDir().resolve(
                    DataLocation.DEMO_MARKER), "Support Desk demo data: not a real desk.\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot mark the demo folder: " + e.getMessage(), e);
        }
        Staff staff = staff();
        Customers customers = customers(staff.lead);
        savedReplies(staff);
        if (tickets != null) {
            bulk(staff, customers, tickets);
        } else {
            standard(staff, customers);
        }
        return true;
    }

    // ------------------------------------------------------------------ saved replies (issue 18)

    /** The team's saved replies a desk starts with, one of the lead's own, and the lead's signature. */
    private void savedReplies(Staff staff) {
        var replies = store.savedReplies();
        Agent lead = staff.lead();
        replies.add(lead, new SavedReply.Draft("We are looking into it", "ack", """
                Hello {{first_name}},

                thank you for reporting this. {{ref}} is logged as {{severity}} ({{severity_definition}}) and \
                we are looking into it now; you will hear from us within {{response_target}}.""", true, true, true));
        replies.add(lead, new SavedReply.Draft("Please send the log file", "log", """
                Hello {{first_name}},

                to find out what happened, could you send us the application log from the time of the problem? \
                Reply to this e-mail with the file attached and keep [{{ref}}] in the subject.""", true, false, false));
        replies.add(lead, new SavedReply.Draft("Enhancement request: what happens next", "enh", """
                Hello {{first_name}},

                we have recorded this as an enhancement request for {{customer}}. The product team reviews requests \
                every quarter; we will tell you here, on {{ref}}, whether it is planned.""", true, false, false));
        replies.add(lead, new SavedReply.Draft("Our Business Hours", "hours", """
                Our Business Hours are {{business_hours}}.""", true, true, false));
        replies.add(lead, new SavedReply.Draft("Closing: fixed, please confirm", "fixed", """
                Hello {{first_name}},

                the fix for "{{subject}}" is in place. Please confirm it works for you and we will close {{ref}}.""",
                false, false, false));
        replies.setSignature(lead, "Kind regards,\n{{agent_name}}\nSupport Desk, {{business_hours}}");
    }

    // ------------------------------------------------------------------ people

    private record Staff(Agent lead, Agent agent, Agent operator, Agent sam, Agent clara) {
    }

    private record Customers(Customer northwind, Customer harbour, Customer gov, List<Contact> northwindContacts,
                             List<Contact> harbourContacts, List<Contact> govContacts) {
    }

    private Staff staff() {
        Agent lead = ensureAgent(null, new AgentSpec("lead", "Lee Adams", Clearance.CLEARED, SupportLevel.L3, true, true, true));
        Agent admin = lead.admin() ? lead : store.agents().all().stream().filter(Agent::admin).findFirst().orElse(lead);
        return new Staff(lead,
                ensureAgent(admin, new AgentSpec("agent", "Alex Green", Clearance.NONE, SupportLevel.L1, false, false, true)),
                ensureAgent(admin, new AgentSpec("operator", "Olivia Park", Clearance.NONE, SupportLevel.L1, false, false, true)),
                ensureAgent(admin, new AgentSpec("sam", "Sam Patel", Clearance.NONE, SupportLevel.L2, false, false, true)),
                ensureAgent(admin, new AgentSpec("clara", "Clara Hughes", Clearance.CLEARED, SupportLevel.L2, false, false, true)));
    }

    private Agent ensureAgent(Agent admin, AgentSpec spec) {
        Optional<Agent> existing = store.agents().findByUsername(spec.username());
        return existing.orElseGet(() -> store.agents().create(admin, spec, password(spec.username()).toCharArray()));
    }

    /**
     * A demo agent's password: the user name and {@value #PASSWORD_SUFFIX} (long enough for the desk's minimum;
     * the demo sign-in screen shows the rule).
     */
    static String password(String username) {
        return username + PASSWORD_SUFFIX;
    }

    static final String PASSWORD_SUFFIX = "-demo-desk";

    private Customers customers(Agent admin) {
        Customer northwind = store.customers().byName("Northwind Logistics")
                .orElseGet(() -> store.customers().create(admin, "Northwind Logistics", false, 4));
        Customer harbour = store.customers().byName("Harbour Bank plc")
                .orElseGet(() -> store.customers().create(admin, "Harbour Bank plc", false, 2));
        Customer gov = store.customers().byName("Department for Digital Services")
                .orElseGet(() -> store.customers().create(admin, "Department for Digital Services", true, 6));
        List<Contact> nw = contacts(admin, northwind, new String[][] {
            {"Priya Shah", "priya.shah@northwind.example", "+44 20 7946 0101", "A"},
            {"Tom Reed", "tom.reed@northwind.example", "020 7946 0102", "U"},
            {"Mia Jones", "mia.jones@northwind.example", "+44 161 496 0103", "U"}});
        List<Contact> hb = contacts(admin, harbour, new String[][] {
            {"Daniel Okafor", "d.okafor@harbourbank.example", "+44 131 496 0201", "A"},
            {"Grace Lin", "g.lin@harbourbank.example", "0131 496 0202", "U"}});
        List<Contact> gv = contacts(admin, gov, new String[][] {
            {"Helen Carter", "helen.carter@dds.gov.example", "+44 20 7946 0301", "A"},
            {"Rob Evans", "rob.evans@dds.gov.example", "020 7946 0302", "U"}});
        return new Customers(northwind, harbour, gov, nw, hb, gv);
    }

    private List<Contact> contacts(Agent admin, Customer customer, String[][] rows) {
        List<Contact> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(store.contacts().byEmail(r[1]).orElseGet(() -> store.contacts().create(admin, customer.id(), r[0], r[1],
                    r[2], r[3].equals("A") ? ContactRole.ADMINISTRATOR : ContactRole.REGISTERED_USER)));
        }
        return out;
    }

    // ------------------------------------------------------------------ the standard demo desk

    /** What one demo ticket should look like now. */
    private enum Shape {
        /** Business time used so far puts it in RUNNING (or PAUSED when the desk is closed). */
        FRESH, RUNNING, AT_RISK, OVERDUE, MET, MISSED
    }

    private record Spec(String subject, Severity severity, SupportLevel level, Channel channel, int customer,
                        TicketStatus status, Shape clock, long usedMinutes, String assignee, boolean sensitive,
                        String body) {
    }

    private static Spec t(String subject, int sev, int level, Channel ch, int customer, TicketStatus status, Shape clock,
                          long usedMinutes, String assignee) {
        return new Spec(subject, Severity.of(sev), SupportLevel.of(level), ch, customer, status, clock, usedMinutes, assignee,
                false, null);
    }

    private static List<Spec> standardSpecs() {
        TicketStatus n = TicketStatus.NEW;
        TicketStatus o = TicketStatus.OPEN;
        TicketStatus w = TicketStatus.WAITING_ON_CUSTOMER;
        TicketStatus r = TicketStatus.RESOLVED;
        TicketStatus c = TicketStatus.CLOSED;
        Channel e = Channel.EMAIL;
        Channel p = Channel.PHONE;
        Channel ch = Channel.CHAT;
        Channel a = Channel.AGENT;
        List<Spec> l = new ArrayList<>();
        // New: no response yet
        l.add(t("Warehouse scanners cannot log in after update", 1, 1, e, 0, n, Shape.AT_RISK, 48, null));
        l.add(t("Payments API returns 503 for all merchants", 1, 2, p, 1, n, Shape.RUNNING, 12, "agent"));
        l.add(t("Route planner slow for the Leeds depot", 2, 1, e, 0, n, Shape.RUNNING, 70, null));
        l.add(t("Statement PDF shows wrong period header", 3, 1, e, 1, n, Shape.FRESH, 4, null));
        l.add(t("Typo in the onboarding guide, chapter 3", 3, 1, ch, 0, n, Shape.RUNNING, 150, "operator"));
        l.add(t("Export to CSV drops the last column", 2, 1, a, 1, n, Shape.AT_RISK, 200, "agent"));
        l.add(t("Nightly sync job failed twice", 2, 1, e, 0, n, Shape.OVERDUE, 312, null));
        l.add(t("Request: dark theme for the driver app", 3, 1, e, 0, n, Shape.OVERDUE, 560, "sam"));
        l.add(t("Login page shows a certificate warning", 2, 1, p, 1, n, Shape.FRESH, 1, null));
        l.add(t("All users see a blank dashboard", 1, 1, ch, 0, n, Shape.OVERDUE, 132, null));
        // Open: being worked on
        l.add(t("Invoice batch stuck in 'pending'", 2, 2, e, 1, o, Shape.MET, 42, "agent"));
        l.add(t("Driver app crashes on Android 14", 1, 2, p, 0, o, Shape.MET, 18, "sam"));
        l.add(t("Report scheduler skips bank holidays incorrectly", 3, 2, e, 0, o, Shape.MISSED, 500, "lead"));
        l.add(t("Card authorisations time out intermittently", 2, 3, e, 1, o, Shape.MISSED, 260, "lead"));
        l.add(t("Barcode labels print off-centre", 3, 1, ch, 0, o, Shape.RUNNING, 30, "operator"));
        l.add(t("Single user cannot upload proof of delivery", 2, 1, a, 0, o, Shape.RUNNING, 95, "agent"));
        l.add(t("Audit trail missing entries for 12 March", 2, 2, e, 1, o, Shape.OVERDUE, 290, "sam"));
        l.add(t("Help text refers to the old menu", 3, 1, e, 0, o, Shape.MET, 210, null));
        // Waiting on customer
        l.add(t("Need log files for the failed import", 2, 1, e, 0, w, Shape.MET, 55, "agent"));
        l.add(t("Waiting for test account to reproduce", 3, 2, p, 1, w, Shape.MET, 300, "sam"));
        l.add(t("Customer to confirm firewall change", 1, 2, p, 1, w, Shape.MISSED, 80, "lead"));
        l.add(t("Screenshot requested for layout issue", 3, 1, ch, 0, w, Shape.MET, 25, "operator"));
        // Resolved today and closed
        l.add(t("Password reset e-mails delayed", 2, 1, e, 0, r, Shape.MET, 35, "agent"));
        l.add(t("Duplicate direct debit run", 1, 3, p, 1, r, Shape.MET, 22, "lead"));
        l.add(t("Wrong VAT rate on sample invoice", 3, 1, e, 1, r, Shape.MISSED, 520, "sam"));
        l.add(t("Chat widget hidden behind cookie banner", 3, 1, ch, 0, r, Shape.MET, 90, "operator"));
        l.add(t("Map tiles not loading in Safari", 2, 1, e, 0, c, Shape.MET, 60, "agent"));
        l.add(t("Quarterly usage report empty", 2, 2, e, 1, c, Shape.MISSED, 300, "sam"));
        l.add(t("Cannot add a second depot", 3, 1, a, 0, c, Shape.MET, 120, "agent"));
        // Official Sensitive (Department for Digital Services)
        l.add(sensitive("OFFICIAL-SENSITIVE: case records visible to wrong team", 1, 2, e, n, Shape.AT_RISK, 50,
                "Since this morning caseworkers in the north region can open case records of the south region."));
        l.add(sensitive("OFFICIAL-SENSITIVE: export of citizen addresses fails", 2, 1, p, n, Shape.RUNNING, 40,
                "The weekly export of addresses to the print contractor stops at 4,000 rows."));
        l.add(sensitive("OFFICIAL-SENSITIVE: audit report shows names in clear", 2, 2, e, o, Shape.MET, 30,
                "The audit report should pseudonymise names but shows them in clear text."));
        l.add(sensitive("OFFICIAL-SENSITIVE: role mapping after reorganisation", 3, 1, e, w, Shape.OVERDUE, 600,
                "After the reorganisation the role mapping for 40 users must change."));
        l.add(t("Accessibility statement needs updating", 3, 1, e, 2, n, Shape.RUNNING, 60, null));
        l.add(t("Portal sign-in slow for the London office", 2, 1, p, 2, o, Shape.MET, 45, "clara"));
        l.add(t("Training room booking for new starters", 3, 1, a, 2, w, Shape.MET, 100, "clara"));
        l.add(t("Search returns no results for Welsh names", 2, 2, ch, 2, o, Shape.RUNNING, 110, "sam"));
        l.add(t("Session timeout too short for caseworkers", 3, 1, e, 2, n, Shape.FRESH, 8, "clara"));
        return l;
    }

    private static Spec sensitive(String subject, int sev, int level, Channel ch, TicketStatus status, Shape clock,
                                  long used, String body) {
        return new Spec(subject, Severity.of(sev), SupportLevel.of(level), ch, 2, status, clock, used, null, true, body);
    }

    private void standard(Staff staff, Customers customers) {
        ResponseClock rc = store.policy().clock();
        Instant now = clock.instant();
        BusinessCalendar cal = rc.policy().calendarAt(now);
        TicketRepository tickets = store.tickets();
        int i = 0;
        for (Spec s : standardSpecs()) {
            i++;
            long target = rc.policy().versionAt(now).targets().secondsOf(s.severity());
            long used = switch (s.clock()) {
                case OVERDUE -> Math.max(s.usedMinutes() * 60, target + 600);
                case MET, MISSED -> Math.max(s.usedMinutes() * 60, target) + 2 * 3600 + target;
                case AT_RISK -> Math.max(s.usedMinutes() * 60, target - target / 4 + 60);
                default -> Math.min(s.usedMinutes() * 60, target / 2);
            };
            Instant received = receivedFor(cal, now, used);
            Customer customer = switch (s.customer()) {
                case 0 -> customers.northwind();
                case 1 -> customers.harbour();
                default -> customers.gov();
            };
            List<Contact> cs = switch (s.customer()) {
                case 0 -> customers.northwindContacts();
                case 1 -> customers.harbourContacts();
                default -> customers.govContacts();
            };
            Contact contact = cs.get(i % cs.size());
            Agent assignee = s.assignee() == null ? null : byName(staff, s.assignee());
            String body = s.body() != null ? s.body() : bodyFor(s, contact);
            NewTicket nt = new NewTicket(s.subject(), s.severity(), SupportLevel.L1, s.channel(), customer.id(), contact.id(),
                    received, body, s.sensitive() ? Classification.OFFICIAL_SENSITIVE : Classification.OFFICIAL, false,
                    assignee == null ? null : assignee.id());
            Agent creator = s.channel() == Channel.PHONE ? staff.operator() : s.channel() == Channel.AGENT ? staff.agent() : null;
            Ticket t = store.changes().create(s.sensitive() ? null : creator, nt);
            Agent actor = s.sensitive() ? staff.lead() : assignee != null ? assignee : staff.lead();
            t = conversation(staff, t, s, contact, received, cal, rc, actor);
            if (s.level().number() >= 2) {
                t = store.changes().changeLevel(actor, t.id(), t.version(), SupportLevel.L2,
                        "Needs configuration access that level 1 does not have.", null, null);
            }
            if (s.level() == SupportLevel.L3) {
                t = store.changes().changeLevel(actor, t.id(), t.version(), SupportLevel.L3,
                        "Looks like a defect in the settlement service.",
                        "1. Submit a batch of 50 authorisations through the test terminal.\n"
                                + "2. Watch the gateway log: every 7th request waits 30 s and times out.",
                        "Reproduced on the customer's test tenant and ours; network and load balancer ruled out;"
                                + " only happens with the 3.4 gateway build.");
            }
            if (s.status() != TicketStatus.NEW && t.status() != s.status()) {
                t = store.changes().changeStatus(actor, t.id(), t.version(), s.status());
            }
            if (s.status() == TicketStatus.CLOSED || s.status() == TicketStatus.RESOLVED) {
                store.changes().addNote(actor, t.id(), "Fixed and confirmed by the customer.");
            }
        }
        LOG.info("Demo data seeded: {} tickets", i);
    }

    private Ticket conversation(Staff staff, Ticket t, Spec s, Contact contact, Instant received, BusinessCalendar cal,
                                ResponseClock rc, Agent actor) {
        TicketRepository tickets = store.tickets();
        long target = rc.policy().versionAt(received).targets().secondsOf(s.severity());
        Instant contactAt = switch (s.clock()) {
            case MET -> cal.addBusinessSeconds(received, Math.min(s.usedMinutes() * 60, target));
            case MISSED -> cal.addBusinessSeconds(received, target + 20 * 60);
            default -> null;
        };
        long tid = t.id();
        if (s.channel() == Channel.EMAIL || contactAt != null) {
            store.database().runInTx(tx -> {
                if (s.channel() == Channel.EMAIL && s.body() == null && s.severity() == Severity.S2 && s.clock() == Shape.MET) {
                    long mid = store.conversation().addMessage(tx, tid, new NewMessage(MessageKind.EMAIL, Direction.IN, "<demo-" + tid
                            + "-log@" + domain(contact) + ">", null, null, contact.name() + " <" + contact.email() + ">",
                            "support@desk.example", "Log file for " + t.ref(), received.plusSeconds(120),
                            "Attached is the log from this morning's run.", null));
                    byte[] log = ("2024-03-12 08:01:12 INFO start\n2024-03-12 08:01:14 ERROR timeout after 30000 ms\n")
                            .getBytes(StandardCharsets.UTF_8);
                    store.conversation().addAttachment(tx, mid, "import-run.log", "text/plain", log.length, false, new ByteArrayInputStream(log));
                }
                if (contactAt != null) {
                    ContactEvent ev = s.channel() == Channel.PHONE ? ContactEvent.PHONE_CALL
                            : s.channel() == Channel.CHAT ? ContactEvent.CHAT_REPLY : ContactEvent.EMAIL_REPLY;
                    if (ev == ContactEvent.PHONE_CALL) {
                        store.calls().log(tx, staff.operator(), null, new CallRepository.CallEntry(tid, contact.id(),
                                CallDirection.OUTBOUND, contactAt, contactAt.plus(Duration.ofMinutes(6)),
                                "Called back; explained the workaround and agreed next steps."));
                    } else {
                        store.conversation().addMessage(tx, tid, new NewMessage(ev == ContactEvent.CHAT_REPLY ? MessageKind.CHAT : MessageKind.EMAIL,
                                Direction.OUT, ev == ContactEvent.EMAIL_REPLY ? "<reply-" + tid + "@desk.example>" : null, null, null,
                                "support@desk.example", contact.email(), "Re: [" + t.ref() + "] " + s.subject(), contactAt,
                                "Hello " + contact.name().split(" ")[0] + ",\n\nthank you for reporting this. We are looking into it"
                                        + " and will update you within the day.\n\nKind regards,\n" + actor.displayName(),
                                actor.id()));
                    }
                    store.changes().recordContact(tx, actor, tid, contactAt, ev);
                }
            });
        }
        if (s.clock() == Shape.OVERDUE || s.severity() == Severity.S1) {
            store.changes().addNote(actor, tid, "Checked the monitoring dashboards; no platform-wide alerts at the moment.");
        }
        return tickets.get(actor, tid);
    }

    private static String domain(Contact c) {
        return c.email().substring(c.email().indexOf('@') + 1);
    }

    private static String bodyFor(Spec s, Contact contact) {
        return "Hello,\n\n" + s.subject() + ". This started today and affects "
                + (s.severity() == Severity.S1 ? "all of our users" : s.severity() == Severity.S2 ? "some of our users"
                : "nobody's work, but it should be fixed") + ".\n\nRegards,\n" + contact.name();
    }

    private static Agent byName(Staff s, String username) {
        return switch (username) {
            case "lead" -> s.lead();
            case "agent" -> s.agent();
            case "operator" -> s.operator();
            case "sam" -> s.sam();
            default -> s.clara();
        };
    }

    /**
     * The latest instant {@code r <= now} with at least {@code usedSeconds} business seconds in
     * {@code [r, now]}: a ticket received then has used exactly that much of its target now.
     */
    static Instant receivedFor(BusinessCalendar cal, Instant now, long usedSeconds) {
        if (usedSeconds <= 0) {
            return now;
        }
        long end = now.getEpochSecond();
        long hi = end;
        long lo = hi - Duration.ofDays(60).toSeconds();
        while (lo < hi) {
            long mid = lo + (hi - lo + 1) / 2;
            if (cal.businessSecondsBetween(mid, end) >= usedSeconds) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return Instant.ofEpochSecond(lo);
    }

    // ------------------------------------------------------------------ scale seeding

    private void bulk(Staff staff, Customers customers, int count) {
        ResponseClock rc = store.policy().clock();
        Instant now = clock.instant();
        BusinessCalendar cal = rc.policy().calendarAt(now);
        TicketRepository tickets = store.tickets();
        Severity[] sevs = Severity.values();
        Channel[] channels = Channel.values();
        Agent[] people = {null, staff.agent(), staff.operator(), staff.sam(), staff.lead()};
        Customer[] cust = {customers.northwind(), customers.harbour()};
        long started = System.nanoTime();
        for (int from = 0; from < count; from += BATCH) {
            int start = from;
            int end = Math.min(count, from + BATCH);
            store.database().runInTx(tx -> {
                List<Long> closed = new ArrayList<>();
                List<Instant> closedAt = new ArrayList<>();
                for (int k = start; k < end; k++) {
                    boolean open = k % 20 == 0;
                    Severity sev = sevs[k % 3];
                    Instant received = open ? receivedFor(cal, now, (k * 97L) % (3 * 3600))
                            : now.minusSeconds(3600L * 24 * 2 + (k * 7919L) % (3600L * 24 * 365));
                    Agent assignee = people[k % people.length];
                    NewTicket nt = new NewTicket("Demo ticket " + (k + 1) + ": " + SUBJECTS[k % SUBJECTS.length], sev,
                            SupportLevel.of(1 + (k / 7) % 3), channels[k % channels.length],
                            cust[k % 2].id(), null, received, null, Classification.OFFICIAL, false,
                            assignee == null ? null : assignee.id());
                    long id = store.changes().insert(tx, null, nt);
                    if (!open) {
                        closed.add(id);
                        closedAt.add(received);
                    }
                }
                for (int k = 0; k < closed.size(); k++) {
                    Instant rec = closedAt.get(k);
                    store.changes().closeAnswered(tx, closed.get(k), rec.plusSeconds(1800), rec.plus(Duration.ofDays(1)));
                }
            });
        }
        LOG.info("Demo data seeded: {} tickets ({} open) in {} ms", count, (count + 19) / 20,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static final String[] SUBJECTS = {
        "Cannot log in", "Report is slow", "Export fails", "Wrong totals on invoice", "Label printer offline",
        "Sync job error", "Typo on settings page", "Feature request: bulk edit", "Timeout on upload", "Dashboard blank"};
}
