package com.supportdesk.ui.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.mail.AfterImport;
import com.supportdesk.mail.ImapSettings;
import com.supportdesk.mail.MailSettings;
import com.supportdesk.mail.MailSettingsService;
import com.supportdesk.mail.SmtpSettings;
import com.supportdesk.mail.TlsMode;
import com.supportdesk.ui.common.ManualTaskExecutor;
import com.supportdesk.ui.common.TaskExecutor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail settings dialog's view-model without the toolkit. */
class MailSettingsViewModelTest {

    @TempDir
    Path dir;
    MailUiFixture f;
    MailSettingsService service;
    final ManualTaskExecutor queued = new ManualTaskExecutor();
    final List<String> tested = new ArrayList<>();
    MailSettingsViewModel vm;

    final MailSettingsViewModel.Tester tester = new MailSettingsViewModel.Tester() {
        @Override
        public String imap(ImapSettings s) throws Exception {
            tested.add(s.toString());
            if (s.password().equals("wrong")) {
                throw new Exception("The mail server rejected the user name or password for " + s.account() + ".");
            }
            return "Connected to " + s.account() + ".";
        }

        @Override
        public String smtp(SmtpSettings s) {
            return "Connected to " + s.account() + " on port " + s.port() + ".";
        }
    };

    @BeforeEach
    void setUp() {
        f = new MailUiFixture(dir);
        service = MailSettingsService.of(f.store);
        vm = new MailSettingsViewModel(service, f.admin, tester, queued);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private void fillImap() {
        vm.imapEnabledProperty().set(true);
        vm.imapHostProperty().set("imap.example.com");
        vm.imapUserProperty().set("support@example.com");
        vm.imapPasswordProperty().set("pw-1");
    }

    @Test
    void savesWhatWasEnteredAndLoadsItBack() {
        vm.load();
        assertThat(vm.imapEnabledProperty().get()).isFalse();
        assertThat(vm.acknowledgeProperty().get()).isFalse();
        fillImap();
        vm.afterImportProperty().set(AfterImport.MOVE);
        vm.moveToFolderProperty().set("Done");
        vm.smtpEnabledProperty().set(true);
        vm.smtpHostProperty().set("smtp.example.com");
        vm.fromAddressProperty().set("support@example.com");
        vm.acknowledgeProperty().set(true);

        assertThat(vm.save()).as(vm.status()).isTrue();
        assertThat(vm.savedProperty().get()).isTrue();

        MailSettings s = service.load();
        assertThat(s.imap()).isEqualTo(new ImapSettings("imap.example.com", 993, TlsMode.SSL, "support@example.com",
                "pw-1", "INBOX", AfterImport.MOVE, "Done"));
        assertThat(s.smtp().port()).isEqualTo(587);
        assertThat(s.acknowledge()).isTrue();

        MailSettingsViewModel again = new MailSettingsViewModel(service, f.admin, tester, TaskExecutor.direct());
        again.load();
        assertThat(again.imapHostProperty().get()).isEqualTo("imap.example.com");
        assertThat(again.imapPasswordProperty().get()).isEqualTo("pw-1");
        assertThat(again.afterImportProperty().get()).isEqualTo(AfterImport.MOVE);
        assertThat(again.fromAddressProperty().get()).isEqualTo("support@example.com");
    }

    @Test
    void badInputIsExplainedAndNothingIsSaved() {
        fillImap();
        vm.imapPortProperty().set("nine");
        assertThat(vm.save()).isFalse();
        assertThat(vm.status()).isEqualTo("The IMAP port must be a number, e.g. 993.");
        vm.imapPortProperty().set("993");
        vm.imapHostProperty().set(" ");
        assertThat(vm.save()).isFalse();
        assertThat(vm.status()).isEqualTo("Mail server host name missing.");
        vm.imapHostProperty().set("imap.example.com");
        vm.acknowledgeProperty().set(true);
        assertThat(vm.save()).isFalse();
        assertThat(vm.status()).isEqualTo("Acknowledgements need the outgoing (SMTP) server.");
        assertThat(service.load().imap()).isNull();
    }

    @Test
    void thePortFollowsTheSecurityChoiceUnlessTypedByHand() {
        assertThat(vm.imapPortProperty().get()).isEqualTo("993");
        vm.imapTlsProperty().set(TlsMode.STARTTLS);
        assertThat(vm.imapPortProperty().get()).isEqualTo("143");
        vm.imapPortProperty().set("1143");
        vm.imapTlsProperty().set(TlsMode.SSL);
        assertThat(vm.imapPortProperty().get()).isEqualTo("1143");
        vm.smtpTlsProperty().set(TlsMode.SSL);
        assertThat(vm.smtpPortProperty().get()).isEqualTo("465");
    }

    @Test
    void testConnectionRunsInTheBackgroundAndShowsOneSentence() {
        fillImap();
        vm.testImap();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.status()).isEqualTo("Connecting to support@example.com@imap.example.com…");
        queued.runNext();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.status()).isEqualTo("Connected to support@example.com@imap.example.com.");
        assertThat(tested).singleElement().satisfies(t -> assertThat(t).doesNotContain("pw-1"));

        vm.imapPasswordProperty().set("wrong");
        vm.testImap();
        queued.runNext();
        assertThat(vm.status()).isEqualTo("The mail server rejected the user name or password for support@example.com@imap.example.com.");

        vm.smtpHostProperty().set("smtp.example.com");
        vm.fromAddressProperty().set("not an address");
        vm.testSmtp();
        assertThat(queued.pending()).isZero();
        assertThat(vm.status()).startsWith("SMTP: the From address is missing or not an address");
    }
}
