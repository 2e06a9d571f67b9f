package org.ticketops.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.identity.FourEyesViolation;
import org.ticketops.notification.NotificationOutbox;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.PaymentDirection;
import org.ticketops.sales.Sale;
import org.ticketops.sales.SalesChannel;
import org.ticketops.sales.SalesService;
import org.ticketops.support.Api;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.ProcessPaths;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.InvalidField;

/**
 * Every path of processes/daily-reconciliation.bpmn with a planted settlement file holding each kind of mismatch:
 * the file checked whole (bad lines named, nothing kept) and taken once, the matching, every mismatch resolved (a
 * write-off posted), four-eyes at sign-off, a correction to the closed day posted to today, the risk warning raised
 * and acknowledged, a day that matches at once, the inbox; and the day's revenue report against hand-computed figures.
 */
@TicketOpsTest
class ReconciliationProcessTest {

    private static final ProcessPaths PATHS = new ProcessPaths(ReconciliationCase.PROCESS_KEY);
    private static final ZoneId CENTER = ZoneId.of("Asia/Shanghai");
    private static ProcessEngine processEngine;

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    Reconciliations reconciliations;
    @Autowired
    RevenueReports reports;
    @Autowired
    RiskWarnings warnings;
    @Autowired
    FinancePostings postings;
    @Autowired
    SalesService sales;
    @Autowired
    TestData data;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    Engine jobs;
    @Autowired
    TestRestTemplate rest;
    private final List<String> started = new ArrayList<>();

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        processEngine = engine;
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
        PATHS.collect(engine, started);
    }

    @Test
    void aDayWithEveryKindOfMismatchIsResolvedSignedOffAndReported() {
        Api api = new Api(rest);
        LocalDate day = freeDay();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Show showA = data.show(data.event(), Duration.ofDays(40));
        Show showB = data.show(data.event(), Duration.ofDays(40));
        TicketCategory a = data.category(showA, TicketType.STANDARD, "480.00", 100);
        TicketCategory b = data.category(showB, TicketType.VIP, "1000.00", 100);
        Instant at = day.atTime(10, 0).atZone(CENTER).toInstant();
        OrderDetails o1 = sell(showA, a, 2, SalesChannel.WEB, at);
        OrderDetails o2 = sell(showA, a, 1, SalesChannel.BOX_OFFICE, at.plusSeconds(60));
        OrderDetails o3 = sell(showB, b, 1, SalesChannel.APP, at.plusSeconds(120));
        pay(o1, PaymentDirection.IN, "960.00", "EXT-a-" + tag, at);
        pay(o2, PaymentDirection.IN, "480.00", "EXT-b-" + tag, at);
        pay(o3, PaymentDirection.IN, "1000.00", "EXT-c-" + tag, at);
        pay(o1, PaymentDirection.OUT, "200.00", "EXT-r-" + tag, at.plusSeconds(3600));
        String file = "reference,amount,fee,value_date\n"
                + "EXT-a-" + tag + ",960.00,9.60," + day + "\n"
                + "EXT-b-" + tag + ",470.00,4.70," + day + "\n" // amount differs
                + "EXT-x-" + tag + ",300.00,3.00," + day + "\n" // paid, no order
                + "EXT-a-" + tag + ",960.00,9.60," + day + "\n" // duplicate
                + "EXT-r-" + tag + ",-200.00,0.00," + day + "\n";
        // EXT-c: our payment, no money: order but no money

        // a bad file is refused whole, naming its line; nothing is kept
        int filesBefore = count("to_settlement_files");
        upload(api, "fiona", "reference,amount,fee,value_date\nEXT-1,12.00,0.10," + day + "\nEXT-2,twelve,0.10," + day + "\n")
                .isProblem(400, "file");
        assertThat(upload(api, "fiona", "reference,amount,fee\nEXT-1,1.00,0.00\n").body()).contains("line 1");
        assertThat(upload(api, "fiona", "reference,amount,fee,value_date\n=cmd|' /C calc'!A0,1.00,0.00," + day + "\n").body())
                .contains("line 2");
        uploadBytes("fiona", new byte[]{'r', 'e', 'f', (byte) 0xC3, (byte) 0x28, '\n'}).isProblem(400, "file");
        upload(api, "sam", file).isProblem(403);
        assertThat(count("to_settlement_files")).isEqualTo(filesBefore);
        JsonNode imported = upload(api, "fiona", file).hasStatus(201).tree();
        assertThat(imported.path("lines").asInt()).isEqualTo(5);
        assertThat(new BigDecimal(imported.path("total").asText())).isEqualByComparingTo("2490.00");
        assertThat(upload(api, "fiona", file).isProblem(409).code()).isEqualTo("SETTLEMENT_FILE_IMPORTED");

        // the night's run (here over the API): matching in a job of its own
        api.post("fiona", "/api/reconciliation/days", Map.of("day", LocalDate.now(CENTER).toString())).isProblem(400, "day");
        JsonNode startedDay = api.post("fiona", "/api/reconciliation/days", Map.of("day", day.toString())).hasStatus(201).tree();
        assertThat(startedDay.path("businessKey").asText()).isEqualTo("RD-" + day);
        ProcessInstance pi = instance(day);
        jobs.executeJobs(pi.getId());
        assertThat(pi).hasPassed("registerDay", "reconcileDay", "computeRisk").isWaitingAt("resolveMismatches");
        assertThat(api.post("fiona", "/api/reconciliation/days", Map.of("day", day.toString())).isProblem(409).code())
                .isEqualTo("DAY_RECONCILED");
        ReconciliationDay reconciled = reconciliations.dayOf(day).orElseThrow();
        assertThat(reconciled.paymentsCount()).isEqualTo(4);
        assertThat(reconciled.paymentsTotal()).isEqualByComparingTo("2240.00");
        assertThat(reconciled.settledCount()).isEqualTo(5);
        assertThat(reconciled.settledTotal()).isEqualByComparingTo("2490.00");
        assertThat(reconciled.feesTotal()).isEqualByComparingTo("26.90");
        List<Mismatch> mismatches = reconciliations.mismatches(reconciled.id());
        assertThat(mismatches).extracting(Mismatch::kind, Mismatch::reference).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("AMOUNT_DIFFERS", "EXT-b-" + tag),
                org.assertj.core.groups.Tuple.tuple("PAID_NO_ORDER", "EXT-x-" + tag),
                org.assertj.core.groups.Tuple.tuple("DUPLICATE", "EXT-a-" + tag),
                org.assertj.core.groups.Tuple.tuple("ORDER_NO_MONEY", "EXT-c-" + tag));
        Task resolve = task(pi);
        assertThat(resolve.getName()).isEqualTo("Resolve mismatches · " + day + " · 4 mismatches");
        assertThat((String) tasks.getVariableLocal(resolve.getId(), "mismatchTable")).contains("EXT-x-" + tag, "Paid no order");

        // every mismatch needs a resolution; a closed-day correction is refused while the day is open
        Map<String, Long> id = mismatches.stream().collect(Collectors.toMap(Mismatch::kind, Mismatch::id));
        String partial = id.get("AMOUNT_DIFFERS") + ", WRITE_OFF, provider kept 10.00\n" + id.get("PAID_NO_ORDER") + ", REFUND, paid back";
        assertThat(ProcessPaths.refusal(() -> complete(resolve, "fiona", Map.of("resolutions", partial)))).isInstanceOf(InvalidField.class)
                .hasMessageContaining("mismatch " + id.get("DUPLICATE"));
        assertThat(ProcessPaths.refusal(() -> complete(resolve, "fiona", Map.of("resolutions", id.get("DUPLICATE") + ", IGNORE, x"))))
                .hasMessageContaining("WRITE_OFF, REFUND, CORRECTED or FOLLOW_UP");
        assertThat(reconciliations.mismatches(reconciled.id())).allSatisfy(m -> assertThat(m.resolution()).isNull());
        api.post("fiona", "/api/reconciliation/days/" + day + "/corrections", Map.of("debit", "PAYMENT_RECEIVABLES",
                "credit", "RECONCILIATION_WRITE_OFF", "amount", "10.00", "reason", "late")).isProblem(409);
        complete(resolve, "fiona", Map.of("resolutions", partial + "\n" + id.get("DUPLICATE") + ", CORRECTED, provider reverses it\n"
                + id.get("ORDER_NO_MONEY") + ", FOLLOW_UP, asked the provider"));
        assertThat(postings.byReference("MM-" + id.get("AMOUNT_DIFFERS"))).extracting(p -> p.account() + " " + p.amount())
                .containsExactly("RECONCILIATION_WRITE_OFF 10.00", "PAYMENT_RECEIVABLES -10.00");

        // sign-off: not by whoever resolved
        Task signOff = task(pi);
        assertThat(ProcessPaths.refusal(() -> complete(signOff, "fiona", Map.of()))).isInstanceOf(FourEyesViolation.class);
        complete(signOff, "demo", Map.of("signOffComment", "Checked against the bank statement"));
        assertThat(pi).hasPassed("resolveMismatches", "signOffDay", "dayClosed").isEnded();
        assertThat(reconciliations.dayOf(day).orElseThrow()).satisfies(d -> {
            assertThat(d.status()).isEqualTo("CLOSED");
            assertThat(d.signedOffBy()).isEqualTo("demo");
        });

        // a later correction goes to today and names the closed day
        JsonNode correction = api.post("fiona", "/api/reconciliation/days/" + day + "/corrections", Map.of("debit",
                "PAYMENT_RECEIVABLES", "credit", "RECONCILIATION_WRITE_OFF", "amount", "10.00",
                "reason", "The provider paid the 10.00 late")).hasStatus(201).tree();
        assertThat(correction.findValuesAsText("businessDay")).containsOnly(LocalDate.now(CENTER).toString());
        assertThat(correction.findValuesAsText("correctsDay")).containsOnly(day.toString());
        api.post("fiona", "/api/reconciliation/days/" + day + "/corrections", Map.of("debit", "x; DROP TABLE", "credit",
                "RECEIVABLES", "amount", "10.00", "reason", "x")).isProblem(400, "debit");

        // the night's risk indicators: the unmatched money is a warning to finance and the general manager
        RiskWarning unmatched = warnings.ofDay(day).stream().filter(w -> w.indicator() == RiskIndicator.UNMATCHED_AMOUNT)
                .findFirst().orElseThrow();
        assertThat(unmatched.indicatorValue()).isEqualByComparingTo("2270.00"); // 10 + 300 + 960 + 1000
        assertThat(unmatched.level()).isEqualTo(RiskLevel.WARN);
        assertThat(warnings.ofDay(day).stream().filter(w -> w.indicator() == RiskIndicator.REFUND_RATE_PERCENT).findFirst()
                .orElseThrow().indicatorValue()).isEqualByComparingTo("8.20"); // 200 of 2,440
        assertThat(outbox.of(ReconciliationCase.TYPE, unmatched.id())).extracting(n -> n.recipient())
                .contains("fiona@ticketops.example", "gary@ticketops.example");
        assertThat(api.get("gary", "/api/risk-warnings").hasStatus(200).tree().findValuesAsText("id"))
                .contains(String.valueOf(unmatched.id()));
        api.get("sam", "/api/risk-warnings").isProblem(403);
        api.post("gary", "/api/risk-warnings/" + unmatched.id() + "/acknowledge", Map.of()).isProblem(400, "comment");
        api.post("gary", "/api/risk-warnings/" + unmatched.id() + "/acknowledge", Map.of("comment", "Provider asked")).hasStatus(200);
        assertThat(warnings.open()).extracting(RiskWarning::id).doesNotContain(unmatched.id());

        // the day's revenue report against the hand count
        RevenueReports.Daily report = reports.daily(day);
        assertThat(report.orders()).isEqualTo(3);
        assertThat(report.sales()).isEqualByComparingTo("2440.00");
        assertThat(report.discounts()).isEqualByComparingTo("0.00");
        assertThat(report.refunds()).isEqualByComparingTo("200.00");
        assertThat(report.fees()).isEqualByComparingTo("26.90");
        assertThat(report.net()).isEqualByComparingTo("2213.10");
        assertThat(report.byChannel()).extracting(r -> r.label() + " " + r.orders() + " " + r.sales())
                .containsExactly("APP 1 1000.00", "BOX_OFFICE 1 480.00", "WEB 1 960.00");
        assertThat(report.byEvent()).extracting(r -> r.orders() + " " + r.sales()).containsExactly("2 1440.00", "1 1000.00");
        assertThat(report.byPaymentMethod()).extracting(r -> r.label() + " " + r.payments() + " " + r.amount())
                .containsExactly("CARD 3 2440.00");
        String csv = api.get("olivia", "/api/reports/daily-revenue/csv?day=" + day).hasStatus(200).body();
        assertThat(csv).contains("total,net,,,,2213.10", "channel,\"WEB\",1,960.00,0.00,960.00");
        ResponseEntity<byte[]> pdf = rest.withBasicAuth("fiona", "fiona").getForEntity("/api/reports/daily-revenue/pdf?day=" + day,
                byte[].class);
        assertThat(new String(pdf.getBody(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        RevenueReports.Monthly month = reports.monthly(java.time.YearMonth.from(day));
        assertThat(month.net()).isEqualByComparingTo("2213.10");
        assertThat(month.days()).hasSize(java.time.YearMonth.from(day).lengthOfMonth());
        api.get("sam", "/api/reports/daily-revenue?day=" + day).isProblem(403);
        api.get("fiona", "/api/reports/daily-revenue?day=tomorrow").isProblem(400, "day");
    }

    @Test
    void aDayThatMatchesGoesStraightToSignOffAndTheInboxIsRead() throws Exception {
        LocalDate day = freeDay();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Show show = data.show(data.event(), Duration.ofDays(40));
        TicketCategory category = data.category(show, TicketType.STANDARD, "300.00", 10);
        Instant at = day.atTime(12, 0).atZone(CENTER).toInstant();
        pay(sell(show, category, 1, SalesChannel.WEB, at), PaymentDirection.IN, "300.00", "EXT-m-" + tag, at);
        Path inbox = Path.of("target/test-settlement-inbox");
        Files.createDirectories(inbox);
        Files.writeString(inbox.resolve("provider-" + tag + ".csv"), "reference,amount,fee,value_date\nEXT-m-" + tag
                + ",300.00,3.00," + day + "\n");
        Files.writeString(inbox.resolve("broken-" + tag + ".csv"), "not a settlement file\n");
        ReconciliationDay registered = reconciliations.start(day, "system");
        ProcessInstance pi = instance(day);
        jobs.executeJobs(pi.getId());
        assertThat(Files.exists(inbox.resolve("processed").resolve("provider-" + tag + ".csv"))).isTrue();
        assertThat(Files.exists(inbox.resolve("refused").resolve("broken-" + tag + ".csv"))).isTrue();
        assertThat(reconciliations.day(registered.id()).mismatchCount()).isZero();
        assertThat(pi).isWaitingAt("signOffDay");
        complete(task(pi), "fiona", Map.of());
        assertThat(pi).hasPassed("signOffJoin").isEnded();
        assertThat(ProcessPaths.refusal(() -> engine.getRuntimeService().startProcessInstanceByKey(ReconciliationCase.PROCESS_KEY)))
                .isInstanceOf(InvalidField.class);
    }

    @Test
    void aDayWithHundredsOfMismatchesStillOpensItsTask() {
        LocalDate day = freeDay();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder file = new StringBuilder("reference,amount,fee,value_date\n");
        for (int i = 0; i < 400; i++) {
            file.append("EXT-many-").append(tag).append('-').append(i).append(",12.00,0.10,").append(day).append('\n');
        }
        upload(new Api(rest), "fiona", file.toString()).hasStatus(201);
        reconciliations.start(day, "fiona");
        ProcessInstance pi = instance(day);
        jobs.executeJobs(pi.getId());
        assertThat(pi).isWaitingAt("resolveMismatches");
        String table = (String) tasks.getVariableLocal(task(pi).getId(), "mismatchTable");
        assertThat(table.length()).isLessThanOrEqualTo(4000); // the engine stores a string variable in 4,000 characters
        assertThat(table).contains("of 400 are shown; all: GET /api/reconciliation/days/" + day);
    }

    private LocalDate freeDay() {
        while (true) {
            LocalDate day = LocalDate.of(1995, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000));
            if (reconciliations.dayOf(day).isEmpty()) {
                return day;
            }
        }
    }

    private OrderDetails sell(Show show, TicketCategory category, int quantity, SalesChannel channel, Instant at) {
        BigDecimal total = category.price().multiply(BigDecimal.valueOf(quantity));
        return transactions.execute(s -> sales.recordSale(new Sale(data.customer(MemberTier.NONE).id(), show.id(), channel, null,
                List.of(new Sale.Line(category.id(), quantity, category.price(), total, BigDecimal.ZERO.setScale(2), total)),
                "", null, null, null, null, null, null), at));
    }

    private void pay(OrderDetails order, PaymentDirection direction, String amount, String external, Instant at) {
        sales.recordPayment(order.order().id(), direction, new BigDecimal(amount), "CARD", direction == PaymentDirection.IN
                ? "ORDER" : "REFUND", String.valueOf(order.order().id()), external, "test-" + external, at);
    }

    /** Posts a settlement file as text/csv, the way a script or the provider's connector would. */
    private Api.Response upload(Api api, String user, String csv) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(new MediaType("text", "csv"));
        ResponseEntity<String> response = rest.exchange("/api/settlements?name=settlement.csv", HttpMethod.POST,
                new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), headers), String.class);
        return new Api.Response(response.getStatusCode().value(), response.getHeaders(), response.getBody(),
                new com.fasterxml.jackson.databind.ObjectMapper());
    }

    /** Posts raw bytes as text/csv (for a file that is not UTF-8). */
    private Api.Response uploadBytes(String user, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(new MediaType("text", "csv"));
        ResponseEntity<String> response = rest.exchange("/api/settlements", HttpMethod.POST, new HttpEntity<>(content, headers),
                String.class);
        return new Api.Response(response.getStatusCode().value(), response.getHeaders(), response.getBody(),
                new com.fasterxml.jackson.databind.ObjectMapper());
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    private ProcessInstance instance(LocalDate day) {
        ProcessInstance pi = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("RD-" + day)
                .singleResult();
        started.add(pi.getId());
        return pi;
    }

    private Task task(ProcessInstance pi) {
        return tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        ProcessPaths.complete(engine, task, user, variables);
    }


    @AfterAll
    static void everyFlowNodeOfTheProcessWasPassed() {
        PATHS.assertEveryFlowNodePassed(processEngine);
    }
}
