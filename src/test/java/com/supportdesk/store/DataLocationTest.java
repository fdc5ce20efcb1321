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
        assertThat(DataLocation.defaultDataDir("Windows 11", Map.of("APPDATA", "C:\\Users\\pat\\AppData\\Roaming"), home))
                .isEqualTo(Path.of("C:\\Users\\pat\\AppData\\Roaming").resolve("SupportDesk"));
        assertThat(DataLocation.defaultDataDir("Mac OS X", Map.of(), home))
                .isEqualTo(home.resolve("Library/Application Support/SupportDesk"));
        assertThat(DataLocation.defaultDataDir("Linux", Map.of(), home)).isEqualTo(home.resolve(".local/share/supportdesk"));
        assertThat(DataLocation.defaultDataDir("Linux", Map.of("XDG_DATA_HOME", "/data/x"), home))
                .isEqualTo(Path.of("/data/x/supportdesk"));
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
