package com.supportdesk.ui.about;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.store.DataLocation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AboutInfoTest {

    @TempDir
    Path dir;

    @Test
    void anEmbeddedDatabaseShowsItsFileAndTheLogsInTheDataFolder() {
        AboutInfo info = AboutInfo.of(DataLocation.resolve(dir, null));
        // run from target/classes there is no jar manifest
        assertThat(info.version()).isEqualTo(AboutInfo.DEVELOPMENT);
        assertThat(info.dataFolder()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(info.database()).isEqualTo(dir.toAbsolutePath().normalize().resolve("supportdesk.mv.db").toString());
        assertThat(info.logFile()).isEqualTo(dir.toAbsolutePath().normalize().resolve("logs").resolve("support-desk.log"));
        assertThat(info.facts().keySet()).containsExactly("Version", "Data folder", "Database", "Log file", "Java", "JavaFX",
                "System");
        assertThat(info.text()).startsWith("Support Desk\nVersion: development build\nData folder: " + info.dataFolder());
    }

    @Test
    void aSharedServerShowsItsJdbcUrl() {
        AboutInfo info = AboutInfo.of(DataLocation.resolve(dir, "jdbc:postgresql://deskserver:5432/supportdesk"));
        assertThat(info.database()).isEqualTo("jdbc:postgresql://deskserver:5432/supportdesk");
    }
}
