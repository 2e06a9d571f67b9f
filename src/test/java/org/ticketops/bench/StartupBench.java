package org.ticketops.bench;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Start-up and memory of the packaged application: {@code java -jar target/ticketops-*.jar} on H2 with demo data,
 * timed from the process's start until its first request is served ({@code /actuator/health} answers 200), then
 * 10,000 requests (shows, orders, customers, refund requests, the monitor) and the process's resident memory and heap
 * after them. Three runs. Run: {@code mvn -Pbench-startup verify} (packages the jar first).
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("ticketops-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no target/ticketops-*.jar: package first"));
        }
        int requests = Integer.getInteger("bench.requests", 10_000);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (int run = 1; run <= 3; run++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path log = Files.createTempFile("ticketops-start", ".log");
            List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator
                    + "java", "-Xmx" + System.getProperty("bench.heap", "1g"), "-jar", jar.toString(), "--server.port=" + port,
                    "--spring.datasource.url=jdbc:h2:mem:startup" + run));
            long t0 = System.nanoTime();
            Process app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                String base = "http://localhost:" + port;
                double started = -1;
                while (started < 0) {
                    if (!app.isAlive()) {
                        throw new IllegalStateException("the application stopped; see " + log);
                    }
                    try {
                        HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                        if (health.statusCode() == 200) {
                            started = (System.nanoTime() - t0) / 1e9;
                        }
                    } catch (java.io.IOException notYet) {
                        Thread.sleep(50);
                    }
                }
                String[] paths = {"/api/shows", "/api/orders?page=0&size=20", "/api/customers?q=a", "/api/refund-requests",
                        "/api/monitor/overview", "/api/complaints"};
                String[] users = {"sam", "sam", "amy", "amy", "olivia", "carl"};
                long t1 = System.nanoTime();
                int failed = 0;
                for (int i = 0; i < requests; i++) {
                    int k = i % paths.length;
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + paths[k]))
                            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((users[k] + ":" + users[k])
                                    .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() >= 400) {
                        failed++;
                    }
                }
                double served = (System.nanoTime() - t1) / 1e9;
                long rssKb = Files.readAllLines(Path.of("/proc/" + app.pid() + "/status")).stream()
                        .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(-1L);
                System.out.printf(Locale.ROOT, "run %d: first request served %.2f s after java -jar; %,d requests in %.1f s (%,.0f/s, %d"
                        + " answered 4xx/5xx); resident memory after them %,d MB%n", run, started, requests, served,
                        requests / served, failed, rssKb / 1024);
            } finally {
                app.destroy();
                app.waitFor();
                Files.deleteIfExists(log);
            }
        }
    }
}
