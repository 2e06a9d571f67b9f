package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.platform.ProcessDeployer;
import org.ticketops.refund.NewRefundRequest;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRequestDetails;
import org.ticketops.refund.RefundRequestStatus;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.refund.RefundService;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.SalesService;
import org.ticketops.sales.TicketStatus;
import org.ticketops.support.Engine;
import org.ticketops.support.MySqlTest;
import org.ticketops.support.TestData;

/** The refund process end to end on MySQL/MariaDB: a reviewed refund and a paid exchange. */
@MySqlTest
class MySqlProcessTest {

    @Autowired
    TestData data;
    @Autowired
    RefundService refunds;
    @Autowired
    org.ticketops.refund.RefundExchanges exchanges;
    @Autowired
    org.ticketops.refund.RefundRegistration registration;
    @Autowired
    SalesService sales;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessDeployer deployer;
    @Autowired
    Engine engine;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @Test
    void aReviewedRefundRunsToTheEndOnMySql() {
        Customer customer = data.customer(MemberTier.SILVER);
        Show show = data.show(data.event(), Duration.ofDays(9));
        TicketCategory category = data.category(show, TicketType.STANDARD, "480.00", 10);
        OrderDetails order = data.order(customer, category, 2);
        RefundRequestDetails opened = registration.open(new NewRefundRequest(order.order().id(),
                order.tickets().stream().map(t -> t.id()).toList(), RefundRequestType.REFUND, RefundReason.TICKET_DEFECT,
                null, null), "mysql-test", null);
        assertThat(opened.request().status()).isEqualTo(RefundRequestStatus.AWAITING_REVIEW);
        Task review = tasks.createTaskQuery().processInstanceId(opened.request().processInstanceId()).singleResult();
        identity.setAuthentication("admin", List.of("camunda-admin", "customer-service"));
        try {
            tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVE"));
        } finally {
            identity.clearAuthentication();
        }
        // no payment provider on the mysql profile: finance pays out by hand and enters the reference
        Task payout = tasks.createTaskQuery().processInstanceId(opened.request().processInstanceId()).singleResult();
        assertThat(payout.getTaskDefinitionKey()).isEqualTo("payOutRefund");
        identity.setAuthentication("payer", List.of("finance"));
        try {
            tasks.complete(payout.getId(), Map.of("payoutReference", "ICBC-20261124-0001"));
        } finally {
            identity.clearAuthentication();
        }
        engine.executeJobs(opened.request().processInstanceId());
        RefundRequestDetails done = refunds.details(opened.request().id());
        assertThat(done.request().status()).isEqualTo(RefundRequestStatus.COMPLETED);
        assertThat(done.payments()).singleElement().satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("960.00"));
        assertThat(done.payments().get(0).externalReference()).isEqualTo("ICBC-20261124-0001");
        assertThat(done.creditNote().number()).startsWith("CN-");
        assertThat(sales.orderDetails(order.order().id()).tickets()).allSatisfy(t -> assertThat(t.status()).isEqualTo(TicketStatus.REFUNDED));
    }

    @Test
    void emojiAndCjkExtensionBWorkInRequestsTasksAndHistory() {
        String name = "吉田 𠮷子 " + TestData.unique("");
        Customer customer = data.customerNamed(name, MemberTier.NONE);
        Show show = data.show(data.event(), Duration.ofDays(9));
        TicketCategory category = data.category(show, TicketType.STANDARD, "480.00", 10);
        OrderDetails order = data.order(customer, category, 1);
        // a Tasklist start: the note arrives as a process variable and goes into history
        identity.setAuthentication("clerk", List.of("customer-service"));
        String pi;
        try {
            pi = runtimeService.startProcessInstanceByKey(RefundService.PROCESS_KEY, Map.of(
                    "orderId", order.order().id(), "ticketIds", String.valueOf(order.tickets().get(0).id()),
                    "requestType", "REFUND", "reason", "TICKET_DEFECT", "note", "顾客说 🎫🙂 票有问题 𠮷")).getId();
        } finally {
            identity.clearAuthentication();
        }
        var request = refunds.byProcessInstance(pi).orElseThrow();
        assertThat(request.note()).isEqualTo("顾客说 🎫🙂 票有问题 𠮷");
        assertThat(request.status()).isEqualTo(RefundRequestStatus.AWAITING_REVIEW);
        Task review = tasks.createTaskQuery().processInstanceId(pi).singleResult();
        assertThat((String) tasks.getVariable(review.getId(), "requestSummary")).contains("𠮷子");
        identity.setAuthentication("reviewer", List.of("customer-service"));
        try {
            tasks.complete(review.getId(), Map.of("reviewDecision", "REJECT", "reviewComment", "假票 🚫 𠮷"));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(refunds.request(request.id()).status()).isEqualTo(RefundRequestStatus.REJECTED);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("reviewComment")
                .singleResult().getValue()).isEqualTo("假票 🚫 𠮷");
    }

    @Test
    void twentyConcurrentRetriesWithOneIdempotencyKeyRegisterOneRequestOnMySql() throws Exception {
        Customer customer = data.customer(MemberTier.NONE);
        TicketCategory category = data.category(data.show(data.event(), Duration.ofDays(9)), TicketType.STANDARD, "280.00", 10);
        OrderDetails order = data.order(customer, category, 1);
        Map<String, Object> body = Map.of("orderId", order.order().id(), "ticketIds", List.of(order.tickets().get(0).id()),
                "type", "REFUND", "reason", "CUSTOMER_CHOICE");
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setBasicAuth("admin", "Tick3t-Ops!Strong");
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        headers.add("Idempotency-Key", "mysql-burst-" + System.nanoTime());
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<org.springframework.http.ResponseEntity<String>>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return rest.postForEntity("/api/refund-requests", new org.springframework.http.HttpEntity<>(body, headers),
                        String.class);
            }));
        }
        start.countDown();
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (var result : results) {
            var response = result.get();
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
            ids.add(new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.getBody()).path("id").asText());
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(refunds.list(null, customer.id(), new org.ticketops.web.PageRequest(0, 10)).totalItems()).isEqualTo(1);
    }

    @Test
    void aPaidExchangeRunsToTheEndOnMySql() {
        Customer customer = data.customer(MemberTier.NONE);
        var event = data.event();
        Show show = data.show(event, Duration.ofDays(20));
        Show other = data.show(event, Duration.ofDays(30));
        TicketCategory category = data.category(show, TicketType.STANDARD, "300.00", 10);
        TicketCategory target = data.category(other, TicketType.VIP, "500.00", 10);
        OrderDetails order = data.order(customer, category, 1);
        RefundRequestDetails opened = registration.open(new NewRefundRequest(order.order().id(),
                List.of(order.tickets().get(0).id()), RefundRequestType.EXCHANGE, RefundReason.CUSTOMER_CHOICE,
                target.id(), null), "mysql-test", null);
        assertThat(opened.request().status()).isEqualTo(RefundRequestStatus.AWAITING_PAYMENT);
        RefundRequestDetails done = exchanges.receivePayment(opened.request().id(), new BigDecimal("200.00"), "CARD", null, "mysql-test");
        assertThat(done.request().status()).isEqualTo(RefundRequestStatus.COMPLETED);
        assertThat(sales.orderDetails(done.request().newOrderId()).tickets()).singleElement()
                .satisfies(t -> assertThat(t.categoryId()).isEqualTo(target.id()));
    }

    @Test
    void aRestartWithNothingChangedDeploysNoNewVersion() {
        long definitions = repository.createProcessDefinitionQuery().processDefinitionKey(RefundService.PROCESS_KEY).count();
        long deployments = repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).count();
        deployer.deploy();
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(RefundService.PROCESS_KEY).count())
                .isEqualTo(definitions);
        assertThat(repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME).count())
                .isEqualTo(deployments);
    }
}
