package com.supportdesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.supportdesk.testing.PackagingArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every launcher runs the JVM with the same options: jpackage's (packaging/common.args, which the Linux and macOS
 * launchers and Windows' "Support Desk.exe" get) and Windows' command line (packaging/windows/app/support-desk.cmd,
 * which starts the bundled java.exe itself). The benchmark of issue 17 runs {@code ingest --once} with them too.
 */
class PackagingOptionsTest {

    @Test
    void windowsCommandLinePassesTheSameJvmOptionsAsTheLaunchers() throws Exception {
        List<String> common = PackagingArgs.javaOptions(PackagingArgs.COMMON);
        assertThat(common).contains("-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1");
        String javaLine = Files.readAllLines(Path.of("packaging", "windows", "app", "support-desk.cmd")).stream()
                .filter(l -> l.contains("java.exe\"")).findFirst().orElseThrow();
        List<String> words = Arrays.asList(javaLine.substring(javaLine.indexOf("java.exe\"") + "java.exe\"".length(),
                javaLine.indexOf(" -cp ")).strip().split("\\s+"));
        assertThat(words).isEqualTo(common);
    }
}
