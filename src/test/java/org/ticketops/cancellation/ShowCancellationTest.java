package org.ticketops.cancellation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.casework.CaseService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.notification.Notification;
import org.ticketops.notification.NotificationOutbox;
import org.ticketops.refund.NewRefundRequest;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRegistration;
import org.ticketops.refund.RefundRequest;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.refund.RefundService;
import org.ticketops.sales.OrderDetails;
import org.ticketops.support.Api;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.PageRequest;

/**
 * Cancelling a show starts a refund request for every paid order of it through the refund process, in
 * batches (two orders per batch in tests), tells each customer, skips an order already in a request, and
 * happens once.
 */
@TicketOpsTest
class ShowCancellationTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    Engine engine;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ShowCancellationService cancellations;
    @Autowired
    CaseService cases;
    @Autowired
    RefundService refunds;
    @Autowired
    RefundRegistration registration;
    @Autowired
    NotificationOutbox outbox;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
        BpmnAwareTests.init(processEngine);
    }

    @Test
    void cancellingAShowRefundsEveryPaidOrderOnceInBatches() {
        Show show = data.show(data.event(), Duration.ofDays(15));
        TicketCategory category = data.category(show, TicketType.STANDARD, "680.00", 50);
        List<OrderDetails> orders = List.of(data.order(data.customer(MemberTier.NONE), category, 2),
                data.order(data.customer(MemberTier.GOLD), category, 1),
                data.order(data.customer(MemberTier.SILVER), category, 1),
                data.order(data.customerWithoutContact(MemberTier.NONE), category, 1));
        // the customer of the second order already asked for a refund of it: that order is skipped
        OrderDetails asked = orders.get(1);
        registration.open(new NewRefundRequest(asked.order().id(), List.of(asked.tickets().get(0).id()),
                RefundRequestType.REFUND, RefundReason.CUSTOMER_CHOICE, null, null), "amy", null);

        JsonNode answer = api.patch("olivia", "/api/shows/" + show.id(), Map.of("status", "CANCELLED")).hasStatus(200).tree();
        String caseKey = String.format("SC-%06d", show.id());
        assertThat(answer.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(answer.path("cancellation").path("caseKey").asText()).isEqualTo(caseKey);
        assertThat(answer.path("cancellation").path("ordersToRefund").asLong()).isEqualTo(4);

        ShowCancellation registered = cancellations.ofShow(show.id()).orElseThrow();
        String pid = cases.get(registered.caseId()).processInstanceId();
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(pid).singleResult();
        assertThat(pi).hasPassed("showCancelled", "registerCancellation", "batchJoin").isWaitingAt("startRefunds");
        assertThat(pi).hasBusinessKey(caseKey);
        assertThat(pi).variables().containsOnlyKeys("cancellationId");

        engine.executeJobs(pid);
        assertThat(pi).hasPassed("startRefunds", "moreOrdersGateway", "closeCancellation", "refundsStarted").isEnded();
        ShowCancellation done = cancellations.get(registered.id());
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.refundsStarted()).isEqualTo(3);
        assertThat(done.ordersSkipped()).isEqualTo(1);
        assertThat(done.cancelledBy()).isEqualTo("olivia");

        for (OrderDetails order : orders) {
            List<RefundRequest> requests = refunds.list(null, order.order().customerId(), new PageRequest(0, 10)).items();
            assertThat(requests).as("requests of order %s", order.order().id()).hasSize(1);
        }
        RefundRequest first = refunds.list(null, orders.get(0).order().customerId(), new PageRequest(0, 10)).items().get(0);
        assertThat(first.reason()).isEqualTo(RefundReason.EVENT_CANCELLED);
        assertThat(first.requestedBy()).isEqualTo("olivia");
        assertThat(refunds.details(first.id()).feeLines()).hasSize(2);
        assertThat(first.totalFee()).isEqualByComparingTo("0.00");
        // each customer with an address is told, once; the one without is not
        assertThat(outbox.of(ShowCancellationCase.TYPE, registered.id())).extracting(Notification::template)
                .containsExactly("show-cancelled", "show-cancelled");
        assertThat(outbox.of(ShowCancellationCase.TYPE, registered.id()).get(0).payload())
                .contains("\"requestNumber\":\"R-").contains("\"venue\":\"Test venue\"");

        // twice: refused, nothing new
        assertThat(api.patch("olivia", "/api/shows/" + show.id(), Map.of("status", "CANCELLED")).isProblem(409).code())
                .isEqualTo("SHOW_CANCELLED");
        assertThat(api.patch("sam", "/api/shows/" + show.id(), Map.of("venue", "Elsewhere")).isProblem(409).code())
                .isEqualTo("SHOW_CANCELLED");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ShowCancellationCase.PROCESS_KEY)
                .processInstanceBusinessKey(caseKey).count()).isZero();
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(ShowCancellationCase.PROCESS_KEY).processInstanceBusinessKey(caseKey).count()).isEqualTo(1);
        assertThat(api.get("olivia", "/api/cases/started/" + pid).hasStatus(200).tree().path("outcome").asText())
                .isEqualTo(caseKey + ": 3 of 4 paid order(s) have a refund request, 1 already had one; done.");
    }

    @Test
    void aShowWithoutSalesIsCancelledWithNothingToRefund() {
        Show show = data.show(data.event(), Duration.ofDays(15));
        data.category(show, TicketType.VIP, "980.00", 10);
        JsonNode answer = api.patch("sam", "/api/shows/" + show.id(), Map.of("status", "CANCELLED")).hasStatus(200).tree();
        assertThat(answer.path("cancellation").path("ordersToRefund").asLong()).isZero();
        ShowCancellation registered = cancellations.ofShow(show.id()).orElseThrow();
        engine.executeJobs(cases.get(registered.caseId()).processInstanceId());
        assertThat(cancellations.get(registered.id()).status()).isEqualTo("COMPLETED");
    }

    @Test
    void theProcessCannotBeStartedExceptByCancellingTheShow() {
        long before = runtime.createProcessInstanceQuery().processDefinitionKey(ShowCancellationCase.PROCESS_KEY).count();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> runtime.startProcessInstanceByKey(
                ShowCancellationCase.PROCESS_KEY, Map.of("cancellationId", 1L))).hasMessageContaining("cancelling the show");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ShowCancellationCase.PROCESS_KEY).count())
                .isEqualTo(before);
    }
}
