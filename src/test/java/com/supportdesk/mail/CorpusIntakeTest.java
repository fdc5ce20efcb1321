package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.store.MailboxRepository.QuarantineEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Every message of the shared corpus, delivered to GreenMail and imported over IMAP, ends as a ticket (new,
 * threaded, or the ticket a bounce or auto-reply belongs to) or as a quarantine / automated-log entry, and no
 * exception escapes. The few messages GreenMail refuses to store are fed through the same intake path from
 * their raw files. Skipped when the corpus is not there.
 */
class CorpusIntakeTest extends IntakeTestBase {

    @Test
    void everyCorpusMessageEndsAsATicketOrAQuarantineEntry() throws Exception {
        List<Path> corpus = MailCorpus.messages();
        GreenMailSupport.Delivery delivery = GreenMailSupport.deliverAll(GREENMAIL, corpus);
        List<Path> delivered = delivery.delivered();
        List<Path> refused = delivery.refusedFiles();

        Map<Long, IntakeOutcome> byUid = new TreeMap<>();
        intake.onOutcome((uid, outcome) -> {
            if (uid != null) {
                byUid.put(uid, outcome);
            }
        });
        IntakeCounts counts = fetch();
        assertThat(counts.fetched()).isEqualTo(delivered.size());

        Map<Path, IntakeOutcome> ended = new LinkedHashMap<>();
        List<IntakeOutcome> inUidOrder = new ArrayList<>(byUid.values());
        for (int i = 0; i < delivered.size(); i++) {
            ended.put(delivered.get(i), inUidOrder.get(i));
        }
        for (Path file : refused) {
            ended.put(file, intake.ingestRaw(file, Instant.now(), "corpus", "raw"));
        }

        assertThat(ended).hasSize(corpus.size());
        for (Map.Entry<Path, IntakeOutcome> e : ended.entrySet()) {
            IntakeOutcome o = e.getValue();
            assertThat(o.ticketId() != null || o.quarantineId() != null)
                    .as("%s ended as %s", e.getKey(), o.describe()).isTrue();
            if (o.ticketId() != null) {
                assertThat(store.tickets().find(admin, o.ticketId())).as(e.getKey().toString()).isPresent();
            } else {
                QuarantineEntry entry = store.mailbox().entry(admin, o.quarantineId());
                assertThat(entry.rawSize()).as(e.getKey().toString()).isPositive();
            }
        }
        LoggerFactory.getLogger(CorpusIntakeTest.class).info("Corpus intake: {} ({} fed from raw files: {})",
                counts.summary(), refused.size(), refused.stream().map(p -> p.getFileName().toString()).toList());
        try (var left = Files.list(spool)) {
            assertThat(left).as("no spool file is left behind").isEmpty();
        }
    }
}
