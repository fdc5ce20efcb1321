package com.supportdesk.app;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/** Whether this OS tells a local socket's server who the client is (SO_PEERCRED: Linux, macOS). */
final class DeskChannelProbe {

    private DeskChannelProbe() {
    }

    static boolean peerKnown(Path socket) throws IOException {
        try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return DeskChannel.peer(ch).isPresent();
        }
    }
}
