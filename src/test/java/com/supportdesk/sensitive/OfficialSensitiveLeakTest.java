package com.supportdesk.sensitive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Channel;
import com.supportdesk.domain.Classification;
import com.supportdesk.domain.Clearance;
import com.supportdesk.domain.ContactRole;
import com.supportdesk.domain.Customer;
import com.supportdesk.domain.Direction;
import com.supportdesk.domain.MessageKind;
import com.supportdesk.domain.NewTicket;
import com.supportdesk.domain.Severity;
import com.supportdesk.domain.Ticket;
import com.supportdesk.report.Quarter;
import com.supportdesk.report.ReportFormat;
import com.supportdesk.report.ReportService;
import com.supportdesk.report.TicketExporter;
import com.supportdesk.store.AccessPolicy;
import com.supportdesk.store.Conversation;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.store.Conversation.NewMessage;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.PdfText;
import com.supportdesk.testing.TestStores;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Official Sensitive content on every path around the UI: straight at the store and the services built on it.
 * Unique marker strings are planted in a sensitive ticket's subject, body, note, attachment name and contact;
 * every output built for an uncleared reader (or nobody) is searched for them. The log of a whole session,
 * including cleared agents reading the ticket, must not contain them either.
 */
class OfficialSensitiveLeakTest {

    private static final Pattern MARKER = Pattern.compile("ZQX(SUBJ|BODY|NOTE|ATT|CONTACT)\\d+");

    @TempDir
    Path dir;
    MutableClock clock = MutableClock.at("2026-11-25T10:00:00Z");
    Store store;
    Agent admin;
    Agent uncleared;
    Agent cleared;
    Customer gov;
    Ticket secret;
    long attachmentId;
    ListAppender<ILoggingEvent> log;
    Logger root;
    Level rootLevel;

    @BeforeEach
    void setUp() {
        root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        ((Logger) LoggerFactory.getLogger("com.supportdesk")).setLevel(Level.TRACE);
        log = new ListAppender<>();
        log.start();
        root.addAppender(log);

        store = TestStores.open(dir, clock);
        admin = TestStores.admin(store);
        uncleared = TestStores.agent(store, admin, "una", Clearance.NONE);
        cleared = TestStores.agent(store, admin, "sam", Clearance.CLEARED);
        gov = store.customers().create(admin, "Cabinet Office Digital", true, 4);
        var contact = store.contacts().create(admin, gov.id(), "ZQXCONTACT1 Person", "zqx@cabinet.example", "+44 20 7000 1111",
                ContactRole.ADMINISTRATOR);
        secret = store.changes().create(uncleared, NewTicket.of("ZQXSUBJ1 payroll export", Severity.S1, Channel.EMAIL,
                        Instant.parse("2026-11-24T09:00:00Z")).withCustomer(gov.id(), contact.id()).withBody("ZQXBODY1 details")
                .withClassification(Classification.OFFICIAL_SENSITIVE));
        store.changes().addNote(cleared, secret.id(), "ZQXNOTE1 internal");
        attachmentId = store.database().inTx(tx -> {
            long mid = store.conversation().addMessage(tx, secret.id(), new NewMessage(MessageKind.EMAIL, Direction.IN, "<zqx@x>", null,
                    null, "zqx@cabinet.example", "desk@example", "ZQXSUBJ1 again", clock.instant(), "ZQXBODY2", null));
            byte[] data = "ZQXBODY3".getBytes(StandardCharsets.UTF_8);
            return store.conversation().addAttachment(tx, mid, "ZQXATT1.pdf", "application/pdf", data.length, false,
                    new ByteArrayInputStream(data));
        });
        store.changes().create(uncleared, NewTicket.of("ordinary ticket", Severity.S2, Channel.PHONE, clock.instant())
                .withCustomer(gov.id(), null));
    }

    @AfterEach
    void tearDown() {
        root.detachAppender(log);
        root.setLevel(rootLevel);
        ((Logger) LoggerFactory.getLogger("com.supportdesk")).setLevel(null);
        store.close();
    }

