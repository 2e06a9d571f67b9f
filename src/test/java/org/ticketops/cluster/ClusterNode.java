package org.ticketops.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One TicketOps node of a cluster: its own JVM ({@code org.ticketops.TicketOpsApplication} from this build's class
 * path, as {@code java -jar} would run it), its own port, the {@code mysql} profile on the shared database, the job
 * executor and the notification sender on. It can be killed with SIGKILL and started again on the same port.
 */
final class ClusterNode {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Tick3t-Ops!Strong";

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private Process process;
    private int starts;

    ClusterNode(String name, String jdbcUrl, int smtpPort, Path logDir, List<String> extraArgs) throws IOException {
        this.name = name;
        this.port = freePort();
        this.log = logDir.resolve(name + ".log");
        List<String> args = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx" + System.getProperty("cluster.heap", "640m"), "-XX:+UseParallelGC", "-cp", classPath(),
                "org.ticketops.TicketOpsApplication", "--spring.profiles.active=mysql", "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + ClusterDatabase.user(), "--spring.datasource.password=" + ClusterDatabase.password(),
                "--ticketops.node-name=" + name,
                "--ticketops.admin.user=" + ADMIN, "--ticketops.admin.password=" + ADMIN_PASSWORD,
                // the demo provider records pay-outs under their idempotency keys (a test cluster has no real one)
                "--ticketops.payments.provider=demo",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--ticketops.notifications.poll-interval=PT1S", "--ticketops.notifications.lease=PT20S",
                // a dead node's jobs are taken over when their lock runs out: 20 s here, 5 min by default
                "--camunda.bpm.job-execution.lock-time-in-millis=20000",
                "--ticketops.performance.cycle=-", "--ticketops.inventory.stocktake-cycle=-", "--ticketops.reconciliation.schedule=-",
                "--spring.datasource.hikari.maximum-pool-size=30",
                "--logging.level.root=WARN", "--logging.level.org.ticketops=INFO"));
        args.addAll(extraArgs);
        this.command = List.copyOf(args);
    }

    /** Surefire runs tests from a manifest-only jar; it names the real class path in this property. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String name() {
        return name;
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    ClusterNode start() throws IOException {
        starts++;
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(starts == 1 ? ProcessBuilder.Redirect.to(log.toFile()) : ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return this;
    }

    /** Waits until {@code /actuator/health} answers 200; returns the seconds it took. */
    double awaitUp(Duration timeout) throws Exception {
        long t0 = System.nanoTime();
        long until = t0 + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting (exit " + process.exitValue() + "); see " + log);
            }
            try {
                HttpResponse<Void> health = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (health.statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not start within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no graceful stop; locks, leases and open transactions are left as they were. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
