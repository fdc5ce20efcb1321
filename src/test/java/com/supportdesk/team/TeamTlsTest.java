package com.supportdesk.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.supportdesk.store.DataLocation;
import com.supportdesk.store.Database;
import com.supportdesk.store.StoreException;
import com.supportdesk.store.TeamConnections;
import com.supportdesk.store.TeamSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sslmode=verify-full} with a CA file, against a real PostgreSQL serving TLS with a certificate signed by a
 * CA the test makes with the JDK's keytool: the desk signs in over it and the session reports TLS; a desk that
 * trusts another CA, or reaches the server by a name the certificate does not carry, is refused in plain words.
 */
class TeamTlsTest {

    static final String PW = "changeit-for-tests";

    @TempDir
    static Path dir;
    static EmbeddedPostgres server;
    static Path ca;
    static Path otherCa;

    @BeforeAll
    static void start() throws Exception {
        Path certs = Files.createDirectories(dir.resolve("certs"));
        ca = makeCa(certs, "ca");
        otherCa = makeCa(certs, "other");
        keytool(certs, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-validity", "2", "-keystore", "server.p12", "-storepass", PW);
        keytool(certs, "-certreq", "-alias", "server", "-keystore", "server.p12", "-storepass", PW, "-file", "server.csr");
        keytool(certs, "-gencert", "-alias", "ca", "-keystore", "ca.p12", "-storepass", PW, "-infile", "server.csr",
                "-outfile", "server.crt", "-rfc", "-validity", "2", "-ext", "san=dns:localhost");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(certs.resolve("server.p12"))) {
            ks.load(in, PW.toCharArray());
        }
        PrivateKey key = (PrivateKey) ks.getKey("server", PW.toCharArray());
        Path keyFile = certs.resolve("server.key");
        Files.writeString(keyFile, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        server = EmbeddedPostgres.builder()
                .setDataDirectoryCustomizer(d -> writeHba(d.toPath().resolve("pg_hba.conf")))
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certs.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", keyFile.toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection su = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"));
             Statement st = su.createStatement()) {
            st.execute("CREATE ROLE tlsowner LOGIN CREATEROLE PASSWORD '" + PW + "'");
            st.execute("CREATE DATABASE tlsdesk OWNER tlsowner");
        }
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static Path makeCa(Path certs, String name) throws Exception {
        keytool(certs, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Support Desk test CA " + name, "-ext", "bc:c", "-validity", "2", "-keystore", name + ".p12",
                "-storepass", PW);
        keytool(certs, "-exportcert", "-alias", "ca", "-keystore", name + ".p12", "-storepass", PW, "-rfc", "-file",
                name + ".pem");
        return certs.resolve(name + ".pem");
    }

    private static void keytool(Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + ": " + out);
        }
    }

    private static void writeHba(Path hba) {
        try {
            Files.writeString(hba, String.join("\n",
                    "local all postgres trust",
                    "host all postgres 127.0.0.1/32 trust",
                    "hostssl all all 127.0.0.1/32 scram-sha-256",
                    "hostssl all all ::1/128 scram-sha-256",
                    "host all all 127.0.0.1/32 reject", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String url(String host, Path trusted) {
        return "jdbc:postgresql://" + host + ":" + server.getPort() + "/tlsdesk?sslmode=verify-full&sslrootcert="
                + trusted.toAbsolutePath();
    }

    @Test
    void verifyFullWithTheRightCaSignsInOverTls() {
        String url = url("localhost", ca);
        new TeamSetup(url, "tlsowner", PW.toCharArray(), Clock.systemUTC())
                .init("tls_", new TeamSetup.NewLogin("ada", "Ada", "ada-password-long".toCharArray()), false, null);
        try (Database db = Database.openTeam(DataLocation.resolve(dir.resolve("desk"), url), "ada",
                "ada-password-long".toCharArray(), Clock.systemUTC())) {
            Database.TeamSession s = db.session();
            assertThat(s.tls()).isTrue();
            assertThat(s.agent()).isTrue();
            assertThat(TeamConnections.plainTextWarning(db.location(), s)).isNull();
        }
    }

    @Test
    void anotherCaOrAnotherNameIsRefusedInPlainWords() {
        assertThatThrownBy(() -> Database.openTeam(DataLocation.resolve(dir.resolve("desk"), url("localhost", otherCa)),
                "ada", "whatever".toCharArray(), Clock.systemUTC()))
                .isInstanceOf(StoreException.Unreachable.class)
                .hasMessageContaining("The secure connection to localhost:" + server.getPort() + " failed")
                .hasMessageContaining("sslrootcert");
        assertThatThrownBy(() -> Database.openTeam(DataLocation.resolve(dir.resolve("desk"), url("127.0.0.1", ca)),
                "ada", "whatever".toCharArray(), Clock.systemUTC()))
                .isInstanceOf(StoreException.Unreachable.class)
                .hasMessageContaining("The secure connection to 127.0.0.1:" + server.getPort() + " failed");
    }

    @Test
    void aPlainTextConnectionToAnotherHostIsWarnedAbout() {
        DataLocation remote = DataLocation.resolve(dir, "jdbc:postgresql://desk.example.com:5432/desk");
        DataLocation local = DataLocation.resolve(dir, "jdbc:postgresql://localhost:5432/desk");
        Database.TeamSession plain = new Database.TeamSession("ada", 1L, true, false, false, false, false, false, false,
                Duration.ZERO);
        assertThat(TeamConnections.plainTextWarning(remote, plain))
                .isEqualTo("Not encrypted: the connection to desk.example.com is plain text (add sslmode=verify-full).");
        assertThat(TeamConnections.plainTextWarning(local, plain)).isNull();
    }
}
