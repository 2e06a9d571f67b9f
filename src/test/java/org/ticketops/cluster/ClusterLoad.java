package org.ticketops.cluster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cluster driver: sets a center up through the API (staff, a show with three categories, customers, a supplier),
 * sells one-ticket orders, then sends refund and exchange requests spread over the nodes while a follow-up thread
 * does what staff and customers do next (reviews completed over {@code /engine-rest}, exchange differences paid,
 * requests withdrawn); complaints and procurement requests go along, and, when asked, hostile requests are mixed in.
 * It counts what it sent per kind and what was refused; {@link ClusterChecks} then reads the database.
 */
final class ClusterLoad {

    static final String PASSWORD = "Night-Shift-2026!q";
    static final String REQUESTER = "desk-a";
    static final String REVIEWER = "desk-b";
    static final String SELLER = "seller";
    static final String BUYER = "buyer";
    static final String MANAGER = "manager";
    /** Text with SQL, script and template fragments, a NUL-free mix of scripts and a character outside the BMP. */
    static final String HOSTILE_TEXT = "'; DROP TABLE to_complaints; -- <script>alert(1)</script> ${7*7} #{7*7} {{7*7}}"
            + " \" OR 1=1 -- 座位 🎫 𠀀";

    /** What happens to the request made for sale {@code i}: the mix of the run. */
    enum Fate {
        REFUND_PAID("COMPLETED", "REFUNDED"),
        REVIEWED_APPROVED("COMPLETED", "REFUNDED"),
        REVIEWED_REJECTED("REJECTED", "SOLD"),
        EXCHANGE_CUSTOMER_PAYS("COMPLETED", "EXCHANGED"),
        EXCHANGE_PAID_BACK("COMPLETED", "EXCHANGED"),
        WITHDRAWN("WITHDRAWN", "SOLD");

        final String status;
        final String ticketStatus;

        Fate(String status, String ticketStatus) {
            this.status = status;
            this.ticketStatus = ticketStatus;
        }

        static Fate of(int i) {
            return switch (i % 10) {
                case 0, 1, 2, 3, 9 -> REFUND_PAID;
                case 4 -> REVIEWED_APPROVED;
                case 5 -> REVIEWED_REJECTED;
                case 6 -> EXCHANGE_CUSTOMER_PAYS;
                case 7 -> EXCHANGE_PAID_BACK;
                default -> WITHDRAWN;
            };
        }

        boolean reviewed() {
            return this == REVIEWED_APPROVED || this == REVIEWED_REJECTED || this == WITHDRAWN;
        }

        boolean exchange() {
            return this == EXCHANGE_CUSTOMER_PAYS || this == EXCHANGE_PAID_BACK;
        }
    }

    record Sale(int index, long customerId, long orderId, long ticketId) {
    }

    /** What the driver registered for a sale. */
    record Request(Sale sale, Fate fate, long id, String processInstanceId) {
    }

    /** Sent, refused and accepted calls per kind. */
    static final class Tally {
        final Map<String, int[]> kinds = new ConcurrentHashMap<>();

        void count(String kind, boolean refused) {
            int[] row = kinds.computeIfAbsent(kind, k -> new int[2]);
            synchronized (row) {
                row[0]++;
                if (refused) {
                    row[1]++;
                }
            }
        }

        int sent(String kind) {
            return kinds.getOrDefault(kind, new int[2])[0];
        }

        int refused(String kind) {
            return kinds.getOrDefault(kind, new int[2])[1];
        }
    }

