package org.ticketops.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.support.Api;
import org.ticketops.support.TicketOpsTest;

@TicketOpsTest
class SecurityTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    org.ticketops.refund.RefundRegistration refunds;
    @Autowired
    org.ticketops.support.TestData data;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @Test
    void theApiNeedsALogInAndSaysSoAsAProblem() {
        var response = api.get(null, "/api/orders").isProblem(401);
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        // A wrong password is refused; Camunda also slows down further attempts for that user,
        // so this uses a user of its own rather than one that other tests log in as.
        String user = "target" + System.nanoTime();
        User target = identity.newUser(user);
        target.setPassword("Right-Pass-2026!"); // users outside the demo meet the password policy
        identity.saveUser(target);
        identity.createMembership(user, "customer-service");
        assertThat(rest.withBasicAuth(user, "Right-Pass-2026!").getForEntity("/api/orders", String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(rest.withBasicAuth(user, "wrong").getForEntity("/api/orders", String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(rest.withBasicAuth(user, "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void aUserOutsideTheNeededGroupsGets403() {
        api.get("hanna", "/api/orders").isProblem(403);
        api.get("amy", "/actuator/prometheus").isProblem(403);
    }

    @Test
    void healthIsOpenWithDatabaseAndEngine() {
        var health = api.get(null, "/actuator/health").hasStatus(200).tree();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.path("components").has("db")).isTrue();
        assertThat(health.path("components").has("processEngine")).isTrue();
    }

    @Test
    void onlyAdministratorsReadTheActuatorBeyondHealth() {
        var response = api.get("demo", "/actuator/prometheus").hasStatus(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
        for (String user : java.util.List.of("olivia", "gary", "fiona", "amy")) {
            api.get(user, "/actuator/prometheus").isProblem(403);
            api.get(user, "/actuator/env").isProblem(403);
        }
        api.get(null, "/actuator/prometheus").isProblem(401);
    }

    @Test
    void theOpenApiDescriptionCoversTheApiBehindALogIn() {
        api.get(null, "/v3/api-docs").hasStatus(401);
        var docs = api.get("amy", "/v3/api-docs").hasStatus(200).tree();
        assertThat(docs.path("paths").has("/api/decisions/refund-fees/evaluate")).isTrue();
        assertThat(docs.path("paths").has("/api/orders/{id}")).isTrue();
    }

    @Test
    void theEngineRestApiUsesCamundaIdentityAndAuthorizations() {
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth("demo", "demo").getForEntity("/engine-rest/process-definition/count", String.class)
                .getStatusCode().value()).isEqualTo(200);
        // hanna (hr) may log in but is granted nothing on deployments
        assertThat(rest.withBasicAuth("hanna", "hanna").getForObject("/engine-rest/deployment/count", String.class))
                .contains("\"count\":0");
    }

    @Test
    void eachGroupStartsOnlyItsOwnProcessesInTasklist() {
        String startable = "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true&startablePermissionCheck=true";
        assertThat(rest.withBasicAuth("amy", "amy").getForObject(startable, String.class)).contains("\"key\":\"refundExchange\"");
        assertThat(rest.withBasicAuth("sam", "sam").getForObject(startable, String.class)).contains("\"key\":\"refundExchange\"");
        assertThat(rest.withBasicAuth("fiona", "fiona").getForObject(startable, String.class)).doesNotContain("refundExchange");
        assertThat(rest.withBasicAuth("hanna", "hanna").getForObject(startable, String.class)).doesNotContain("refundExchange");
    }

    @Test
    void eachGroupSeesOnlyItsOwnTasks() {
        var category = data.category(data.show(data.event(), java.time.Duration.ofDays(12)),
                org.ticketops.catalog.TicketType.STANDARD, "300.00", 5);
        var order = data.order(data.customer(org.ticketops.customer.MemberTier.NONE), category, 1);
        String pi = refunds.open(new org.ticketops.refund.NewRefundRequest(order.order().id(),
                        List.of(order.tickets().get(0).id()), org.ticketops.refund.RefundRequestType.REFUND,
                        org.ticketops.refund.RefundReason.TICKET_DEFECT, null, null), "amy", null)
                .request().processInstanceId();
        String tasks = "/engine-rest/task?processInstanceId=" + pi;
        assertThat(rest.withBasicAuth("amy", "amy").getForObject(tasks, String.class)).contains("reviewRefund");
        assertThat(rest.withBasicAuth("carl", "carl").getForObject(tasks, String.class)).contains("reviewRefund");
        assertThat(rest.withBasicAuth("fiona", "fiona").getForObject(tasks, String.class)).isEqualTo("[]");
        assertThat(rest.withBasicAuth("paul", "paul").getForObject(tasks, String.class)).isEqualTo("[]");
    }

    @Test
    void tasklistIsServed() {
        var response = rest.getForEntity("/camunda/app/tasklist/", String.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).contains("Tasklist");
    }
}