    @Test
    void nothingBuiltForAnUnclearedReaderNamesTheSensitiveTicket() {
        for (Agent reader : List.of(uncleared, AccessPolicy.NOBODY)) {
            List<String> outputs = new ArrayList<>();
            outputs.add(store.tickets().board(reader, Instant.EPOCH).toString());
            outputs.add(store.tickets().get(reader, secret.id()).toString());
            outputs.add(store.tickets().byIds(reader, List.of(secret.id())).toString());
            outputs.add(store.tickets().receivedBetween(reader, gov.id(), Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")).toString());
            for (String q : List.of("ZQX", "ZQXSUBJ1", "payroll", "Cabinet", "ZQXCONTACT1", secret.ref())) {
                List<Ticket> hits = store.tickets().search(reader, q, 50);
                outputs.add(hits.toString());
                if (!q.equals(secret.ref())) {
                    assertThat(hits).extracting(Ticket::id).doesNotContain(secret.id());
                }
            }
            for (TicketExporter.Format f : TicketExporter.Format.values()) {
                StringWriter w = new StringWriter();
                new TicketExporter(store.tickets()).export(reader, f, w);
                outputs.add(w.toString());
                assertThat(w.toString()).contains(secret.ref()).contains(Ticket.PLACEHOLDER);
            }
            outputs.addAll(reportTexts(reader));
            for (String o : outputs) {
                assertThat(leaks(o)).as("leak in: %s", o.length() > 300 ? o.substring(0, 300) : o).isFalse();
            }
            assertThatThrownBy(() -> store.tickets().open(reader, secret.id(), "board")).isInstanceOf(StoreException.AccessDenied.class);
            assertThatThrownBy(() -> store.history().history(reader, secret.id())).isInstanceOf(StoreException.AccessDenied.class);
            assertThatThrownBy(() -> store.conversation().saveAttachment(reader, attachmentId, new ByteArrayOutputStream(), "x"))
                    .isInstanceOf(StoreException.AccessDenied.class);
        }
    }

    /**
     * The positive control of the check above: the same report built for a cleared agent names the ticket, and
     * the check finds it in the PDF's text. In the PDF's bytes it is not found (page content is compressed),
     * which is why the check reads the text.
     */
    @Test
    void theCheckFindsTheMarkersInAClearedAgentsReport() {
        List<String> texts = reportTexts(cleared);
        assertThat(texts).hasSize(1 + ReportFormat.values().length);
        for (String text : texts) {
            assertThat(leaks(text)).as("the check fails on: %s", text.length() > 300 ? text.substring(0, 300) : text).isTrue();
        }
        ReportService reports = new ReportService(store);
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        reports.write(reports.build(cleared, gov.name(), Quarter.parse("2026-Q4")), ReportFormat.PDF, pdf, p -> { });
        assertThat(leaks(pdf.toString(StandardCharsets.ISO_8859_1))).as("searching the PDF's bytes cannot fail").isFalse();
        assertThat(leaks(PdfText.of(pdf.toByteArray()))).isTrue();
    }

    /** The quarterly report as {@code reader} gets it: its model, and the text of every format (a PDF's as read). */
    private List<String> reportTexts(Agent reader) {
        ReportService reports = new ReportService(store);
        var report = reports.build(reader, gov.name(), Quarter.parse("2026-Q4"));
        List<String> texts = new ArrayList<>(List.of(report.toString()));
        for (ReportFormat f : ReportFormat.values()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            reports.write(report, f, out, p -> { });
            texts.add(f == ReportFormat.PDF ? PdfText.of(out.toByteArray()) : out.toString(StandardCharsets.UTF_8));
        }
        return texts;
    }

    /** A marker in the text, also where a PDF's text extraction put white space inside it. */
    private static boolean leaks(String text) {
        return MARKER.matcher(text).find() || MARKER.matcher(text.replaceAll("\\s+", "")).find();
    }

    @Test
    void theLogOfASessionThatReadSensitiveTicketsHoldsNoMarker() {
        store.tickets().open(cleared, secret.id(), "board");
        store.conversation().saveAttachment(cleared, attachmentId, new ByteArrayOutputStream(), "attachment");
        new TicketExporter(store.tickets()).export(cleared, TicketExporter.Format.CSV, new StringWriter());
        new ReportService(store).build(cleared, gov.name(), Quarter.parse("2026-Q4"));
        Ticket t = store.tickets().get(cleared, secret.id());
        store.changes().changeSeverity(cleared, t.id(), t.version(), Severity.S2);
        store.tickets().search(uncleared, "ZQXSUBJ1", 10);
        assertThat(log.list).isNotEmpty();
        for (ILoggingEvent e : log.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertThat(MARKER.matcher(line).find()).as("log line: %s", line).isFalse();
        }
        assertThat(store.audit().list(admin, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")))
                .extracting(a -> a.view()).contains("board", "attachment", "export", "report");
    }
}
