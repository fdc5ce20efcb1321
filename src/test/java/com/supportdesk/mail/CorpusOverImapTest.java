package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The whole corpus delivered to GreenMail, fetched by UID range in batches, and parsed from the spool files. */
class CorpusOverImapTest extends GreenMailTestBase {

    @Test
    void everyCorpusMessageSurvivesTheRoundTrip() throws Exception {
        List<Path> corpus = MailCorpus.messages();
        GreenMailSupport.Delivery delivery = GreenMailSupport.deliverAll(GREENMAIL, corpus);
        int delivered = delivery.delivered().size();
        List<String> refused = delivery.refused();
        assertThat(refused).as("messages GreenMail could not take").hasSizeLessThan(corpus.size() / 10);

        MailParser parser = new MailParser();
        int parsed = 0;
        int rejected = 0;
        long lastUid = 0;
        try (ImapMailbox mailbox = ImapMailbox.open(GreenMailSupport.imap(GREENMAIL), GreenMailSupport.FAST, spool)) {
            for (List<FetchedMessage> batch = mailbox.fetchSince(0, 50); !batch.isEmpty();
                 batch = mailbox.fetchSince(lastUid, 50)) {
                for (FetchedMessage fetched : batch) {
                    try (fetched) {
                        parser.parse(fetched.rawFile());
                        parsed++;
                    } catch (MailParseException e) {
                        rejected++;
                    }
                    lastUid = fetched.uid();
                }
                mailbox.markProcessed(batch.stream().map(FetchedMessage::uid).toList());
            }
        }
        assertThat(parsed + rejected).isEqualTo(delivered);
        LoggerFactory.getLogger(CorpusOverImapTest.class).info(
                "Corpus over IMAP: {} delivered ({} refused by GreenMail), {} parsed, {} rejected with MailParseException",
                delivered, refused.size(), parsed, rejected);
        refused.forEach(r -> LoggerFactory.getLogger(CorpusOverImapTest.class).info("GreenMail refused {}", r));
        try (var left = Files.list(spool)) {
            assertThat(left).isEmpty();
        }
    }
}
