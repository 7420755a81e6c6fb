package dev.listcast.bench.fanout;

import dev.listcast.bench.Progress;
import dev.listcast.bench.proc.ListeningProcess;
import dev.listcast.bench.stack.ChildProcesses;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx with nchan as a child process on a free loopback port, with its own prefix directory and configuration:
 * the system's nginx configuration and service are never touched. Installed from Debian packages when missing.
 */
final class NginxServer implements AutoCloseable {
    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final Path prefix;
    private final InetSocketAddress address;

    private NginxServer(Process process, Path prefix, InetSocketAddress address) {
        this.process = process;
        this.prefix = prefix;
        this.address = address;
    }

    /** The process fd limit here is 20,000 and cannot be raised: nginx may use all of it. */
    private static final int MAX_CONNECTIONS = 20_000;

    static NginxServer start() throws IOException, InterruptedException {
        ensureInstalled();
        int port = ChildProcesses.freePort();
        Path prefix = Files.createTempDirectory("listcast-bench-nginx");
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("tmp"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, NchanConfig.render(port, MAX_CONNECTIONS));
        // daemon off: nginx stays our child, so stopping the bench stops it
        Process process = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", conf.toString(),
                "-g", "daemon off;")
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/nginx.out").toFile()).start();
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        NginxServer server = new NginxServer(process, prefix, address);
        server.awaitListening();
        Progress.say("nginx+nchan up on %s (prefix %s, pids %s)", address, prefix, server.pids());
        return server;
    }

    InetSocketAddress address() {
        return address;
    }

    /** Master and worker: the worker does the work, the master's share is included for honesty. */
    List<Long> pids() throws IOException {
        List<Long> pids = new ArrayList<>(List.of(process.pid()));
        pids.addAll(ListeningProcess.children(process.pid()));
        return pids;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ": "
                        + Files.readString(prefix.resolve("logs/nginx.out")) + readIfExists(prefix.resolve("logs/error.log")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(address, 200);
                if (ListeningProcess.children(process.pid()).isEmpty()) {
                    Thread.sleep(50);
                    continue;
                }
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new IllegalStateException("nginx did not listen on " + address + " within 15 s; see " + prefix);
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    /** Installs Debian's nginx and nchan module (apt-get update first) when either is missing. */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (Files.isExecutable(NGINX) && Files.exists(Path.of(NchanConfig.MODULE))) {
            return;
        }
        Progress.say("nginx or nchan missing: installing Debian packages nginx and libnginx-mod-nchan");
        run(List.of("apt-get", "update"));
        run(List.of("apt-get", "install", "-y", "nginx", "libnginx-mod-nchan"));
        if (!Files.exists(Path.of(NchanConfig.MODULE))) {
            throw new IllegalStateException("libnginx-mod-nchan installed but " + NchanConfig.MODULE + " is missing");
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        int status = builder.start().waitFor();
        if (status != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with " + status
                    + " (needs root; install nginx and libnginx-mod-nchan by hand otherwise)");
        }
    }


    @Override
    public void close() throws InterruptedException {
        // SIGTERM is nginx's fast shutdown; the worker follows its master
        ChildProcesses.stop(process);
    }
}
