package org.ticketops.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ticketops.support.MySqlAvailable;

/**
 * Two TicketOps nodes (two JVMs, two ports, job executors and notification senders on both) on one MariaDB/MySQL
 * database. The driver sells 2,000 one-ticket orders, then sends 2,000 refund and exchange requests spread over both
 * nodes (reviews completed over {@code /engine-rest}, refunds paid by the asynchronous payment step, exchange
 * differences paid by the customer, requests withdrawn), with complaints, procurement requests and hostile calls mixed
 * in; when 40% of the requests are in, node B is killed with SIGKILL and started again. Afterwards every promise is
 * read back from the database: see {@link ClusterChecks}. Runs in the MySQL suite ({@code bash .ci/run}) on a database
 * of its own next to the suite's; {@code -Dcluster.requests=N} changes the size.
 */
@Tag("mysql")
@ExtendWith(MySqlAvailable.class)
class ClusterCrashTest {

    private static final int REQUESTS = Integer.getInteger("cluster.requests", 2000);
    private static final int CLIENTS = 8;

    @Test
    void twoNodesLoseNothingAndDoNothingTwiceWhenOneIsKilledMidRun() throws Exception {
        ClusterDatabase database = ClusterDatabase.fresh("cluster");
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        Path logs = Files.createDirectories(Path.of("target", "cluster"));
        ClusterNode a = new ClusterNode("node-a", database.url(), mail.getSmtp().getPort(), logs, List.of());
        ClusterNode b = new ClusterNode("node-b", database.url(), mail.getSmtp().getPort(), logs, List.of());
        ExecutorService killer = Executors.newSingleThreadExecutor();
        boolean passed = false;
        try {
            // one after the other, as a rolling start: the first creates the schema
            double upA = a.start().awaitUp(Duration.ofMinutes(4));
            double upB = b.start().awaitUp(Duration.ofMinutes(4));
            ClusterLoad load = new ClusterLoad(new ClusterClient(List.of(a, b), ClusterLoad.passwords()), database.jdbc());
            long t0 = System.nanoTime();
            load.setUp(REQUESTS, REQUESTS + 100);
            List<ClusterLoad.Sale> sales = load.sell(REQUESTS, CLIENTS);
            double sold = (System.nanoTime() - t0) / 1e9;

            AtomicBoolean killed = new AtomicBoolean();
            String[] deadOwner = new String[1];
            long[] lockedAtKill = new long[1];
            Future<?>[] restart = new Future<?>[1];
            long t1 = System.nanoTime();
            load.requests(sales, CLIENTS, true, sent -> {
                if (sent >= REQUESTS * 2 / 5 && killed.compareAndSet(false, true)) {
                    restart[0] = killer.submit(() -> {
                        deadOwner[0] = "node-b/" + b.pid() + "-";
                        lockedAtKill[0] = database.jdbc().queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ LIKE ?",
                                Long.class, deadOwner[0] + "%");
                        b.kill();
                        ClusterClient.sleep(3000);
                        b.start();
                        return b.awaitUp(Duration.ofMinutes(4));
                    });
                }
            }, 600);
            double requested = (System.nanoTime() - t1) / 1e9;
            assertThat(restart[0]).as("node B was killed").isNotNull();
            double restartedIn = (Double) restart[0].get();
            // what is left: mail the senders still hold a lease on, jobs a dead lock still holds
            long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (System.nanoTime() < until && (load.open() > 0 || pending(database) > 0)) {
                ClusterClient.sleep(1000);
            }

            ClusterChecks checks = new ClusterChecks(load);
            checks.requests(sales);
            checks.seats();
            checks.notifications(mail);
            checks.engine(deadOwner[0]);
            checks.otherCases();
            String table = checks.table(sales);
            System.out.printf(Locale.ROOT, "%nCluster run on %s: node A up in %.1f s, node B in %.1f s; %d orders sold in %.1f s;"
                    + " %d requests sent and ended in %.1f s; node B killed (SIGKILL) after %d requests with %d jobs locked,"
                    + " back in %.1f s; %d calls failed over, %d calls tried again after 409 CONCURRENT_CHANGE;"
                    + " %d e-mails sent again after the kill (same Message-ID)%n%s", database.name(), upA, upB, sales.size(), sold,
                    load.requests.size(), requested, REQUESTS * 2 / 5, lockedAtKill[0], restartedIn, load.http.failovers.get(),
                    load.conflictsRetried.get(), checks.sentAgain, table);
            List<String> failures = new java.util.ArrayList<>(load.problems);
            failures.addAll(checks.findings());
            assertThat(failures).as("what the driver met, then what the database says").isEmpty();
            passed = true;
        } finally {
            killer.shutdownNow();
            a.stop();
            b.stop();
            mail.stop();
            if (passed) {
                database.drop();
            } else {
                System.out.println("Cluster database " + database.name() + " kept for a look; node logs in " + logs.toAbsolutePath());
            }
        }
    }

    private static long pending(ClusterDatabase database) {
        return database.jdbc().queryForObject("SELECT (SELECT COUNT(*) FROM to_notifications WHERE status = 'PENDING')"
                + " + (SELECT COUNT(*) FROM ACT_RU_JOB WHERE DUEDATE_ IS NULL OR DUEDATE_ < UTC_TIMESTAMP(3))", Long.class);
    }
}
