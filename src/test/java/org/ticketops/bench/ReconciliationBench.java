package org.ticketops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.TicketOpsApplication;

/**
 * A day of {@code bench.lines} provider payments (default 100,000) reconciled against a settlement file of as many
 * lines, with a few hundred mismatches of every kind planted, on the running application (H2 by default; pass
 * {@code --spring.profiles.active=mysql ...} in {@code bench.args}). Each run uploads the file over
 * {@code POST /api/settlements}, starts the day over {@code POST /api/reconciliation/days} and waits until the job
 * executor has matched it; prints the upload, the matching and the total. Three runs, each on a day of its own.
 * Target: under 30 s from upload to mismatches. Run: {@code mvn -Pbench-reconcile verify}.
 */
public final class ReconciliationBench {

    private ReconciliationBench() {
    }

    public static void main(String[] args) throws Exception {
        int lines = Integer.getInteger("bench.lines", 100_000);
        List<String> appArgs = new ArrayList<>(List.of(args));
        appArgs.addAll(List.of("--server.port=0", "--logging.level.root=WARN", "--ticketops.admin.user=bench",
                "--ticketops.admin.password=Tick3t-Ops!Strong", "--ticketops.reconciliation.schedule=-",
                "--ticketops.demo.enabled=false", "--ticketops.payments.provider=none"));
        ConfigurableApplicationContext app = SpringApplication.run(TicketOpsApplication.class, appArgs.toArray(String[]::new));
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            jdbc.update("INSERT INTO ACT_ID_MEMBERSHIP (USER_ID_, GROUP_ID_) SELECT 'bench', 'finance' FROM (SELECT 1 AS x) t"
                    + " WHERE NOT EXISTS (SELECT 1 FROM ACT_ID_MEMBERSHIP WHERE USER_ID_ = 'bench' AND GROUP_ID_ = 'finance')");
            String auth = "Basic " + Base64.getEncoder().encodeToString("bench:Tick3t-Ops!Strong".getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newHttpClient();
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            List<Double> totals = new ArrayList<>();
            for (int run = 1; run <= 3; run++) {
                LocalDate day = LocalDate.of(2001, 1, 1).plusDays(Math.floorMod(UUID.randomUUID().hashCode(), 5000));
                String tag = UUID.randomUUID().toString().substring(0, 6);
                long t0 = System.nanoTime();
                Timestamp at = Timestamp.from(day.atTime(12, 0).atZone(zone).toInstant());
                List<Object[]> rows = new ArrayList<>(lines);
                for (int i = 0; i < lines; i++) {
                    String amount = (10 + i % 990) + ".00";
                    rows.add(new Object[]{i % 20 == 0 ? "OUT" : "IN", amount, "B-" + tag + "-" + i, "bench-" + tag + "-" + i, at});
                }
                jdbc.batchUpdate("INSERT INTO to_payments (order_id, direction, amount, method, purpose, reference, external_reference,"
                        + " idempotency_key, created_at) VALUES (NULL, ?, ?, 'CARD', 'ORDER', NULL, ?, ?, ?)", rows);
                double seeded = (System.nanoTime() - t0) / 1e9;
                StringBuilder csv = new StringBuilder(lines * 40).append("reference,amount,fee,value_date\n");
                for (int i = 0; i < lines; i++) {
                    if (i % 1000 == 1) {
                        continue; // order but no money
                    }
                    long cents = (10 + i % 990) * 100L * (i % 20 == 0 ? -1 : 1) + (i % 1000 == 2 ? 1 : 0); // amount differs
                    csv.append("B-").append(tag).append('-').append(i).append(',').append(cents / 100).append('.')
                            .append(String.format(Locale.ROOT, "%02d", Math.abs(cents % 100))).append(",0.30,").append(day).append('\n');
                    if (i % 1000 == 3) {
                        csv.append("B-").append(tag).append('-').append(i).append(',').append(cents / 100).append(".00,0.30,")
                                .append(day).append('\n'); // duplicate
                    }
                }
                for (int i = 0; i < lines / 1000; i++) {
                    csv.append("X-").append(tag).append('-').append(i).append(",55.00,0.20,").append(day).append('\n'); // no order
                }
                byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
                long t1 = System.nanoTime();
                HttpResponse<String> upload = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/settlements?name=bench-" + tag + ".csv")).header("Authorization", auth)
                        .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofByteArray(file)).build(),
                        HttpResponse.BodyHandlers.ofString());
                double uploaded = (System.nanoTime() - t1) / 1e9;
                check(upload, 201);
                HttpResponse<String> start = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                + "/api/reconciliation/days")).header("Authorization", auth).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"day\":\"" + day + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                check(start, 201);
                Integer mismatches = null;
                while (mismatches == null) {
                    Thread.sleep(50);
                    mismatches = jdbc.queryForObject("SELECT mismatch_count FROM to_reconciliation_days WHERE business_day = ?",
                            Integer.class, java.sql.Date.valueOf(day));
                }
                double total = (System.nanoTime() - t1) / 1e9;
                totals.add(total);
                System.out.printf(Locale.ROOT, "run %d: %,d payments (seeded in %.1f s), file of %,d bytes uploaded and checked in %.2f s,"
                        + " matched with %,d mismatches: %.2f s from upload to mismatches%n", run, lines, seeded, file.length, uploaded,
                        mismatches, total);
            }
            totals.sort(null);
            System.out.printf(Locale.ROOT, "reconciliation of %,d lines: median %.2f s, best %.2f s, worst %.2f s (target: under 30 s)%n",
                    lines, totals.get(1), totals.get(0), totals.get(2));
        } finally {
            app.close();
        }
    }

    private static void check(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Refused: " + response.statusCode() + " "
                    + response.body().substring(0, Math.min(400, response.body().length())));
        }
    }
}
