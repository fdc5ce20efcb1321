package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.store.OsFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the launcher moves before anything opens a file: the OS folders of earlier desks, once; never a --data-dir. */
class LauncherFoldersTest {

    @TempDir
    Path home;

    @Test
    void onMacOsTheLogsMoveOnceToLibraryLogs() throws Exception {
        OsFolders mac = new OsFolders("Mac OS X", Map.of(), home);
        Path oldLogs = home.resolve("Library/Application Support/SupportDesk/logs");
        Files.createDirectories(oldLogs);
        Files.writeString(oldLogs.resolve("support-desk.log"), "earlier lines\n");
        List<String> said = Launcher.moveFoldersOnce(new String[0], mac);
        assertThat(said).singleElement().asString().startsWith("the logs: Moved " + oldLogs);
        assertThat(Files.readString(home.resolve("Library/Logs/SupportDesk/support-desk.log"))).isEqualTo("earlier lines\n");
        assertThat(oldLogs).doesNotExist();
        assertThat(Launcher.moveFoldersOnce(new String[0], mac)).isEmpty();
    }

    @Test
    void onWindowsTheRoamingFolderMovesUnlessADataDirIsGiven() throws Exception {
        OsFolders win = new OsFolders("Windows 10", Map.of("APPDATA", home.resolve("Roaming").toString(),
                "LOCALAPPDATA", home.resolve("Local").toString()), home);
        Path roaming = home.resolve("Roaming/SupportDesk");
        Files.createDirectories(roaming);
        Files.writeString(roaming.resolve("window.properties"), "x=1\n");
        assertThat(Launcher.moveFoldersOnce(new String[] {"--data-dir", home.resolve("mine").toString()}, win)).isEmpty();
        assertThat(roaming).isDirectory();
        assertThat(Launcher.moveFoldersOnce(new String[] {"--demo"}, win)).singleElement().asString()
                .startsWith("the data folder: Moved " + roaming);
        assertThat(home.resolve("Local/SupportDesk/window.properties")).hasContent("x=1");
    }
}
