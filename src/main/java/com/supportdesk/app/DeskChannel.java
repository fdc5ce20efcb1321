package com.supportdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.supportdesk.store.OwnerOnly;
import com.supportdesk.store.StoreException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.UserPrincipal;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jdk.net.ExtendedSocketOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local, user-only channel through which another Support Desk process asks the one that holds a data folder to
 * do something for it: the desktop answers {@code open} (a second launch: come forward), {@code call} (an incoming
 * call: open the call console) and, on the embedded database, {@code backup}; {@code ingest --watch} answers
 * {@code backup}. Never a network port: a Unix-domain socket ({@code desk.sock}) in the owner-only data folder (0700,
 * or an owner-only ACL on Windows 10+), and every request carries the random token from {@code desk.token} (0600, new
 * each time a holder starts), which only the same OS user can read. Where the OS tells who is at the other end of the
 * socket (Linux, macOS: {@code SO_PEERCRED}), a connection from another OS user is refused before it is read, even if
 * the folder's permissions were loosened. So another account on the computer can neither connect nor, if it could,
 * be heard.
 *
 * <p>Wire format: one JSON line each way. Request {@code {"token": "...", "type": "backup", "args": {"to": "..."}}},
 * reply {@code {"ok": true, "message": "..."}} or {@code {"ok": false, "message": "..."}}. A request type is a
 * {@link Handler} registered with {@link Dispatcher#on}; an unknown type gets a plain refusal marked
 * {@code "known": false}, so the asker can tell "this process does other things" from "it refused".
 */
public final class DeskChannel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeskChannel.class);
    static final String SOCKET = "desk.sock";
    static final String TOKEN = "desk.token";
    private static final int MAX_LINE = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request from another process. */
    public record Request(String type, Map<String, String> args) {
        public Request {
            args = args == null ? Map.of() : Map.copyOf(args);
        }

        public String arg(String name) {
            return args.get(name);
        }
    }

    /**
     * The answer: done (with what to tell the person) or refused (why, in plain words). {@code known} is false when
     * the process answering does not handle that type of request at all (e.g. the mail gateway asked to come forward).
     */
    public record Reply(boolean ok, String message, boolean known) {
        public Reply(boolean ok, String message) {
            this(ok, message, true);
        }

        public static Reply done(String message) {
            return new Reply(true, message);
        }

        public static Reply refused(String message) {
            return new Reply(false, message);
        }

        static Reply unknown(String type) {
            return new Reply(false, "The running Support Desk does not know the request '" + type + "'.", false);
        }
    }

    /** Does one type of request in the holding process. A {@link StoreException} becomes a refusal with its message. */
    @FunctionalInterface
    public interface Handler {
        Reply handle(Request request);
    }

    /** The request types this process answers. */
    public static final class Dispatcher {
        private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

        public Dispatcher on(String type, Handler handler) {
            handlers.put(type, handler);
            return this;
        }

        Reply dispatch(Request request) {
            Handler h = request.type() == null ? null : handlers.get(request.type());
            if (h == null) {
                return Reply.unknown(request.type());
            }
            try {
                return h.handle(request);
            } catch (StoreException e) {
                return Reply.refused(e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Request {} from another process failed", request.type(), e);
                return Reply.refused("The running Support Desk could not do it: " + e.getMessage());
            }
        }
    }

    private final Path socket;
    private final Path tokenFile;
    private final byte[] token;
    private final ServerSocketChannel server;
    private final Dispatcher dispatcher;
    private final UserPrincipal owner;
    private final Thread acceptor;
    private volatile boolean closed;

    private DeskChannel(Path socket, Path tokenFile, byte[] token, ServerSocketChannel server, Dispatcher dispatcher,
                        UserPrincipal owner) {
        this.socket = socket;
        this.tokenFile = tokenFile;
        this.token = token;
        this.server = server;
        this.dispatcher = dispatcher;
        this.owner = owner;
        this.acceptor = new Thread(this::acceptLoop, "desk-channel");
        acceptor.setDaemon(true);
    }

    /**
     * Starts answering requests in {@code dataDir}. Call only while this process holds the folder (the embedded
     * database, or the desktop's {@code desk.lock}), so a socket file left by a process that died is stale and
     * replaced; a socket that still answers is never taken over.
     *
     * @throws InUse when another process answers at the socket
     */
    public static DeskChannel start(Path dataDir, Dispatcher dispatcher) throws IOException {
        return start(dataDir, dispatcher, null);
    }

    /**
     * As {@link #start(Path, Dispatcher)}, answering only connections from {@code owner} where the OS tells who
     * connects (tests: another owner than this process's, to see a refusal); null: the socket file's owner, that is
     * the OS user running this process.
     */
    static DeskChannel start(Path dataDir, Dispatcher dispatcher, UserPrincipal owner) throws IOException {
        OwnerOnly.directory(dataDir);
        Path socket = dataDir.resolve(SOCKET);
        Path tokenFile = dataDir.resolve(TOKEN);
        byte[] token = new byte[32];
        new SecureRandom().nextBytes(token);
        // the token first, owner-only before it holds anything
        Files.deleteIfExists(tokenFile);
        Files.write(tokenFile, new byte[0], StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OwnerOnly.file(tokenFile);
        Files.writeString(tokenFile, HexFormat.of().formatHex(token), StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        if (answers(socket)) {
            throw new InUse(socket);
        }
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        UserPrincipal allowed;
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            OwnerOnly.file(socket);
            allowed = owner != null ? owner : Files.getOwner(socket);
        } catch (IOException | RuntimeException e) {
            server.close();
            Files.deleteIfExists(tokenFile);
            throw e;
        }
        DeskChannel channel = new DeskChannel(socket, tokenFile, token, server, dispatcher, allowed);
        channel.acceptor.start();
        LOG.info("Answering local requests at {}", socket);
        return channel;
    }

    private void acceptLoop() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("Local request channel stopped: {}", e.getMessage());
                }
                return;
            }
            Thread t = new Thread(() -> serve(client), "desk-channel-request");
            t.setDaemon(true);
            t.start();
        }
    }

    /** Another process already answers at {@code socket}: it holds the folder. */
    public static final class InUse extends IOException {
        private static final long serialVersionUID = 1L;

        InUse(Path socket) {
            super("Another Support Desk process answers at " + socket + ".");
        }
    }

    /** True when a process listens at the socket (a file left by a process that died does not). */
    static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return ch.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Who is at the other end, where the OS says (Linux, macOS); empty where it does not (Windows: the folder's
     * owner-only ACL and the token keep others out).
     */
    static Optional<UserPrincipal> peer(SocketChannel client) {
        try {
            if (client.supportedOptions().contains(ExtendedSocketOptions.SO_PEERCRED)) {
                return Optional.of(client.getOption(ExtendedSocketOptions.SO_PEERCRED).user());
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("Cannot tell who connected: {}", e.getMessage());
        }
        return Optional.empty();
    }

    private void serve(SocketChannel client) {
        Optional<UserPrincipal> peer = peer(client);
        if (peer.isPresent() && !peer.get().equals(owner)) {
            // another OS user: not a word is read from them
            LOG.warn("Refused a local request from another user of this computer ({})", peer.get().getName());
            try (client) {
                write(Channels.newOutputStream(client), false,
                        "Refused: this Support Desk belongs to another user of this computer.", true);
                client.shutdownOutput();
                discardBriefly(client); // so that their request, if on its way, does not break the line before they read
            } catch (IOException e) {
                LOG.debug("Refusing another user: {}", e.getMessage());
            }
            return;
        }
        try (client; BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(client),
                StandardCharsets.UTF_8)); OutputStream out = Channels.newOutputStream(client)) {
            Reply reply;
            String line = readLine(in);
            JsonNode json = line == null ? null : parse(line);
            if (json == null || !json.isObject()) {
                reply = Reply.refused("Not a request.");
            } else if (!tokenMatches(json.path("token").asText(""))) {
                LOG.warn("Refused a local request with a wrong token");
                reply = Reply.refused("Refused: the request did not carry this desk's token.");
            } else {
                Map<String, String> args = new LinkedHashMap<>();
                json.path("args").fields().forEachRemaining(e -> args.put(e.getKey(), e.getValue().asText()));
                reply = dispatcher.dispatch(new Request(json.path("type").asText(null), args));
            }
            write(out, reply.ok(), reply.message(), reply.known());
        } catch (IOException e) {
            LOG.debug("Local request ended early: {}", e.getMessage());
        }
    }

    /**
     * Throws away (unread, unparsed) what the other end sends, for at most {@link #REFUSAL_GRACE_MS} and
     * {@link #REFUSAL_GRACE_BYTES}: closing at once, with their request arriving, would break the connection before
     * they read the refusal.
     */
    private static void discardBriefly(SocketChannel client) throws IOException {
        client.configureBlocking(false);
        ByteBuffer sink = ByteBuffer.allocate(4096);
        long until = System.nanoTime() + REFUSAL_GRACE_MS * 1_000_000L;
        long total = 0;
        while (total < REFUSAL_GRACE_BYTES && System.nanoTime() < until) {
            sink.clear();
            int n = client.read(sink);
            if (n < 0) {
                return;
            }
            total += n;
            if (n == 0) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    static final long REFUSAL_GRACE_MS = 500;
    static final long REFUSAL_GRACE_BYTES = 64 * 1024;

    private boolean tokenMatches(String hex) {
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(token, given);
    }

    /** The socket file (for messages and tests). */
    public Path socket() {
        return socket;
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("Closing the local request channel: {}", e.getMessage());
        }
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(tokenFile);
        } catch (IOException e) {
            LOG.debug("Removing the local request channel's files: {}", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ the asking side

    /**
     * Sends a request to the process holding the database in {@code dataDir}. Empty when no process answers there
     * (no socket, a stale one, or no token to read); otherwise the reply.
     */
    public static Optional<Reply> ask(Path dataDir, Request request) {
        Path socket = dataDir.resolve(SOCKET);
        Path tokenFile = dataDir.resolve(TOKEN);
        if (!Files.exists(socket) || !Files.isReadable(tokenFile)) {
            return Optional.empty();
        }
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return Optional.empty();
        }
        return ask(socket, token, request);
    }

    /** As {@link #ask(Path, Request)} with the token given (tests: a wrong token is refused). */
    static Optional<Reply> ask(Path socket, String token, Request request) {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket));
             OutputStream out = Channels.newOutputStream(ch);
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8))) {
            ObjectNode json = JSON.createObjectNode();
            json.put("token", token);
            json.put("type", request.type());
            ObjectNode args = json.putObject("args");
            request.args().forEach(args::put);
            out.write((JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            String line = readLine(in);
            JsonNode reply = line == null ? null : parse(line);
            if (reply == null) {
                return Optional.of(Reply.refused("The running Support Desk did not answer."));
            }
            return Optional.of(new Reply(reply.path("ok").asBoolean(false), reply.path("message").asText(""),
                    reply.path("known").asBoolean(true)));
        } catch (IOException e) {
            // nobody listening: a socket file left behind by a process that ended
            return Optional.empty();
        }
    }

    private static void write(OutputStream out, boolean ok, String message, boolean known) throws IOException {
        ObjectNode json = JSON.createObjectNode();
        json.put("ok", ok);
        json.put("message", message);
        if (!known) {
            json.put("known", false);
        }
        out.write((JSON.writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readLine(BufferedReader in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return b.toString();
            }
            if (b.length() >= MAX_LINE) {
                return null;
            }
            b.append((char) c);
        }
        return b.length() == 0 ? null : b.toString();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            return null;
        }
    }
}
