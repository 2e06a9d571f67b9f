package org.ticketops.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.ticketops.TicketOpsApplication;

/**
 * Imports {@code bench.rows} customers (default 10,000) from one CSV file through {@code POST /api/customers/import}
 * on the running application (H2 by default; pass {@code --spring.profiles.active=mysql ...} in {@code bench.args}),
 * five times with fresh rows, and prints each run's time and rows per second. Target: 10,000 rows under 10 s.
 * Run: {@code mvn -Pbench-import verify}.
 */
public final class CustomerImportBench {

    private CustomerImportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rows = Integer.getInteger("bench.rows", 10_000);
        List<String> appArgs = new ArrayList<>(List.of(args));
        appArgs.addAll(List.of("--server.port=0", "--logging.level.root=WARN", "--ticketops.admin.user=bench",
                "--ticketops.admin.password=Tick3t-Ops!Strong", "--spring.servlet.multipart.max-file-size=50MB",
                "--spring.servlet.multipart.max-request-size=50MB"));
        ConfigurableApplicationContext app = SpringApplication.run(TicketOpsApplication.class, appArgs.toArray(String[]::new));
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String auth = "Basic " + Base64.getEncoder().encodeToString("bench:Tick3t-Ops!Strong".getBytes(StandardCharsets.UTF_8));
            HttpClient http = HttpClient.newHttpClient();
            List<Double> seconds = new ArrayList<>();
            for (int run = 1; run <= 5; run++) {
                byte[] body = multipart(csv(rows, run));
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/customers/import"))
                        .header("Authorization", auth).header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                long t0 = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                double s = (System.nanoTime() - t0) / 1e9;
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("Import refused: " + response.statusCode() + " "
                            + response.body().substring(0, Math.min(400, response.body().length())));
                }
                seconds.add(s);
                System.out.printf(Locale.ROOT, "run %d: %,d rows imported in %.2f s (%,.0f rows/s)%n", run, rows, s, rows / s);
            }
            seconds.sort(null);
            System.out.printf(Locale.ROOT, "customer import of %,d rows: median %.2f s, best %.2f s, worst %.2f s (target: under 10 s)%n",
                    rows, seconds.get(2), seconds.get(0), seconds.get(4));
        } finally {
            app.close();
        }
    }

    private static final String BOUNDARY = "ticketops-bench-" + UUID.randomUUID();

    private static String csv(int rows, int run) {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        StringBuilder csv = new StringBuilder("name,phone,email,memberTier,customerType,birthday,consentToContact\n");
        String[] tiers = {"NONE", "SILVER", "GOLD", "PLATINUM"};
        for (int i = 0; i < rows; i++) {
            long mobile = 13_000_000_000L + (System.currentTimeMillis() / 1000 % 50) * 10_000_000L + run * 1_000_000L + i;
            csv.append("Customer ").append(tag).append(' ').append(i).append(",+86").append(mobile).append(",c")
                    .append(i).append('.').append(tag).append("@example.cn,").append(tiers[i % 4])
                    .append(",INDIVIDUAL,19").append(50 + i % 50).append("-0").append(1 + i % 9).append("-1").append(i % 9)
                    .append(',').append(i % 2 == 0 ? "yes" : "no").append('\n');
        }
        return csv.toString();
    }

    private static byte[] multipart(String csv) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"customers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + BOUNDARY + "--\r\n";
        byte[] a = head.getBytes(StandardCharsets.UTF_8);
        byte[] b = csv.getBytes(StandardCharsets.UTF_8);
        byte[] c = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + b.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        System.arraycopy(c, 0, all, a.length + b.length, c.length);
        return all;
    }
}
