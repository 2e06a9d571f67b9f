package org.ticketops.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.billing.BillingService;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.customer.CustomerType;
import org.ticketops.customer.MemberTier;
import org.ticketops.decision.Scenarios.Scenario;
import org.ticketops.support.Api;
import org.ticketops.support.ScenarioOverHttp;
import org.ticketops.support.ShippedTable;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** The credit-tier table over HTTP, and a customer's credit derived from their own records. */
@TicketOpsTest
class CreditApiTest {

    private static final String PATH = "/api/decisions/credit-tiers/evaluate";
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    CustomerService customers;
    @Autowired
    BillingService billing;
    @Autowired
    Clock clock;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    static List<Scenario> scenarios() {
        return ShippedTable.scenarios(new CreditTierTable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void answersEveryScenarioOverHttp(Scenario scenario) {
        ScenarioOverHttp.check(api, "sam", PATH, scenario, "credit-tiers");
    }

    @Test
    void refusesBadInputNamingTheField() {
        api.post("sam", PATH, valid(Map.of("chargebacks12m", -1))).isProblem(400, "chargebacks12m");
        api.post("sam", PATH, valid(Map.of("customerType", "GOVERNMENT"))).isProblem(400, "customerType");
        api.post("sam", PATH, valid(Map.of("spend12m", "-5.00"))).isProblem(400, "spend12m");
        api.post("sam", PATH, valid(Map.of("spend12m", "1.005"))).isProblem(400, "spend12m");
        api.post("sam", PATH, valid(Map.of("monthsAsCustomer", "many"))).isProblem(400, "monthsAsCustomer");
        api.post("sam", PATH, "{\"customerType\":\"INDIVIDUAL\"}")
                .isProblem(400, "chargebacks12m", "overdueInvoices", "maxDaysOverdue12m", "refunds90d", "monthsAsCustomer", "spend12m");
    }

    @Test
    void aNewCustomerIsTierB() {
        Customer customer = data.customer(MemberTier.NONE);
        JsonNode credit = api.get("amy", "/api/customers/" + customer.id() + "/credit").hasStatus(200).tree();
        assertThat(credit.path("inputs").path("monthsAsCustomer").asInt()).isZero();
        assertThat(credit.path("inputs").path("spend12m").asText()).isEqualTo("0.00");
        assertThat(credit.path("decision").path("tier").asText()).isEqualTo("B");
        assertThat(credit.path("decision").path("maxTicketsPerOrder").asInt()).isEqualTo(10);
        assertThat(credit.path("decision").path("tableVersion").path("table").asText()).isEqualTo("credit-tiers");
    }

    @Test
    void aLoyalCorporateBigSpenderIsTierA() {
        Instant now = clock.instant();
        Customer customer = customers.register(TestData.unique("Corp"), null, TestData.unique("corp").replace(" ", "") + "@example.cn", MemberTier.GOLD, null,
                CustomerType.CORPORATE, now.minus(Duration.ofDays(500)));
        TicketCategory vip = data.category(data.show(data.event(), Duration.ofDays(30)), TicketType.VIP, "2500.00", 20);
        data.order(customer, vip, 9, now.minus(Duration.ofDays(100)));
        billing.issueInvoice(customer.id(), null, new BigDecimal("22500.00"), now.minus(Duration.ofDays(100)),
                now.minus(Duration.ofDays(70)), now.minus(Duration.ofDays(71)));
        JsonNode credit = api.get("amy", "/api/customers/" + customer.id() + "/credit").hasStatus(200).tree();
        assertThat(credit.path("inputs").path("spend12m").asText()).isEqualTo("22500.00");
        assertThat(credit.path("inputs").path("monthsAsCustomer").asInt()).isEqualTo(16);
        assertThat(credit.path("inputs").path("maxDaysOverdue12m").asInt()).isZero();
        assertThat(credit.path("decision").path("tier").asText()).isEqualTo("A");
        assertThat(credit.path("decision").path("maxTicketsPerOrder").asInt()).isEqualTo(200);
        assertThat(credit.path("decision").path("paymentTermDays").asInt()).isEqualTo(30);
    }

    @Test
    void overdueInvoicesLatePaymentsAndChargebacksLowerTheTier() {
        Instant now = clock.instant();
        Customer late = data.customer(MemberTier.SILVER, CustomerType.AGENCY);
        billing.issueInvoice(late.id(), null, new BigDecimal("900.00"), now.minus(Duration.ofDays(40)),
                now.minus(Duration.ofDays(5)), null);
        JsonNode c = api.get("amy", "/api/customers/" + late.id() + "/credit").tree();
        assertThat(c.path("inputs").path("overdueInvoices").asInt()).isEqualTo(1);
        assertThat(c.path("inputs").path("maxDaysOverdue12m").asInt()).isEqualTo(5);
        assertThat(c.path("decision").path("tier").asText()).isEqualTo("C");
        assertThat(c.path("decision").path("refundsNeedReview").asBoolean()).isTrue();

        Customer veryLate = data.customer(MemberTier.NONE, CustomerType.CORPORATE);
        billing.issueInvoice(veryLate.id(), null, new BigDecimal("100.00"), now.minus(Duration.ofDays(200)),
                now.minus(Duration.ofDays(150)), now.minus(Duration.ofDays(55)));
        JsonNode d = api.get("amy", "/api/customers/" + veryLate.id() + "/credit").tree();
        assertThat(d.path("inputs").path("overdueInvoices").asInt()).isZero();
        assertThat(d.path("inputs").path("maxDaysOverdue12m").asInt()).isEqualTo(95);
        assertThat(d.path("decision").path("tier").asText()).isEqualTo("D");
        assertThat(d.path("decision").path("depositRequired").asBoolean()).isTrue();

        Customer disputes = data.customer(MemberTier.GOLD);
        billing.recordChargeback(disputes.id(), null, new BigDecimal("50.00"), "disputed", now.minus(Duration.ofDays(400)));
        assertThat(api.get("amy", "/api/customers/" + disputes.id() + "/credit").tree().path("inputs")
                .path("chargebacks12m").asInt()).as("a chargeback older than a year does not count").isZero();
        billing.recordChargeback(disputes.id(), null, new BigDecimal("50.00"), "disputed", now.minus(Duration.ofDays(20)));
        billing.recordChargeback(disputes.id(), null, new BigDecimal("70.00"), "disputed", now.minus(Duration.ofDays(10)));
        JsonNode e = api.get("amy", "/api/customers/" + disputes.id() + "/credit").tree();
        assertThat(e.path("inputs").path("chargebacks12m").asInt()).isEqualTo(2);
        assertThat(e.path("decision").path("tier").asText()).isEqualTo("D");
    }

    @Test
    void creditIsForStaffOnlyAndAnUnknownCustomerIs404() {
        Customer customer = data.customer(MemberTier.NONE);
        api.get("hanna", "/api/customers/" + customer.id() + "/credit").isProblem(403);
        api.get("amy", "/api/customers/987654321/credit").isProblem(404);
    }

    private static Map<String, Object> valid(Map<String, Object> overrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerType", "INDIVIDUAL");
        body.put("chargebacks12m", 0);
        body.put("overdueInvoices", 0);
        body.put("maxDaysOverdue12m", 0);
        body.put("refunds90d", 0);
        body.put("monthsAsCustomer", 12);
        body.put("spend12m", "100.00");
        body.putAll(overrides);
        return body;
    }
}
