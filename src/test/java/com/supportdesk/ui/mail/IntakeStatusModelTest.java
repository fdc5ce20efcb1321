package com.supportdesk.ui.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.supportdesk.mail.AfterImport;
import com.supportdesk.mail.ImapMailbox;
import com.supportdesk.mail.ImapSettings;
import com.supportdesk.mail.IntakeProgress;
import com.supportdesk.mail.MailIntake;
import com.supportdesk.mail.MailParser;
import com.supportdesk.mail.MailSystemProperties;
import com.supportdesk.mail.MailTimeouts;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.store.Store;
import com.supportdesk.testing.DeskGreenMail;
import com.supportdesk.testing.TestStores;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Issue 17: the status bar shows a large import's progress (count, rate, time left) as the intake reports it. */
class IntakeStatusModelTest {

    static {
        MailSystemProperties.install();
    }

    static final String PASSWORD = "status-Secret-17";

    @RegisterExtension
    static final GreenMailExtension GREENMAIL = DeskGreenMail.extension(PASSWORD);

    @TempDir
    Path dir;

    private static final Pattern PROGRESS = Pattern.compile(
            "Mail: importing ([\\d,]+) of ([\\d,]+) messages \u00b7 ([\\d,]+)/s( \u00b7 about (\\d+ (s|min|min \\d+ s)) left)?");

    @Test
    void aLargeImportShowsCountRateAndTimeLeftUntilTheRoundsSummary() throws Exception {
        int n = 240;
        for (int i = 0; i < n; i++) {
            String raw = "From: user" + i + "@acme.example\r\nTo: desk@localhost\r\nSubject: Question " + i
                    + "\r\nMessage-ID: <q" + i + "@acme.example>\r\n\r\nText " + i + "\r\n";
            GREENMAIL.getUserManager().getUser("desk").deliver(new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII))));
        }
        IntakeStatusModel model = new IntakeStatusModel(Runnable::run);
        List<String> shown = new ArrayList<>();
        model.textProperty().addListener((o, was, now) -> shown.add(now));
        try (Store store = TestStores.open(dir.resolve("db"), Clock.systemUTC());
             ImapMailbox mailbox = ImapMailbox.open(new ImapSettings("127.0.0.1", GREENMAIL.getImap().getPort(),
                     TlsMode.NONE, "desk", PASSWORD, "INBOX", AfterImport.MARK_SEEN, null), MailTimeouts.defaults(), dir)) {
            MailIntake intake = new MailIntake(store, new MailParser()::parse, Clock.systemUTC(), 50);
            intake.catchUp(mailbox, true, () -> false, model::progress);
        }

        assertThat(shown).as("one report per group of 50").hasSize(5);
        List<Integer> counts = new ArrayList<>();
        for (String line : shown) {
            Matcher m = PROGRESS.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            counts.add(Integer.parseInt(m.group(1).replace(",", "")));
            assertThat(m.group(2)).isEqualTo("240");
            assertThat(Integer.parseInt(m.group(3).replace(",", ""))).isPositive();
        }
        assertThat(counts).containsExactly(50, 100, 150, 200, 240);
        assertThat(shown.subList(0, 4)).allMatch(line -> line.contains(" left"));
        assertThat(shown.get(4)).as("nothing is left at the end").doesNotContain(" left");
        assertThat(model.problemProperty().get()).isFalse();
    }

    @Test
    void theProgressTextReadsCountRateAndTimeLeft() {
        IntakeStatusModel model = new IntakeStatusModel(Runnable::run);
        model.progress(new IntakeProgress(1_200, 5_000, Duration.ofMillis(1_500)));
        assertThat(model.textProperty().get())
                .isEqualTo("Mail: importing 1,200 of 5,000 messages \u00b7 800/s \u00b7 about 5 s left");
        model.progress(new IntakeProgress(2_000, 50_000, Duration.ofSeconds(10)));
        assertThat(model.textProperty().get())
                .isEqualTo("Mail: importing 2,000 of 50,000 messages \u00b7 200/s \u00b7 about 4 min left");
        model.progress(new IntakeProgress(0, 5_000, Duration.ZERO));
        assertThat(model.textProperty().get()).isEqualTo("Mail: importing 0 of 5,000 messages");
    }

    @Test
    void aSmallRoundKeepsTheUsualStatus() {
        IntakeStatusModel model = new IntakeStatusModel(Runnable::run);
        model.progress(new IntakeProgress(3, IntakeStatusModel.PROGRESS_FROM - 1, Duration.ofMillis(20)));
        assertThat(model.textProperty().get()).isEqualTo("Mail: not started");
    }
}
