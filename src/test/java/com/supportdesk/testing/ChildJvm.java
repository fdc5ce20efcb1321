package com.supportdesk.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts a main class of the test classpath in a separate JVM (for lock and kill -9 tests). */
public final class ChildJvm {

    private ChildJvm() {
    }

    public static Process start(Class<?> main, String... args) throws IOException {
        return start(Map.of(), List.of("-Xmx256m"), main, args);
    }

    /** As {@link #start(Class, String...)}, with these environment variables added. */
    public static Process start(Map<String, String> env, Class<?> main, String... args) throws IOException {
        return start(env, List.of("-Xmx256m"), main, args);
    }

    /** With these JVM options (e.g. a small heap) instead of the default {@code -Xmx256m}. */
    public static Process start(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        return start(Map.of(), jvmOptions, main, args);
    }

    /** With these environment variables added and these JVM options. */
    public static Process start(Map<String, String> env, List<String> jvmOptions, Class<?> main, String... args)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().putAll(env);
        return pb.start();
    }
}
