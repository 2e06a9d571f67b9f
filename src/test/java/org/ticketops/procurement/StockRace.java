package org.ticketops.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.EventKind;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.support.TestData;

/**
 * Two procurement requests for one category, approved and contracted, whose deliveries are inspected at the same
 * moment from two threads: each inspection adds its tickets to the category in its own transaction. Afterwards the
 * category's capacity and available tickets have grown by exactly both quantities and its unit cost is the weighted
 * average. Used by the H2 suite and by the MySQL/MariaDB suite (no demo users there: tasks are assigned, not claimed).
 */
public final class StockRace {

    private StockRace() {
    }

    public static void run(ProcurementService procurement, SupplierService suppliers, CatalogService catalog,
                           TaskService tasks, ProcurementMapper costs, Clock clock) throws Exception {
        List<NewSupplier.ApprovedKind> kinds = List.of(new NewSupplier.ApprovedKind(EventKind.CONCERT,
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(1)));
        long supplier = suppliers.create(new NewSupplier(TestData.unique("Race supplier"),
                "RACE-" + java.util.UUID.randomUUID().toString().substring(0, 8), "race@s.example",
                Supplier.Qualification.QUALIFIED, LocalDate.now().plusYears(1), kinds), "buyer").supplier().id();
        var event = catalog.createEvent(TestData.unique("Race event"), EventKind.CONCERT);
        var show = catalog.createShow(event.id(), "Race hall", clock.instant().plus(Duration.ofDays(30)));
        TicketCategory category = catalog.createCategory(show.id(), "Stalls", TicketType.STANDARD, new BigDecimal("300.00"), 10);

        List<ProcurementRequest> requests = new ArrayList<>();
        int[] quantities = {30, 50};
        String[] unitCosts = {"100.00", "140.00"};
        for (int i = 0; i < 2; i++) {
            ProcurementRequest request = procurement.submit(new NewProcurementRequest(supplier, show.id(), category.id(), null,
                    quantities[i], new BigDecimal(unitCosts[i]), new BigDecimal("300.00"), null), "buyer");
            complete(tasks, request, "approver", Map.of("approvalDecision", "APPROVE"));
            complete(tasks, request, "buyer", Map.of("contractNumber", "RACE-" + request.id(),
                    "contractSignedOn", LocalDate.now().minusDays(1).toString(), "paymentTerms", "30 days net"));
            requests.add(request);
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ProcurementRequest request = requests.get(i);
                int quantity = quantities[i];
                done.add(pool.submit(() -> {
                    start.await();
                    complete(tasks, request, "buyer", Map.of("receivedCount", quantity, "defectiveCount", 0));
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        TicketCategory after = catalog.category(category.id());
        assertThat(after.capacity()).isEqualTo(10 + 30 + 50);
        assertThat(after.available()).isEqualTo(10 + 30 + 50);
        // (30 × 100.00 + 50 × 140.00) / 80 = 125.00
        assertThat(costs.unitCostOf(category.id())).isEqualByComparingTo("125.00");
        for (ProcurementRequest request : requests) {
            assertThat(procurement.request(request.id()).status()).isEqualTo("STOCKED");
        }
    }

    private static Object complete(TaskService tasks, ProcurementRequest request, String user, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult();
        tasks.setAssignee(task.getId(), user);
        tasks.complete(task.getId(), variables);
        return null;
    }
}
