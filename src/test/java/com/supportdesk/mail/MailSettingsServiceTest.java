package com.supportdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.supportdesk.domain.Agent;
import com.supportdesk.domain.Clearance;
import com.supportdesk.store.Store;
import com.supportdesk.store.StoreException;
import com.supportdesk.testing.MutableClock;
import com.supportdesk.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail settings in {@code app_setting}: round trip, admins only, passwords encrypted with an owner-only key file. */
class MailSettingsServiceTest {

    static final String IMAP_PASSWORD = "Imap-Pa55word-unique-1";
    static final String SMTP_PASSWORD = "Smtp-Pa55word-unique-2";

    @TempDir
    Path dir;
    Store store;
    Agent admin;
    MailSettingsService service;

    @BeforeEach
    void open() {
        store = TestStores.open(dir, MutableClock.at("2026-03-10T10:00:00Z"));
        admin = TestStores.admin(store);
        service = MailSettingsService.of(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static MailSettings full() {
        return new MailSettings(
                new ImapSettings("imap.example.com", 993, TlsMode.SSL, "support@example.com", IMAP_PASSWORD, "Support",
                        AfterImport.MOVE, "Support/Done"),
                new SmtpSettings("smtp.example.com", 587, TlsMode.STARTTLS, "support@example.com", SMTP_PASSWORD,
                        "support@example.com", "Example Support"),
                true, false, null);
    }

    private Map<String, String> rawTable() throws Exception {
        Map<String, String> out = new HashMap<>();
        store.database().run(c -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT setting_key, setting_value FROM app_setting")) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        });
        return out;
    }

    @Test
    void defaultsAreNothingSetUpAndAcknowledgementsOff() {
        MailSettings s = service.load();
        assertThat(s.imap()).isNull();
        assertThat(s.smtp()).isNull();
        assertThat(s.acknowledge()).isFalse();
        assertThat(s.fetchInDesktop()).isTrue();
        assertThat(s.warning()).isNull();
    }

    @Test
    void roundTripWithPasswordsEncryptedNeverInPlainText() throws Exception {
        service.save(admin, full());

        MailSettings loaded = service.load();
        assertThat(loaded).isEqualTo(full());
        Map<String, String> table = rawTable();
        assertThat(table).containsEntry("mail.imap.host", "imap.example.com").containsEntry("mail.imap.afterImport", "move");
        assertThat(table.get("mail.imap.password")).startsWith("aesgcm1:").doesNotContain(IMAP_PASSWORD);
        assertThat(table.values()).noneMatch(v -> v != null && (v.contains(IMAP_PASSWORD) || v.contains(SMTP_PASSWORD)));
        assertThat(loaded.toString()).doesNotContain(IMAP_PASSWORD).doesNotContain(SMTP_PASSWORD);

        Path key = dir.resolve(SecretBox.KEY_FILE);
        assertThat(key).exists();
        if (key.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        }
        // the database backup holds only the encrypted form
        Path zip = dir.resolve("backup.zip");
        store.backups().backupTo(zip);
        try (var fs = FileSystems.newFileSystem(zip)) {
            for (Path p : Files.walk(fs.getPath("/")).filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1))
                        .doesNotContain(IMAP_PASSWORD);
            }
        }

        // removing IMAP leaves SMTP
        service.save(admin, loaded.withImap(null));
        assertThat(service.load().imap()).isNull();
        assertThat(service.load().smtp()).isEqualTo(full().smtp());
        assertThat(rawTable()).doesNotContainKey("mail.imap.password");
    }

    @Test
    void onAnotherComputerWithoutTheKeyThePasswordIsBlankAndExplained() throws Exception {
        service.save(admin, full());
        Files.delete(dir.resolve(SecretBox.KEY_FILE));

        MailSettings loaded = service.load();
        assertThat(loaded.imap().password()).isEmpty();
        assertThat(loaded.imap().host()).isEqualTo("imap.example.com");
        assertThat(loaded.warning()).contains("The IMAP password: the saved password cannot be decrypted on this computer")
                .contains(SecretBox.KEY_FILE);

        // a different key cannot read it either, and says so
        new SecretBox(dir.resolve(SecretBox.KEY_FILE)).encrypt("x", "y");
        assertThat(service.load().warning()).contains("cannot be decrypted with the key file");
    }

    @Test
    void aValueCannotBeMovedToAnotherSetting() throws Exception {
        SecretBox box = new SecretBox(dir.resolve("k"));
        String sealed = box.encrypt("secret", "mail.imap.password");
        assertThat(box.decrypt(sealed, "mail.imap.password")).isEqualTo("secret");
        assertThat(catchThrowableOfType(SecretBox.SecretException.class, () -> box.decrypt(sealed, "mail.smtp.password")))
                .isNotNull();
        assertThat(box.encrypt("secret", "a")).isNotEqualTo(box.encrypt("secret", "a")); // fresh nonce every time
    }

    @Test
    void onlyAdminsSave() {
        Agent una = TestStores.agent(store, admin, "una", Clearance.NONE);
        assertThat(catchThrowableOfType(StoreException.AccessDenied.class, () -> service.save(una, full())))
                .hasMessage("Only an admin may change the mail settings.");
        assertThat(catchThrowableOfType(StoreException.AccessDenied.class,
                () -> store.settings().putAll(una, Map.of("x", "y")))).isNotNull();
        assertThat(service.load().imap()).isNull();
    }

    @Test
    void damagedValuesAreReportedNotThrown() {
        store.settings().putAll(admin, Map.of("mail.imap.host", "imap.example.com", "mail.imap.port", "ninety",
                "mail.imap.user", "u"));
        MailSettings s = service.load();
        assertThat(s.imap()).isNull();
        assertThat(s.warning()).isEqualTo("The saved IMAP settings are incomplete (the port 'ninety' is not a number).");
    }

    @Test
    void settingsRepositoryBasics() {
        store.settings().putAll(admin, Map.of("a.one", "1", "a.two", "2", "b.one", "3"));
        assertThat(store.settings().byPrefix("a.")).containsExactly(Map.entry("a.one", "1"), Map.entry("a.two", "2"));
        assertThat(store.settings().get("b.one")).contains("3");
        Map<String, String> remove = new HashMap<>();
        remove.put("a.one", null);
        store.settings().putAll(admin, remove);
        assertThat(store.settings().get("a.one")).isEmpty();
        assertThat(catchThrowableOfType(StoreException.Invalid.class,
                () -> store.settings().putAll(admin, Map.of("k", "x".repeat(4001))))).isNotNull();
    }
}