    final ClusterClient http;
    final JdbcTemplate db;
    final Tally tally = new Tally();
    final Map<Long, Request> requests = new ConcurrentHashMap<>();
    final Map<String, Request> byProcess = new ConcurrentHashMap<>();
    final List<String> complaintTexts = Collections.synchronizedList(new ArrayList<>());
    final List<Long> procurementIds = Collections.synchronizedList(new ArrayList<>());
    final Set<Long> withdrawnProcurements = ConcurrentHashMap.newKeySet();
    final AtomicInteger conflictsRetried = new AtomicInteger();
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    long show;
    long secondShow;
    long stalls;
    long premium;
    long upper;
    long supplier;
    long refundFeeVersions;
    /** What becomes of the request for sale i (the run's mix by default; the benchmark pays every refund). */
    java.util.function.IntFunction<Fate> fates = Fate::of;
    /** Whether complaints and procurement requests go along with the refunds. */
    boolean sideCases = true;

    ClusterLoad(ClusterClient http, JdbcTemplate db) {
        this.http = http;
        this.db = db;
    }

    static Map<String, String> passwords() {
        Map<String, String> passwords = new LinkedHashMap<>();
        passwords.put(ClusterNode.ADMIN, ClusterNode.ADMIN_PASSWORD);
        for (String user : List.of(REQUESTER, REVIEWER, SELLER, BUYER, MANAGER)) {
            passwords.put(user, PASSWORD);
        }
        return passwords;
    }

