package com.supportdesk.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.MessageSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the raw source of IMAP messages, byte for byte, into memory or spool files.
 *
 * <p>A message under {@link MailIntake#MARK_FROM_BYTES} stays in memory as long as the spool's memory budget allows
 * (most mail: no file of its own to create, read back and delete); the rest goes to spool files. Small messages are fetched many at a time with one {@code FETCH (BODY.PEEK[])} (one round trip per
 * group, at most {@link #GROUP_BYTES} in memory); a message over {@link #SMALL_MESSAGE} is streamed on its
 * own in partial-fetch blocks, so its size never matters for the heap.
 */
final class ImapSpooler {

    static final long SMALL_MESSAGE = 256 * 1024;
    static final long GROUP_BYTES = 4 * 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ImapSpooler.class);

    private final IMAPFolder folder;
    private final Path spoolDir;

    ImapSpooler(IMAPFolder folder, Path spoolDir) {
        this.folder = folder;
        this.spoolDir = spoolDir;
    }

    /** Spools {@code messages} (in this order) to files; on failure no spool file is left behind. */
    List<FetchedMessage> spool(Message[] messages) throws MessagingException, IOException {
        return spool(messages, 0);
    }

    /**
     * Spools {@code messages} (in this order), keeping messages under {@link MailIntake#MARK_FROM_BYTES} in memory
     * while they add up to at most {@code memoryBytes}; on failure no spool file is left behind.
     */
    List<FetchedMessage> spool(Message[] messages, long memoryBytes) throws MessagingException, IOException {
        long[] memoryLeft = {memoryBytes};
        FetchProfile profile = new FetchProfile();
        profile.add(UIDFolder.FetchProfileItem.UID);
        profile.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        profile.add(IMAPFolder.FetchProfileItem.SIZE);
        folder.fetch(messages, profile);

        List<FetchedMessage> spooled = new ArrayList<>();
        try {
            List<IMAPMessage> group = new ArrayList<>();
            long groupBytes = 0;
            for (Message m : messages) {
                IMAPMessage message = (IMAPMessage) m;
                long size = message.getSizeLong();
                if (size < 0 || size > SMALL_MESSAGE) {
                    spoolGroup(group, spooled, memoryLeft);
                    group.clear();
                    groupBytes = 0;
                    spoolStreamed(message, spooled);
                    continue;
                }
                if (groupBytes + size > GROUP_BYTES) {
                    spoolGroup(group, spooled, memoryLeft);
                    group.clear();
                    groupBytes = 0;
                }
                group.add(message);
                groupBytes += size;
            }
            spoolGroup(group, spooled, memoryLeft);
            return spooled;
        } catch (MessagingException | IOException | RuntimeException e) {
            spooled.forEach(FetchedMessage::close);
            throw e;
        }
    }

    private void spoolGroup(List<IMAPMessage> group, List<FetchedMessage> spooled, long[] memoryLeft)
            throws MessagingException, IOException {
        if (group.isEmpty()) {
            return;
        }
        Map<IMAPMessage, ByteArray> bodies = fetchWhole(group);
        for (IMAPMessage message : group) {
            ByteArray raw = bodies.get(message);
            long uid = folder.getUID(message);
            if (raw == null) {
                LOG.info("IMAP message UID {} was deleted on the server before it could be read; skipped", uid);
                continue;
            }
            MessageDigest digest = sha256();
            digest.update(raw.getBytes(), raw.getStart(), raw.getCount());
            if (raw.getCount() < MailIntake.MARK_FROM_BYTES && raw.getCount() <= memoryLeft[0]) {
                memoryLeft[0] -= raw.getCount();
                // most mail: kept in memory from the fetch to the commit (a file of its own per message cost more
                // than parsing it), within the group's memory bound
                byte[] bytes = Arrays.copyOfRange(raw.getBytes(), raw.getStart(), raw.getStart() + raw.getCount());
                spooled.add(fetched(message, uid, null, bytes, raw.getCount(), digest));
                continue;
            }
            Path file = newSpoolFile(uid);
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(raw.getBytes(), raw.getStart(), raw.getCount());
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            spooled.add(fetched(message, uid, file, null, raw.getCount(), digest));
        }
    }

    /** One {@code FETCH seqset (BODY.PEEK[])}; other untagged responses go to the folder as usual. */
    @SuppressWarnings("unchecked")
    private Map<IMAPMessage, ByteArray> fetchWhole(List<IMAPMessage> group) throws MessagingException {
        return (Map<IMAPMessage, ByteArray>) folder.doCommand(protocol -> {
            Map<Integer, IMAPMessage> bySequence = new HashMap<>();
            for (IMAPMessage message : group) {
                if (!message.isExpunged()) {
                    bySequence.put(message.getMessageNumber(), message);
                }
            }
            Map<IMAPMessage, ByteArray> bodies = new HashMap<>();
            if (bySequence.isEmpty()) {
                return bodies;
            }
            int[] sequence = bySequence.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
            Response[] responses = protocol.fetch(MessageSet.createMessageSets(sequence), "BODY.PEEK[]");
            for (int i = 0; i < responses.length; i++) {
                if (responses[i] instanceof FetchResponse fetch && bySequence.containsKey(fetch.getNumber())) {
                    BODY body = fetch.getItem(BODY.class);
                    if (body != null && body.getByteArray() != null) {
                        bodies.put(bySequence.get(fetch.getNumber()), body.getByteArray());
                        responses[i] = null;
                    }
                }
            }
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(responses[responses.length - 1]);
            return bodies;
        });
    }

    private void spoolStreamed(IMAPMessage message, List<FetchedMessage> spooled)
            throws MessagingException, IOException {
        long uid = folder.getUID(message);
        Path file = newSpoolFile(uid);
        MessageDigest digest = sha256();
        try (InputStream in = message.getMimeStream();
             OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            spooled.add(fetched(message, uid, file, null, in.transferTo(out), digest));
        } catch (MessagingException | IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            // errors while streaming from the server arrive as IOException wrapping a MessagingException
            Throwable cause = e instanceof IOException && e.getCause() instanceof MessagingException ? e.getCause() : e;
            if (cause instanceof MessageRemovedException) {
                LOG.info("IMAP message UID {} was deleted on the server before it could be read; skipped", uid);
                return;
            }
            if (cause instanceof MessagingException me) {
                throw me;
            }
            throw e;
        }
    }

    private Path newSpoolFile(long uid) throws IOException {
        return Files.createTempFile(spoolDir, "imap-" + uid + "-", ".eml");
    }

    /** The message as fetched: its raw source in {@code file} or in {@code bytes} (the other one null). */
    private static FetchedMessage fetched(IMAPMessage message, long uid, Path file, byte[] bytes, long size,
                                          MessageDigest digest) throws MessagingException {
        Date received = message.getReceivedDate();
        return new FetchedMessage(uid, received == null ? null : received.toInstant(), file, size,
                HexFormat.of().formatHex(digest.digest()), bytes);
    }

    /** The digest the intake keys unreadable mail and duplicates by, computed while the bytes go by. */
    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
