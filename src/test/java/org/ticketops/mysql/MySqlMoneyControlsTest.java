package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.finance.Mismatch;
import org.ticketops.finance.ReconciliationDay;
import org.ticketops.finance.Reconciliations;
import org.ticketops.finance.RevenueReports;
import org.ticketops.finance.SettlementFiles;
import org.ticketops.inventory.Stocktake;
import org.ticketops.inventory.Stocktakes;
import org.ticketops.inventory.WriteOffs;
import org.ticketops.sales.PaymentDirection;
import org.ticketops.sales.SalesService;
import org.ticketops.support.Engine;
import org.ticketops.support.MySqlTest;
import org.ticketops.support.TestData;

/**
 * Stock and money controls on MySQL/MariaDB: an approved adjustment applied while eight clerks sell from the same
 * category (nothing lost, nothing counted twice), two write-off runs at once writing off once, and a day reconciled
 * from a settlement file with its report.
 */
@MySqlTest
class MySqlMoneyControlsTest {

    @Autowired
    Stocktakes stocktakes;
    @Autowired
    WriteOffs writeOffs;
    @Autowired
    Reconciliations reconciliations;
    @Autowired
    SettlementFiles settlements;
    @Autowired
    RevenueReports reports;
    @Autowired
    CatalogService catalog;
    @Autowired
    SalesService sales;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Engine engine;

    @Test
    void anAdjustmentAppliedWhileClerksSellLosesNoSale() throws Exception {
        Show show = data.show(data.event(), Duration.ofDays(20));
        TicketCategory category = data.category(show, TicketType.STANDARD, "100.00", 1000);
        Stocktake stocktake = stocktakes.start(new Stocktakes.Scope("SHOW", show.id(), null), "olivia");
        String pid = stocktake.processInstanceId();
        complete(pid, "countStock", "sam", Map.of("counted", 990));
        complete(pid, "explainVariance", "sam", Map.of("cause", "DAMAGED", "explanation", "Ten tickets damaged by water"));
        ExecutorService clerks = Executors.newFixedThreadPool(8);
        List<Future<?>> sold = new ArrayList<>();
        var buyer = data.customer(MemberTier.NONE);
        for (int clerk = 0; clerk < 8; clerk++) {
            sold.add(clerks.submit(() -> {
                for (int i = 0; i < 20; i++) {
                    data.order(buyer, category, 1);
                }
            }));
        }
        complete(pid, "approveAdjustment", "olivia", Map.of("adjustmentDecision", "APPROVE", "adjustmentComment", "Voided"));
        for (Future<?> f : sold) {
            f.get();
        }
        clerks.shutdown();
        assertThat(catalog.category(category.id()).available()).isEqualTo(1000 - 160 - 10);
        assertThat(stocktakes.movements(category.id())).singleElement()
                .satisfies(m -> assertThat(m.afterQty()).isEqualTo(m.beforeQty() - 10));
    }

    @Test
    void twoWriteOffRunsAtOnceWriteOffOnce() throws Exception {
        Show ended = data.show(data.event(), Duration.ofDays(-1));
        TicketCategory category = data.category(ended, TicketType.STANDARD, "100.00", 30);
        jdbc.update("UPDATE to_ticket_categories SET unit_cost = 40.00 WHERE id = ?", category.id());
        ExecutorService nights = Executors.newFixedThreadPool(2);
        List<Future<String>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            runs.add(nights.submit(() -> runtime.startProcessInstanceByKey("inventoryWriteOff").getId()));
        }
        for (Future<String> run : runs) {
            try {
                run.get();
            } catch (java.util.concurrent.ExecutionException lost) { // the loser's transaction is rolled back whole
                assertThat(lost.getCause()).isNotNull();
            }
        }
        nights.shutdown();
        runtime.startProcessInstanceByKey("inventoryWriteOff"); // and the next night
        assertThat(writeOffs.ofShow(ended.id())).singleElement().satisfies(w -> {
            assertThat(w.amount()).isEqualByComparingTo("1200.00");
            assertThat(w.status()).isEqualTo("POSTED");
        });
        assertThat(catalog.category(category.id()).available()).isZero();
    }

    @Test
    void aDayIsReconciledFromASettlementFile() {
        LocalDate day = LocalDate.of(1995, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(9000));
        while (reconciliations.dayOf(day).isPresent()) {
            day = day.plusDays(1);
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Show show = data.show(data.event(), Duration.ofDays(30));
        TicketCategory category = data.category(show, TicketType.STANDARD, "50.00", 2000);
        var at = day.atTime(11, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        StringBuilder file = new StringBuilder("reference,amount,fee,value_date\n");
        for (int i = 0; i < 500; i++) {
            var order = data.order(data.customer(MemberTier.NONE), category, 1, at);
            sales.recordPayment(order.order().id(), PaymentDirection.IN, new BigDecimal("50.00"), "CARD", "ORDER",
                    String.valueOf(order.order().id()), "M-" + tag + "-" + i, "mysql-" + tag + "-" + i, at);
            if (i != 7) {
                file.append("M-").append(tag).append('-').append(i).append(',').append(i == 9 ? "49.00" : "50.00").append(",0.50,")
                        .append(day).append('\n');
            }
        }
        file.append("M-").append(tag).append("-stray,80.00,0.80,").append(day).append('\n');
        settlements.importFile("mysql-" + tag + ".csv", file.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "UPLOAD", "fiona");
        ReconciliationDay started = reconciliations.start(day, "fiona");
        engine.executeJobs(started.processInstanceId());
        ReconciliationDay reconciled = reconciliations.day(started.id());
        assertThat(reconciled.paymentsCount()).isEqualTo(500);
        assertThat(reconciled.settledCount()).isEqualTo(500);
        assertThat(reconciliations.mismatches(started.id())).extracting(Mismatch::kind)
                .containsExactlyInAnyOrder("ORDER_NO_MONEY", "AMOUNT_DIFFERS", "PAID_NO_ORDER");
        RevenueReports.Daily report = reports.daily(day);
        assertThat(report.orders()).isEqualTo(500);
        assertThat(report.sales()).isEqualByComparingTo("25000.00");
        assertThat(report.fees()).isEqualByComparingTo("250.30"); // 499 × 0.50 + 0.80
    }

    private void complete(String pid, String activity, String user, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(activity).singleResult();
        tasks.setAssignee(task.getId(), user);
        tasks.complete(task.getId(), variables);
    }
}
