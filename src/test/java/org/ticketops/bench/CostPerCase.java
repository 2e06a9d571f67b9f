package org.ticketops.bench;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.HdrHistogram.Recorder;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.ticketops.TicketOpsApplication;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.EventKind;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.customer.CustomerType;
import org.ticketops.customer.MemberTier;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.OrderLine;
import org.ticketops.sales.SalesChannel;
import org.ticketops.sales.SalesService;

/**
 * What a refund case costs beside the bare engine, in one run on one database: a bare process (six no-op
 * service tasks and one asynchronous step) started over the engine's REST API, then the refund no-review
 * path over TicketOps' REST API, once with every ticket in one category and once spread over many. Each
 * run has N clients for D seconds; then the job executor drains the asynchronous steps, and the run's
 * throughput is the instances it started that ended, over the time until the last of them ended; with
 * the p50/p99 latency of the start calls. Prints the figures and the
 * ratio of each refund run to the bare engine.
 * <p>
 * Run: {@code mvn -Pbench-cases verify} (H2), or with {@code -Dbench.args="--spring.profiles.active=mysql
 * --spring.datasource.url=..."} on MySQL/MariaDB. {@code -Dbench.seconds=60 -Dbench.clients=8} by default.
 */
public final class CostPerCase {

    private CostPerCase() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = Integer.getInteger("bench.seconds", 60);
        int clients = Integer.getInteger("bench.clients", 8);
        List<String> appArgs = new ArrayList<>(List.of(args));
        appArgs.addAll(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=true",
                "--ticketops.notifications.sender-enabled=false", "--logging.level.root=WARN",
                "--logging.level.org.ticketops=WARN", "--ticketops.admin.user=bench", "--ticketops.admin.password=Tick3t-Ops!Strong",
                "--spring.datasource.hikari.maximum-pool-size=30"));
        ConfigurableApplicationContext app = SpringApplication.run(TicketOpsApplication.class, appArgs.toArray(String[]::new));
        try {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://localhost:" + port;
            String auth = "Basic " + Base64.getEncoder().encodeToString("bench:Tick3t-Ops!Strong".getBytes(StandardCharsets.UTF_8));
            app.getBean(RepositoryService.class).createDeployment().name("bench").addModelInstance("bare-engine.bpmn", bare())
                    .deploy();
            HistoryService history = app.getBean(HistoryService.class);

            // enough one-ticket orders that no client runs out within the window (a client that does stops, and the
            // run says so): a reused ticket would only measure the refusal
            int expected = Math.max(200, seconds * clients * 50);
            Run bareRun = run("bare engine (6 no-op tasks + 1 async step, engine REST)", clients, seconds, history,
                    "bareEngine", i -> HttpRequest.newBuilder(URI.create(base + "/engine-rest/process-definition/key/bareEngine/start"))
                            .header("Authorization", auth).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            System.out.println(bareRun);

            List<long[]> oneCategory = orders(app, expected, 1);
            Run hot = run("refund no-review path, all tickets in one category (TicketOps REST)", clients, seconds, history,
                    "refundExchange", i -> i < oneCategory.size() ? refund(base, auth, oneCategory.get(i)) : null);
            System.out.println(hot);
            List<long[]> spread = orders(app, expected, 200);
            Run spreadRun = run("refund no-review path, tickets spread over 200 categories (TicketOps REST)", clients, seconds,
                    history, "refundExchange", i -> i < spread.size() ? refund(base, auth, spread.get(i)) : null);
            System.out.println(spreadRun);
            System.out.printf(Locale.ROOT, "ratio to the bare engine: one category %.3f, spread %.3f%n",
                    hot.completedPerSecond() / bareRun.completedPerSecond(),
                    spreadRun.completedPerSecond() / bareRun.completedPerSecond());
            double mass = massRefund(app, base, auth, history, Integer.getInteger("bench.cancelled", 2000));
            System.out.printf(Locale.ROOT, "mass refund ratio to the bare engine: %.3f%n", mass / bareRun.completedPerSecond());
        } finally {
            app.close();
        }
    }

    /**
     * A cancelled show's mass refund: {@code orders} paid one-ticket orders, the show cancelled over the API, and the
     * time until every refund request the cancellation started has ended. Returns refunds ended per second.
     */
    private static double massRefund(ConfigurableApplicationContext app, String base, String auth, HistoryService history,
                                     int orders) throws Exception {
        List<long[]> paid = orders(app, orders, 4);
        long showId = app.getBean(SalesService.class).order(paid.get(0)[0]).showId();
        Date from = new Date();
        HttpResponse<String> cancelled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/shows/" + showId))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"CANCELLED\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (cancelled.statusCode() != 200) {
            throw new IllegalStateException("Cancelling refused: " + cancelled.statusCode() + " " + cancelled.body());
        }
        long deadline = System.currentTimeMillis() + 600_000;
        long ended = 0;
        while (System.currentTimeMillis() < deadline) {
            long started = history.createHistoricProcessInstanceQuery().processDefinitionKey("refundExchange")
                    .startedAfter(new Date(from.getTime() - 1)).count();
            ended = history.createHistoricProcessInstanceQuery().processDefinitionKey("refundExchange").finished()
                    .startedAfter(new Date(from.getTime() - 1)).count();
            if (started >= orders && ended >= started) {
                break;
            }
            Thread.sleep(500);
        }
        var last = history.createHistoricProcessInstanceQuery().processDefinitionKey("refundExchange").finished()
                .startedAfter(new Date(from.getTime() - 1)).orderByProcessInstanceEndTime().desc().listPage(0, 1);
        double seconds = last.isEmpty() ? 1 : (last.get(0).getEndTime().getTime() - from.getTime()) / 1000.0;
        System.out.printf(Locale.ROOT, "mass refund of a cancelled show: %,d paid orders, %,d refunds ended in %.1f s"
                + " (%.1f refunds/s)%n", orders, ended, seconds, ended / seconds);
        return ended / seconds;
    }

    record Run(String name, int started, int failed, long completed, long withinWindow, double seconds, double p50Ms,
               double p99Ms) {
        double completedPerSecond() {
            return completed / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %.1f completed/s (%d of %d started ended after %.0f s, %d of them within"
                    + " the load window; %d refused), start call p50 %.1f ms, p99 %.1f ms", name, completedPerSecond(),
                    completed, started, seconds, withinWindow, failed, p50Ms, p99Ms);
        }
    }

    private static Run run(String name, int clients, int seconds, HistoryService history, String processKey,
                           IntFunction<HttpRequest> request) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Recorder latencies = new Recorder(3);
        ConcurrentLinkedQueue<Integer> failures = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean ranOut = new java.util.concurrent.atomic.AtomicBoolean();
        Date from = new Date();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    int i = next.getAndIncrement();
                    HttpRequest call = request.apply(i);
                    if (call == null) {
                        ranOut.set(true);
                        break;
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(call, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() >= 300) {
                            failures.add(response.statusCode());
                        }
                    } catch (Exception e) {
                        failures.add(-1);
                    }
                    latencies.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        Date to = new Date();
        // the run is over when every instance it started has ended (the job executor drains the asynchronous
        // steps), or after twice its duration; its throughput is what ended over the time until the last end
        long total = history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey)
                .startedAfter(new Date(from.getTime() - 1)).startedBefore(to).count();
        long drainUntil = System.currentTimeMillis() + Math.max(60_000, 2_000L * seconds);
        long completed;
        while ((completed = finished(history, processKey, from, to).count()) < total && System.currentTimeMillis() < drainUntil) {
            Thread.sleep(500);
        }
        var last = finished(history, processKey, from, to).orderByProcessInstanceEndTime().desc().listPage(0, 1);
        double span = last.isEmpty() ? seconds : (last.get(0).getEndTime().getTime() - from.getTime()) / 1000.0;
        long withinWindow = finished(history, processKey, from, to).finishedBefore(to).count();
        var histogram = latencies.getIntervalHistogram();
        if (ranOut.get()) {
            System.out.println("  (the clients ran out of prepared orders before the window ended)");
        }
        return new Run(name, (int) total, failures.size(), completed, withinWindow, span,
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(99) / 1000.0);
    }

    private static org.camunda.bpm.engine.history.HistoricProcessInstanceQuery finished(HistoryService history,
                                                                                       String processKey, Date from, Date to) {
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).finished()
                .startedAfter(new Date(from.getTime() - 1)).startedBefore(to);
    }

    private static HttpRequest refund(String base, String auth, long[] order) {
        String body = "{\"orderId\":" + order[0] + ",\"ticketIds\":[" + order[1] + "],\"type\":\"REFUND\","
                + "\"reason\":\"CUSTOMER_CHOICE\"}";
        return HttpRequest.newBuilder(URI.create(base + "/api/refund-requests")).header("Authorization", auth)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** {orderId, ticketId} of {@code count} one-ticket orders, 30 days ahead, over {@code categories} categories. */
    private static List<long[]> orders(ConfigurableApplicationContext app, int count, int categories) {
        CatalogService catalog = app.getBean(CatalogService.class);
        CustomerService customers = app.getBean(CustomerService.class);
        SalesService sales = app.getBean(SalesService.class);
        var event = catalog.createEvent("Bench " + Instant.now(), EventKind.CONCERT);
        Show show = catalog.createShow(event.id(), "Bench hall", Instant.now().plus(Duration.ofDays(30)));
        List<TicketCategory> cats = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            cats.add(catalog.createCategory(show.id(), "Bench " + c, TicketType.STANDARD, new BigDecimal("300.00"),
                    count / categories + 10));
        }
        List<long[]> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Customer customer = customers.register("Bench customer " + i, null, "bench" + categories + "-" + i + "@example.cn", MemberTier.GOLD,
                    null, CustomerType.INDIVIDUAL);
            OrderDetails order = sales.placeOrder(customer.id(), show.id(), SalesChannel.WEB,
                    List.of(new OrderLine(cats.get(i % categories).id(), 1)), "CARD", null);
            orders.add(new long[]{order.order().id(), order.tickets().get(0).id()});
        }
        return orders;
    }

    /** Six no-op service tasks and one asynchronous step, the shape of the refund no-review path. */
    private static BpmnModelInstance bare() {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("bareEngine").camundaHistoryTimeToLive(1)
                .startEvent();
        for (int i = 1; i <= 6; i++) {
            flow = flow.serviceTask("step" + i).camundaExpression("${true}");
            if (i == 4) {
                flow = ((org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder) flow).camundaAsyncBefore();
            }
        }
        return flow.endEvent().done();
    }
}
