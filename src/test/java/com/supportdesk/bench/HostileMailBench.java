package com.supportdesk.bench;

import com.supportdesk.mail.MailParseException;
import com.supportdesk.mail.MailParser;
import com.supportdesk.mail.MailSystemProperties;
import com.supportdesk.mail.ParsedMail;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Hostile mail benchmark (issue 13): a message of MB megabytes (default 25) of each pathological shape, written to a
 * file and parsed as the intake parses it. Prints the seconds per message and what was kept; asserts nothing (the
 * unit tests check that the time grows linearly). Run in a small heap to show that what one message holds is
 * bounded: {@code mvn -B -Pbench -DskipTests test} (execution {@code hostile-mail}).
 */
public final class HostileMailBench {

    private HostileMailBench() {
    }

    /** A shape: a header to start with, and a line to repeat until the message has its size. */
    private record Shape(String name, String head, IntFunction<String> line, String tail) {
    }

    public static void main(String[] args) throws Exception {
        MailSystemProperties.install();
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 25) * 1024 * 1024;
        Random random = new Random(13);
        String text = "Subject: x\r\nContent-Type: text/plain\r\n\r\n";
        String multipart = "Subject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n";
        Shape[] shapes = {
            new Shape("blanks, no line break", text, i -> " ".repeat(1000), "\r\n"),
            new Shape("blanks before line breaks", text, i -> " \t \r\n", ""),
            new Shape("a folded subject", "Subject: x\r\n", i -> " more\r\n", "\r\nbody\r\n"),
            new Shape("header fields", "Subject: x\r\n", i -> "Received: from a" + i + " by b\r\n", "\r\nbody\r\n"),
            new Shape("a From without @", "Subject: x\r\nFrom: ", i -> "a".repeat(1000), "\r\n\r\nbody\r\n"),
            new Shape("reply prefixes", "Subject: ", i -> "Re: ", "x\r\n\r\nbody\r\n"),
            new Shape("tiny parts", multipart, i -> "--b\r\n\r\nx\r\n", "--b--\r\n"),
            new Shape("2 MB text parts", multipart, i -> i % 20_000 == 0 ? "--b\r\n\r\n" : "all work and no play ".repeat(4)
                    + "\r\n", "--b--\r\n"),
            new Shape("an HTML list", "Subject: x\r\nContent-Type: text/html\r\n\r\n<ol>", i -> "<li>x", "</ol>\r\n"),
            new Shape("nested HTML", "Subject: x\r\nContent-Type: text/html\r\n\r\n", i -> "<div><b><a href=x>", "\r\n"),
            new Shape("an attachment name of blanks", multipart + "--b\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-Disposition: attachment; filename=\"a", i -> " ".repeat(1000), "b\"\r\n\r\ndata\r\n--b--\r\n"),
            new Shape("a base64 attachment", multipart + "--b\r\n\r\nsee attached\r\n--b\r\nContent-Type: application/pdf\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n", i -> Base64.getEncoder()
                    .encodeToString(bytes(random, 57)) + "\r\n", "--b--\r\n"),
            new Shape("binary", text, i -> new String(bytes(random, 1000), StandardCharsets.ISO_8859_1), "\r\n"),
        };
        Path dir = Files.createTempDirectory("hostile-mail-bench");
        MailParser parser = new MailParser();
        System.out.printf(Locale.ROOT, "Hostile mail: %d MB per message, max heap %d MB%n", size / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        try {
            for (Shape shape : shapes) {
                Path file = dir.resolve("message.eml");
                write(file, shape, size);
                long start = System.nanoTime();
                String kept;
                try {
                    ParsedMail mail = parser.parse(file);
                    kept = "text " + mail.textBody().length() + " chars, " + mail.attachments().size() + " attachments, "
                            + mail.notes().size() + " notes, marking " + mail.marking();
                } catch (MailParseException e) {
                    kept = "rejected: " + e.getMessage();
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT, "  %-30s %6.1f MB  %6.2f s  %s%n", shape.name(),
                        Files.size(file) / 1048576.0, seconds, kept);
                Files.delete(file);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
        System.out.printf(Locale.ROOT, "  peak heap in use: %d MB%n", ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024));
    }

    private static void write(Path file, Shape shape, long size) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            byte[] head = shape.head().getBytes(StandardCharsets.ISO_8859_1);
            out.write(head);
            long written = head.length;
            for (int i = 0; written < size; i++) {
                byte[] line = shape.line().apply(i).getBytes(StandardCharsets.ISO_8859_1);
                out.write(line);
                written += line.length;
            }
            out.write(shape.tail().getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
