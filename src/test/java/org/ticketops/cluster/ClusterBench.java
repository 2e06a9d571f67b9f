package org.ticketops.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * Two nodes against one: completed refunds per second on MySQL/MariaDB with one TicketOps node and with two on the same
 * database. Each run gets a fresh database, a show and {@code bench.refunds} one-ticket orders (not timed); then
 * {@code bench.clients} desk clients send one refund per order (no review, paid by the asynchronous payment step),
 * spread over the nodes, and the run's figure is the refunds completed over the time from the first call until the
 * last refund ended. Run: {@code TICKETOPS_TEST_MYSQL_URL=jdbc:mysql://... mvn -Pbench-cluster verify}.
 */
public final class ClusterBench {

    private ClusterBench() {
    }

    public static void main(String[] args) throws Exception {
        String url = System.getProperty("bench.url", System.getenv("TICKETOPS_TEST_MYSQL_URL"));
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("set TICKETOPS_TEST_MYSQL_URL (or -Dbench.url) to a jdbc:mysql:// URL of a database");
        }
        int refunds = Integer.getInteger("bench.refunds", 2000);
        int clients = Integer.getInteger("bench.clients", 8);
        System.out.printf(Locale.ROOT, "%d refunds, %d clients, %d cores, on %s%n", refunds, clients,
                Runtime.getRuntime().availableProcessors(), url.replaceAll("\\?.*", ""));
        double one = run(url, 1, refunds, clients);
        double two = run(url, 2, refunds, clients);
        System.out.printf(Locale.ROOT, "two nodes against one: %.2f×%n", two / one);
    }

    private static double run(String suiteUrl, int nodes, int refunds, int clients) throws Exception {
        ClusterDatabase database = ClusterDatabase.fresh(suiteUrl, "bench" + nodes);
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path logs = Files.createDirectories(Path.of("target", "cluster-bench"));
        List<ClusterNode> cluster = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                ClusterNode node = new ClusterNode("bench-" + nodes + "-" + (char) ('a' + n), database.url(), mail.getSmtp().getPort(),
                        logs, List.of());
                node.start().awaitUp(Duration.ofMinutes(4));
                cluster.add(node);
            }
            ClusterLoad load = new ClusterLoad(new ClusterClient(cluster, ClusterLoad.passwords()), database.jdbc());
            load.fates = i -> ClusterLoad.Fate.REFUND_PAID;
            load.sideCases = false;
            load.setUp(refunds, refunds + 100);
            List<ClusterLoad.Sale> sales = load.sell(refunds, clients);
            long t0 = System.nanoTime();
            load.requests(sales, clients, false, sent -> { }, 900);
            double wall = (System.nanoTime() - t0) / 1e9;
            Double last = database.jdbc().queryForObject("""
                    SELECT TIMESTAMPDIFF(MICROSECOND, MIN(r.requested_at), MAX(c.closed_at)) / 1e6
                    FROM to_refund_requests r JOIN to_cases c ON c.id = r.case_id WHERE c.status = 'COMPLETED'""", Double.class);
            long completed = database.jdbc().queryForObject("SELECT COUNT(*) FROM to_cases WHERE case_type = 'REFUND_REQUEST'"
                    + " AND status = 'COMPLETED'", Long.class);
            double seconds = last == null || last <= 0 ? wall : last;
            System.out.printf(Locale.ROOT, "%d node%s: %d of %d refunds completed in %.1f s: %.1f refunds/s (%d driver problems)%n",
                    nodes, nodes == 1 ? "" : "s", completed, refunds, seconds, completed / seconds, load.problems.size());
            return completed / seconds;
        } finally {
            for (ClusterNode node : cluster) {
                node.stop();
            }
            mail.stop();
            database.drop();
        }
    }
}