    /** Staff, catalog, {@code customers} customers and a supplier, all through the API as the administrator would. */
    void setUp(int customers, int seats) {
        String admin = ClusterNode.ADMIN;
        Map<String, String> groups = Map.of(REQUESTER, "customer-service", REVIEWER, "customer-service", SELLER, "ticket-sales",
                BUYER, "procurement", MANAGER, "operations-manager");
        groups.forEach((user, group) -> {
            expect(http.json(0, admin, "POST", "/engine-rest/user/create", Map.of("profile", Map.of("id", user, "firstName", user,
                    "lastName", "Clerk", "email", user + "@center.example"), "credentials", Map.of("password", PASSWORD)), null), 204);
            expect(http.send(0, admin, "PUT", "/engine-rest/group/" + group + "/members/" + user, null, null, null), 204);
        });
        long event = expect(http.json(0, MANAGER, "POST", "/api/events", Map.of("name", "Cluster Night " + Instant.now(), "kind",
                "CONCERT", "organizer", "Cluster Orchestra"), null), 201).json().path("id").asLong();
        Instant starts = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        show = expect(http.json(1, MANAGER, "POST", "/api/events/" + event + "/shows", Map.of("venue", "Cluster Hall",
                "startsAt", starts.toString(), "endsAt", starts.plus(2, ChronoUnit.HOURS).toString()), null), 201).json().path("id").asLong();
        // an exchange moves to another show of the event: the second night
        Instant second = starts.plus(1, ChronoUnit.DAYS);
        secondShow = expect(http.json(1, MANAGER, "POST", "/api/events/" + event + "/shows", Map.of("venue", "Cluster Hall",
                "startsAt", second.toString(), "endsAt", second.plus(2, ChronoUnit.HOURS).toString()), null), 201).json().path("id").asLong();
        stalls = category(show, "Stalls", "280.00", seats);
        premium = category(secondShow, "Premium", "480.00", seats / 5 + 10);
        upper = category(secondShow, "Upper", "180.00", seats / 5 + 10);
        StringBuilder csv = new StringBuilder("name,phone,email,memberTier,customerType,birthday,consentToContact\n");
        for (int i = 0; i < customers; i++) {
            csv.append("Cluster Customer ").append(i).append(",,").append(email(i)).append(",NONE,INDIVIDUAL,,yes\n");
        }
        String boundary = "cluster" + System.nanoTime();
        ByteArrayOutputStream form = new ByteArrayOutputStream();
        form.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"customers.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        expect(http.send(0, admin, "POST", "/api/customers/import", form.toByteArray(), "multipart/form-data; boundary=" + boundary,
                null), 201);
        supplier = expect(http.json(0, BUYER, "POST", "/api/suppliers", Map.of("name", "Cluster Tickets Ltd", "licenceNumber",
                "LIC-CLUSTER-" + System.nanoTime() % 100000, "contact", "sales@cluster.example", "qualification", "QUALIFIED",
                "qualifiedUntil", LocalDate.now().plusYears(1).toString(), "approvedFor", List.of(Map.of("eventKind", "CONCERT",
                        "validFrom", LocalDate.now().minusDays(1).toString(), "validUntil", LocalDate.now().plusYears(1).toString()))),
                null), 201).json().path("supplier").path("id").asLong();
        refundFeeVersions = db.queryForObject("SELECT COUNT(*) FROM to_decision_table_versions WHERE table_name = 'refund-fees'",
                Long.class);
    }

    static String email(int i) {
        return "cluster-" + i + "@example.cn";
    }

    private long category(long showId, String name, String price, int capacity) {
        return expect(http.json(0, MANAGER, "POST", "/api/shows/" + showId + "/categories", Map.of("name", name, "type", "STANDARD",
                "price", price, "capacity", capacity), null), 201).json().path("id").asLong();
    }

    /** {@code count} one-ticket orders in the stalls, by {@code clients} sellers spread over the nodes (Idempotency-Keys). */
    List<Sale> sell(int count, int clients) throws Exception {
        Map<String, Long> customers = new ConcurrentHashMap<>();
        db.query("SELECT id, email FROM to_customers WHERE email LIKE 'cluster-%'", row -> {
            customers.put(row.getString(2), row.getLong(1));
        });
        Sale[] sales = new Sale[count];
        parallel(count, clients, i -> {
            long customer = customers.get(email(i));
            var answer = http.json(i, SELLER, "POST", "/api/orders", Map.of("customerId", customer, "channel", "BOX_OFFICE",
                    "lines", List.of(Map.of("categoryId", stalls, "quantity", 1)), "payment", Map.of("method", "CASH")), "order-" + i);
            tally.count("order", answer.status() != 201 && answer.status() != 200);
            if (answer.status() == 201 || answer.status() == 200) {
                JsonNode order = answer.json();
                sales[i] = new Sale(i, customer, order.path("id").asLong(), order.path("tickets").get(0).path("id").asLong());
            } else {
                problems.add("order " + i + ": " + answer);
            }
        });
        return List.of(sales);
    }

    /**
     * One request per sale spread over the nodes by {@code clients} desk clerks; {@code atProgress} is called once
     * for every request sent (with how many were sent), so a test can kill a node mid-run. With {@code hostile},
     * every fifth sale also sends one hostile call. A follow-up thread completes reviews and pays exchanges while
     * the requests go in and until every request has ended (or {@code drainSeconds} pass).
     */
    void requests(List<Sale> sales, int clients, boolean hostile, IntConsumer atProgress, int drainSeconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService followUp = Executors.newSingleThreadExecutor();
        ExecutorService clerks = Executors.newFixedThreadPool(4);
        Future<?> staff = followUp.submit(() -> {
            while (!stop.get()) {
                try {
                    followUp(clerks);
                } catch (RuntimeException | java.util.concurrent.ExecutionException e) {
                    problems.add("follow-up: " + e);
                }
                ClusterClient.sleep(500);
            }
            return null;
        });
        AtomicInteger sent = new AtomicInteger();
        Hostile hostileCalls = new Hostile(this, sales);
        parallel(sales.size(), clients, i -> {
            Sale sale = sales.get(i);
            request(sale);
            if (sideCases && i % 40 == 3) {
                complaint(sale, i % 80 == 3 ? HOSTILE_TEXT + " #" + i : "Seat " + i + " was double-booked at the door", i);
            }
            if (sideCases && i % 100 == 7) {
                procurement(i);
            }
            if (hostile && i % 5 == 2) {
                hostileCalls.send(i);
            }
            atProgress.accept(sent.incrementAndGet());
        });
        long until = System.nanoTime() + drainSeconds * 1_000_000_000L;
        while (open() > 0 && System.nanoTime() < until) {
            ClusterClient.sleep(1000);
        }
        stop.set(true);
        staff.get();
        followUp.shutdown();
        clerks.shutdown();
    }

    /** Requests of this run not yet ended. */
    long open() {
        return db.queryForObject("SELECT COUNT(*) FROM to_cases WHERE case_type = 'REFUND_REQUEST'"
                + " AND status NOT IN ('COMPLETED', 'REJECTED', 'WITHDRAWN', 'EXPIRED')", Long.class);
    }

    private void request(Sale sale) {
        Fate fate = fates.apply(sale.index());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", sale.orderId());
        body.put("ticketIds", List.of(sale.ticketId()));
        body.put("type", fate.exchange() ? "EXCHANGE" : "REFUND");
        body.put("reason", fate.reviewed() ? "TICKET_DEFECT" : "CUSTOMER_CHOICE");
        if (fate.exchange()) {
            body.put("targetCategoryId", fate == Fate.EXCHANGE_CUSTOMER_PAYS ? premium : upper);
        }
        String kind = fate.exchange() ? "exchange request" : "refund request";
        var answer = untilNoConflict(() -> http.json(sale.index(), REQUESTER, "POST", "/api/refund-requests", body,
                "request-" + sale.index()));
        boolean created = answer.status() == 201 || answer.status() == 200;
        tally.count(kind, !created);
        if (!created) {
            problems.add(kind + " " + sale.index() + ": " + answer);
            return;
        }
        JsonNode details = answer.json();
        Request request = new Request(sale, fate, details.path("id").asLong(), details.path("processInstanceId").asText());
        requests.put(request.id(), request);
        byProcess.put(request.processInstanceId(), request);
        if (fate == Fate.WITHDRAWN) {
            var withdrawn = untilNoConflict(() -> http.json(sale.index() + 1, REQUESTER, "POST", "/api/refund-requests/"
                    + request.id() + "/withdraw", Map.of("reason", "The customer found a friend to go with"), null));
            if (withdrawn.status() != 200 && !status(request.id()).equals("WITHDRAWN")) {
                problems.add("withdraw " + request.id() + ": " + withdrawn);
            }
        }
    }

    private String status(long requestId) {
        return http.json(0, REQUESTER, "GET", "/api/refund-requests/" + requestId, null, null).json().path("status").asText();
    }

    /**
     * Reviews waiting are completed by the other clerk (four eyes), and exchanges waiting for the customer are paid,
     * by four staff at once.
     */
    private void followUp(ExecutorService staff) throws Exception {
        List<Future<?>> done = new ArrayList<>();
        var tasks = http.json(1, REVIEWER, "GET", "/engine-rest/task?taskDefinitionKey=reviewRefund&maxResults=200", null, null);
        for (JsonNode task : tasks.json()) {
            Request request = byProcess.get(task.path("processInstanceId").asText());
            if (request != null && request.fate() != Fate.WITHDRAWN) {
                done.add(staff.submit(() -> review(request, task.path("id").asText())));
            }
        }
        var waiting = http.json(0, REQUESTER, "GET", "/api/refund-requests?status=AWAITING_PAYMENT&size=100", null, null).json();
        for (JsonNode item : waiting.path("items")) {
            Request request = requests.get(item.path("id").asLong());
            if (request != null && request.fate() == Fate.EXCHANGE_CUSTOMER_PAYS) {
                done.add(staff.submit(() -> pay(request, item.path("amountDue").asText())));
            }
        }
        for (Future<?> call : done) {
            call.get();
        }
    }

    private void review(Request request, String taskId) {
        Map<String, Object> variables = new LinkedHashMap<>();
        boolean approve = request.fate() == Fate.REVIEWED_APPROVED;
        variables.put("reviewDecision", Map.of("value", approve ? "APPROVE" : "REJECT"));
        if (!approve) {
            variables.put("reviewComment", Map.of("value", "The ticket was scanned at the door: not defective"));
        }
        var done = untilNoConflict(() -> http.json(request.sale().index(), REVIEWER, "POST", "/engine-rest/task/" + taskId
                + "/complete", Map.of("variables", variables), null));
        if (done.status() != 204 && done.status() != 404) {
            problems.add("review of " + request.id() + ": " + done);
        }
    }

    private void pay(Request request, String amountDue) {
        var paid = untilNoConflict(() -> http.json(request.sale().index(), REQUESTER, "POST", "/api/refund-requests/"
                + request.id() + "/payment", Map.of("amount", amountDue, "method", "CASH"), null));
        if (paid.status() != 200 && !status(request.id()).equals("COMPLETED")) {
            problems.add("payment of " + request.id() + ": " + paid);
        }
    }

    /** A complaint; its text comes back byte for byte. */
    private void complaint(Sale sale, String text, int i) {
        Long id = created("complaint", i, untilNoConflict(() -> http.json(i, REQUESTER, "POST", "/api/complaints",
                Map.of("customerId", sale.customerId(), "orderId", sale.orderId(), "showId", show, "channel", "PHONE",
                        "category", "OTHER", "severity", "LOW", "description", text), "complaint-" + i)),
                created -> created.path("complaint").path("id").asLong());
        if (id == null) {
            return;
        }
        complaintTexts.add(text);
        String back = http.json(i, REQUESTER, "GET", "/api/complaints/" + id, null, null).json().path("complaint")
                .path("description").asText();
        if (!back.equals(text)) {
            problems.add("complaint " + id + " came back as " + back);
        }
    }

    /** A procurement request; every other one is withdrawn by its buyer. */
    private void procurement(int i) {
        String justification = "Cluster run: more stalls for the second night, batch " + i;
        Long id = created("procurement request", i, untilNoConflict(() -> http.json(i, BUYER, "POST",
                "/api/procurement-requests", Map.of("supplierId", supplier, "showId", show, "categoryId", stalls,
                        "quantity", 20, "unitCost", "150.00", "plannedSalePrice", "280.00", "justification", justification),
                "procurement-" + i)), created -> created.path("request").path("id").asLong());
        if (id == null) {
            return;
        }
        procurementIds.add(id);
        if ((i / 100) % 2 == 0) {
            var withdrawn = http.json(i + 1, BUYER, "POST", "/api/procurement-requests/" + id + "/withdraw", null, null);
            if (withdrawn.status() == 200) {
                withdrawnProcurements.add(id);
            } else {
                problems.add("withdraw procurement " + id + ": " + withdrawn);
            }
        }
    }

    /**
     * What a create call answered: the id of what it created (a retry with the same Idempotency-Key, failed over or after
     * a 409, answers the first), or null when it was refused (counted, and listed as a problem).
     */
    private Long created(String kind, int i, ClusterClient.Answer answer, java.util.function.ToLongFunction<JsonNode> idOf) {
        tally.count(kind, answer.status() != 201);
        if (answer.status() != 201) {
            problems.add(kind + " " + i + ": " + answer);
            return null;
        }
        return idOf.applyAsLong(answer.json());
    }

    /**
     * A 409 CONCURRENT_CHANGE says another change held the same data at that moment and nothing was changed: the
     * client tries again, as the problem detail tells it to (counted in {@link #conflictsRetried}).
     */
    ClusterClient.Answer untilNoConflict(java.util.function.Supplier<ClusterClient.Answer> call) {
        ClusterClient.Answer answer = call.get();
        for (int attempt = 1; attempt < 10 && answer.status() == 409 && answer.body().contains("\"CONCURRENT_CHANGE\""); attempt++) {
            conflictsRetried.incrementAndGet();
            ClusterClient.sleep(100L * attempt);
            answer = call.get();
        }
        return answer;
    }

    /** Runs {@code work} for 0..count-1 on {@code threads} threads; rethrows the first failure. */
    static void parallel(int count, int threads, IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    work.accept(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static ClusterClient.Answer expect(ClusterClient.Answer answer, int status) {
        if (answer.status() != status) {
            throw new IllegalStateException("expected " + status + ", got " + answer);
        }
        return answer;
    }
}
