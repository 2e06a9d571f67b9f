package org.ticketops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * Issue 7, item 8: users created through {@code /engine-rest} meet the engine's password policy, and a
 * group that only starts a process reads its history but not its variables (reviewers' comments).
 */
@TicketOpsTest
class IdentityPolicyTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    RuntimeService runtime;

    @Test
    void aNewUserNeedsAPasswordThatMeetsThePolicy() {
        Api api = new Api(rest);
        String id = TestData.unique("clerk").replace(" ", "").toLowerCase();
        var weak = api.call("demo", HttpMethod.POST, "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "New", "lastName", "Clerk", "email", id + "@example.cn"),
                "credentials", Map.of("password", "password")), Map.of());
        assertThat(weak.status()).isGreaterThanOrEqualTo(400);
        assertThat(weak.body()).contains("Password does not match policy");
        assertThat(api.get("demo", "/engine-rest/user?id=" + id).hasStatus(200).tree().size()).isZero();
        api.call("demo", HttpMethod.POST, "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "New", "lastName", "Clerk", "email", id + "@example.cn"),
                "credentials", Map.of("password", "Tick3t-Ops!Strong")), Map.of()).hasStatus(204);
    }

    @Test
    void startersReadTheHistoryButNotTheVariablesWorkersDo() {
        Api api = new Api(rest);
        var category = data.category(data.show(data.event(), java.time.Duration.ofDays(20)), TicketType.VIP, "2600.00", 10);
        var order = data.order(data.customer(MemberTier.NONE), category, 1);
        JsonNode created = api.post("sam", "/api/refund-requests", Map.of("orderId", order.order().id(),
                "ticketIds", order.tickets().stream().map(t -> t.id()).toList(), "type", "REFUND",
                "reason", "CUSTOMER_CHOICE")).hasStatus(201).tree();
        String pi = created.path("processInstanceId").asText();
        assertThat(pi).isNotBlank();
        JsonNode instances = api.get("sam", "/engine-rest/history/process-instance?processInstanceId=" + pi).hasStatus(200).tree();
        assertThat(instances.size()).isEqualTo(1);
        JsonNode samSees = api.get("sam", "/engine-rest/history/variable-instance?processInstanceId=" + pi).hasStatus(200).tree();
        assertThat(samSees.size()).isZero();
        JsonNode amySees = api.get("amy", "/engine-rest/history/variable-instance?processInstanceId=" + pi).hasStatus(200).tree();
        assertThat(amySees.size()).isGreaterThan(5);
    }
}
