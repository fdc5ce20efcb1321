package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class DataLocationTest {

    private final Path home = Path.of("/home/pat");

    @Test
    void osDataFolders() {
        // Windows: the local profile (never Roaming)
        assertThat(DataLocation.defaultDataDir("Windows 11", Map.of("APPDATA", "C:\\Users\\pat\\AppData\\Roaming",
                "LOCALAPPDATA", "C:\\Users\\pat\\AppData\\Local"), home))
                .isEqualTo(Path.of("C:\\Users\\pat\\AppData\\Local").resolve("SupportDesk"));
        assertThat(DataLocation.defaultDataDir("Windows 11", Map.of(), home))
                .isEqualTo(home.resolve("AppData").resolve("Local").resolve("SupportDesk"));
        assertThat(DataLocation.defaultDataDir("Mac OS X", Map.of(), home))
                .isEqualTo(home.resolve("Library/Application Support/SupportDesk"));
        assertThat(DataLocation.defaultDataDir("Linux", Map.of(), home)).isEqualTo(home.resolve(".local/share/supportdesk"));
        assertThat(DataLocation.defaultDataDir("Linux", Map.of("XDG_DATA_HOME", "/data/x"), home))
                .isEqualTo(Path.of("/data/x/supportdesk"));
    }

    @Test
    void onWindowsAnEarlierDesksRoamingFolderIsUsedUntilItHasMovedToLocal(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws Exception {
        OsFolders win = new OsFolders("Windows 10", Map.of("APPDATA", tmp.resolve("Roaming").toString(),
                "LOCALAPPDATA", tmp.resolve("Local").toString()), tmp);
        Path local = tmp.resolve("Local").resolve("SupportDesk");
        Path roaming = tmp.resolve("Roaming").resolve("SupportDesk");
        assertThat(win.dataDir()).isEqualTo(local);
        assertThat(win.previousDataDir()).isEqualTo(roaming);
        java.nio.file.Files.createDirectories(roaming);
        assertThat(win.dataDir()).isEqualTo(roaming); // not moved yet (e.g. the old desk was still open)
        java.nio.file.Files.createDirectories(local);
        assertThat(win.dataDir()).isEqualTo(local);
        assertThat(win.demoDir()).isEqualTo(tmp.resolve("Local").resolve("SupportDesk-demo"));
        assertThat(win.moves()).extracting(OsFolders.Move::from, OsFolders.Move::to).containsExactly(
                org.assertj.core.groups.Tuple.tuple(roaming, local),
                org.assertj.core.groups.Tuple.tuple(tmp.resolve("Roaming").resolve("SupportDesk-demo"),
                        tmp.resolve("Local").resolve("SupportDesk-demo")));
        // the logs stay in the data folder on Windows
        assertThat(win.logDir(local)).isEqualTo(local.resolve("logs"));
    }

    @Test
    void onMacOsTheLogsOfTheOsFoldersGoToLibraryLogs() {
        OsFolders mac = new OsFolders("Mac OS X", Map.of(), home);
        Path data = home.resolve("Library/Application Support/SupportDesk");
        assertThat(mac.logDir(data)).isEqualTo(home.resolve("Library/Logs/SupportDesk"));
        assertThat(mac.logDir(mac.demoDir())).isEqualTo(home.resolve("Library/Logs/SupportDesk-demo"));
        // a folder of one's own choosing (--data-dir) keeps its logs inside, so two desks never share a log file
        assertThat(mac.logDir(Path.of("/srv/desk"))).isEqualTo(Path.of("/srv/desk/logs"));
        assertThat(mac.moves()).extracting(OsFolders.Move::from).containsExactly(data.resolve("logs"),
                home.resolve("Library/Application Support/SupportDesk-demo/logs"));
        assertThat(mac.previousDataDir()).isNull();
        // Linux: nothing moves, logs in the data folder
        OsFolders linux = new OsFolders("Linux", Map.of(), home);
        assertThat(linux.moves()).isEmpty();
        assertThat(linux.logDir(linux.dataDir())).isEqualTo(home.resolve(".local/share/supportdesk/logs"));
    }

    @Test
    void embeddedFileIsDurableTeamUrlsAreKeptAndH2ServersAreRefused() {
        DataLocation embedded = DataLocation.resolve(Path.of("/srv/desk"), null);
        assertThat(embedded.jdbcUrl()).isEqualTo("jdbc:h2:file:/srv/desk/supportdesk;WRITE_DELAY=0");
        assertThat(embedded.embedded()).isTrue();
        assertThat(embedded.databaseFile()).isEqualTo(Path.of("/srv/desk/supportdesk.mv.db"));
        DataLocation team = DataLocation.resolve(Path.of("/srv/desk"), "jdbc:postgresql://desk:5432/supportdesk?sslmode=verify-full");
        assertThat(team.embedded()).isFalse();
        assertThat(team.team()).isTrue();
        assertThat(team.databaseFile()).isNull();
        assertThat(team.jdbcUrl()).isEqualTo("jdbc:postgresql://desk:5432/supportdesk?sslmode=verify-full");
        for (String open : new String[] {"jdbc:h2:tcp://desk:9092/supportdesk", "jdbc:h2:ssl://desk/supportdesk",
                "jdbc:h2:file:/srv/desk/supportdesk;AUTO_SERVER=TRUE"}) {
            Assertions.assertThatThrownBy(() -> DataLocation.resolve(Path.of("/srv/desk"), open))
                    .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("no longer supported");
        }
        Assertions.assertThatThrownBy(() -> DataLocation.resolve(Path.of("/srv/desk"),
                "jdbc:postgresql://desk/supportdesk?user=sa&password=secret"))
                .isInstanceOf(StoreException.Invalid.class).hasMessageContaining("own");
    }
}
