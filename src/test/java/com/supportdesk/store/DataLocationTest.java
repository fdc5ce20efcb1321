package com.supportdesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
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
    void embeddedFileIsDurableAndServerUrlsAreKept() {
        DataLocation embedded = DataLocation.resolve(Path.of("/srv/desk"), null);
        assertThat(embedded.jdbcUrl()).isEqualTo("jdbc:h2:file:/srv/desk/supportdesk;WRITE_DELAY=0");
        assertThat(embedded.embedded()).isTrue();
        assertThat(embedded.databaseFile()).isEqualTo(Path.of("/srv/desk/supportdesk.mv.db"));
        DataLocation server = DataLocation.resolve(Path.of("/srv/desk"), "jdbc:h2:tcp://desk:9092/supportdesk");
        assertThat(server.embedded()).isFalse();
        assertThat(server.databaseFile()).isNull();
        assertThat(server.jdbcUrl()).isEqualTo("jdbc:h2:tcp://desk:9092/supportdesk");
    }
}
