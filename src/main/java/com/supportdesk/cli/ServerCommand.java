package com.supportdesk.cli;

import com.supportdesk.store.DataLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.h2.tools.Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Share this machine's database with a team: runs an H2 TCP server over the data folder."
                + " Desktops then start with --db-url jdbc:h2:tcp://HOST:PORT/supportdesk.")
public final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Option(names = "--port", defaultValue = "9092")
    int port;
    @Option(names = "--allow-others", negatable = true, defaultValue = "true",
            description = "Accept connections from other machines (default true)")
    boolean allowOthers;

    @Override
    public Integer call() throws Exception {
        GlobalOptions g = CliSupport.root(spec).global();
        Path dir = DataLocation.resolve(g.dataDir(), null).dataDir();
        Files.createDirectories(dir);
        // Create and migrate the database locally first, so the server never has to create databases on request.
        CliSupport.root(spec).storeOpener().open(g).close();
        Server server;
        try {
            server = allowOthers
                    ? Server.createTcpServer("-tcpPort", String.valueOf(port), "-tcpAllowOthers", "-baseDir", dir.toString())
                    : Server.createTcpServer("-tcpPort", String.valueOf(port), "-baseDir", dir.toString());
            server.start();
        } catch (SQLException e) {
            spec.commandLine().getErr().println("Could not start the database server on port " + port + ": "
                    + (e.getMessage() == null ? e : e.getMessage().split("\n")[0]));
            return 1;
        }
        spec.commandLine().getOut().println("Sharing " + dir.resolve(DataLocation.DB_NAME) + " on port " + server.getPort()
                + ". Desktops: --db-url jdbc:h2:tcp://" + java.net.InetAddress.getLocalHost().getHostName() + ":"
                + server.getPort() + "/" + DataLocation.DB_NAME + "   (Ctrl+C stops)");
        spec.commandLine().getOut().flush();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "h2-server-stop"));
        Thread.currentThread().join();
        return 0;
    }
}
