package org.ticketops.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.finance.FinancePostings;
import org.ticketops.finance.Posting;
import org.ticketops.refund.RefundRequest;
import org.ticketops.refund.RefundService;
import org.ticketops.sales.OrderDetails;
import org.ticketops.support.Api;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.ProcessPaths;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.PageRequest;

/**
 * Every path of processes/inventory-write-off.bpmn: an ended show's unsold and void tickets written off at unit cost,
 * posted directly within the limit, approved or refused by finance above it; a rerun writes nothing twice; a cancelled
 * show's stock only once its refunds are done.
 */
@TicketOpsTest
class WriteOffProcessTest {

    private static final ProcessPaths PATHS = new ProcessPaths(WriteOffCase.PROCESS_KEY);
    private static ProcessEngine processEngine;

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    WriteOffs writeOffs;
    @Autowired
    Stocktakes stocktakes;
    @Autowired
    CatalogService catalog;
    @Autowired
    FinancePostings postings;
    @Autowired
    RefundService refunds;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
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
    void anEndedShowIsWrittenOffOnceAndFinanceDecidesAboveTheLimit() {
        Show ended = data.show(data.event(), Duration.ofDays(-1));
        TicketCategory small = category(ended, "50.00", 100);
        OrderDetails bought = data.order(data.customer(MemberTier.NONE), small, 10); // 90 unsold
        jdbc.update("UPDATE to_tickets SET status = 'VOID' WHERE id IN (?, ?)", bought.tickets().get(0).id(),
                bought.tickets().get(1).id());
        TicketCategory large = category(ended, "200.00", 60); // 60 × 200.00 = 12,000.00: above 10,000.00
        Show other = data.show(data.event(), Duration.ofDays(-3));
        TicketCategory refusedOne = category(other, "300.00", 50); // 15,000.00
        Show ahead = data.show(data.event(), Duration.ofDays(3));
        TicketCategory notYet = category(ahead, "50.00", 10);

        ProcessInstance night = run();
        assertThat(night).hasPassed("findWriteOffs").isWaitingAt("approveWriteOff");
        WriteOff smallOne = only(small);
        assertThat(smallOne).satisfies(w -> {
            assertThat(w.status()).isEqualTo("POSTED");
            assertThat(w.reason()).isEqualTo("ENDED");
            assertThat(w.unsoldQty()).isEqualTo(90);
            assertThat(w.voidQty()).isEqualTo(2);
            assertThat(w.amount()).isEqualByComparingTo("4600.00"); // (90 + 2) × 50.00
            assertThat(w.needsApproval()).isFalse();
        });
        assertThat(catalog.category(small.id()).available()).isZero();
        assertThat(stocktakes.movements(small.id())).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("WRITE_OFF");
            assertThat(m.beforeQty()).isEqualTo(90);
            assertThat(m.afterQty()).isZero();
        });
        assertThat(postings.byReference(smallOne.businessKey())).extracting(Posting::account, p -> p.amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FinancePostings.WRITE_OFF_EXPENSE, "4600.00"),
                        org.assertj.core.groups.Tuple.tuple(FinancePostings.INVENTORY, "-4600.00"));
        assertThat(writeOffs.ofShow(ahead.id())).isEmpty();

        Task approveLarge = approval(night, large);
        assertThat(approveLarge.getName()).contains(only(large).businessKey()).contains("CNY 12,000.00");
        complete(approveLarge, "fiona", Map.of("writeOffDecision", "APPROVE", "writeOffComment", "The show is over"));
        complete(approval(night, refusedOne), "fiona", Map.of("writeOffDecision", "REJECT",
                "writeOffComment", "The organiser takes them back"));
        for (Task rest : tasks.createTaskQuery().processInstanceId(night.getId()).list()) { // other tests' ended shows
            complete(rest, "fiona", Map.of("writeOffDecision", "APPROVE", "writeOffComment", "Expired"));
        }
        assertThat(night).hasPassed("approveWriteOff", "postWriteOff", "writtenOff", "refused", "nightDone").isEnded();
        assertThat(only(large)).satisfies(w -> {
            assertThat(w.status()).isEqualTo("POSTED");
            assertThat(w.decidedBy()).isEqualTo("fiona");
            assertThat(w.amount()).isEqualByComparingTo("12000.00");
        });
        assertThat(only(refusedOne).status()).isEqualTo("REFUSED");
        assertThat(catalog.category(refusedOne.id()).available()).isEqualTo(50);
        assertThat(postings.byReference(only(refusedOne).businessKey())).isEmpty();

        // the next night writes nothing twice
        ProcessInstance again = run();
        assertThat(again).isEnded();
        for (TicketCategory c : List.of(small, large, refusedOne)) {
            assertThat(writeOffs.ofShow(c.showId()).stream().filter(w -> w.categoryId() == c.id())).hasSize(1);
        }
        assertThat(stocktakes.movements(small.id())).hasSize(1);
        assertThat(postings.byReference(smallOne.businessKey())).hasSize(2);
        assertThat(catalog.category(notYet.id()).available()).isEqualTo(10);
    }

    @Test
    void aCancelledShowIsWrittenOffOnceItsRefundsAreDone() {
        Show show = data.show(data.event(), Duration.ofDays(15));
        TicketCategory category = category(show, "100.00", 20);
        OrderDetails order = data.order(data.customer(MemberTier.NONE), category, 2);
        new Api(rest).patch("olivia", "/api/shows/" + show.id(), Map.of("status", "CANCELLED")).hasStatus(200);
        String cancellation = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("showCancellation")
                .processInstanceBusinessKey(String.format("SC-%06d", show.id())).singleResult().getId();
        jobs.executeJobs(cancellation);
        RefundRequest refund = refunds.list(null, order.order().customerId(), new PageRequest(0, 10)).items().get(0);
        assertThat(refund.closedAt()).isNull();

        assertThat(run()).isEnded(); // its refund is still open: not yet
        assertThat(writeOffs.ofShow(show.id())).isEmpty();

        jobs.executeJobs(refund.processInstanceId());
        assertThat(refunds.list(null, order.order().customerId(), new PageRequest(0, 10)).items().get(0).closedAt()).isNotNull();
        run();
        assertThat(writeOffs.ofShow(show.id())).singleElement().satisfies(w -> {
            assertThat(w.reason()).isEqualTo("CANCELLED");
            assertThat(w.unsoldQty()).isEqualTo(20); // the refunded tickets came back first
            assertThat(w.amount()).isEqualByComparingTo("2000.00");
            assertThat(w.status()).isEqualTo("POSTED");
        });
        assertThat(catalog.category(category.id()).available()).isZero();
    }

    private TicketCategory category(Show show, String unitCost, int capacity) {
        TicketCategory category = data.category(show, TicketType.STANDARD, "500.00", capacity);
        jdbc.update("UPDATE to_ticket_categories SET unit_cost = ? WHERE id = ?", new BigDecimal(unitCost), category.id());
        return category;
    }

    /** Starts a night's run (as the timer does) and completes what other tests left due and within the limit. */
    private ProcessInstance run() {
        ProcessInstance pi = engine.getRuntimeService().startProcessInstanceByKey(WriteOffCase.PROCESS_KEY);
        started.add(pi.getId());
        return pi;
    }

    private WriteOff only(TicketCategory category) {
        return writeOffs.ofShow(category.showId()).stream().filter(w -> w.categoryId() == category.id()).findFirst().orElseThrow();
    }

    private Task approval(ProcessInstance pi, TicketCategory category) {
        long id = only(category).id();
        return tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("approveWriteOff").list().stream()
                .filter(t -> Long.parseLong(tasks.getVariable(t.getId(), "writeOffId").toString()) == id).findFirst().orElseThrow();
    }

    private void complete(Task task, String user, Map<String, Object> variables) {
        ProcessPaths.complete(engine, task, user, variables);
    }

    @AfterAll
    static void everyFlowNodeOfTheProcessWasPassed() {
        PATHS.assertEveryFlowNodePassed(processEngine);
    }
}
