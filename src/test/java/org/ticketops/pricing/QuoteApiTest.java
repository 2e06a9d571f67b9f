package org.ticketops.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.billing.BillingService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.customer.CustomerType;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** POST /api/quotes across credit tiers: discounts, limits, deposits, availability and the show's date. */
@TicketOpsTest
class QuoteApiTest {

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

    @Test
    void aTierBMemberGetsTheMemberDiscount() {
        Customer customer = data.customer(MemberTier.GOLD);
        TicketCategory category = category(Duration.ofDays(20), TicketType.STANDARD, "480.00", 50);
        JsonNode quote = quote(customer, category, 3, null).hasStatus(200).tree();
        assertThat(quote.path("unitPrice").asText()).isEqualTo("480.00");
        assertThat(quote.path("subtotal").asText()).isEqualTo("1440.00");
        assertThat(quote.path("discount").path("appliedPercent").asInt()).isEqualTo(5);
        assertThat(quote.path("discount").path("appliedCodes").get(0).asText()).isEqualTo("MEMBER");
        assertThat(quote.path("discountAmount").asText()).isEqualTo("72.00");
        assertThat(quote.path("total").asText()).isEqualTo("1368.00");
        assertThat(quote.path("credit").path("decision").path("tier").asText()).isEqualTo("B");
        assertThat(quote.path("depositRequired").asBoolean()).isFalse();
        assertThat(quote.path("tableVersions").path("discount-eligibility").asInt()).isPositive();
        assertThat(quote.path("tableVersions").path("credit-tiers").asInt()).isPositive();
    }

    @Test
    void aTierACorporateBuysALargeGroupEarlyWithTheCap() {
        Instant now = clock.instant();
        Customer corp = customers.register(TestData.unique("Corp"), null, TestData.unique("c").replace(" ", "") + "@example.cn", MemberTier.PLATINUM, null,
                CustomerType.CORPORATE, now.minus(Duration.ofDays(800)));
        TicketCategory big = category(Duration.ofDays(40), TicketType.VIP, "1000.00", 100);
        data.order(corp, big, 25, now.minus(Duration.ofDays(10)));
        TicketCategory category = category(Duration.ofDays(90), TicketType.STANDARD, "333.33", 300);
        JsonNode quote = quote(corp, category, 60, null).hasStatus(200).tree();
        assertThat(quote.path("credit").path("decision").path("tier").asText()).isEqualTo("A");
        assertThat(quote.path("discount").path("eligible")).hasSize(3);
        assertThat(quote.path("discount").path("appliedPercent").asInt()).isEqualTo(25);
        assertThat(quote.path("discount").path("appliedCodes").get(0).asText()).isEqualTo("GROUP");
        assertThat(quote.path("subtotal").asText()).isEqualTo("19999.80");
        assertThat(quote.path("discountAmount").asText()).isEqualTo("4999.95");
        assertThat(quote.path("total").asText()).isEqualTo("14999.85");
    }

    @Test
    void aBirthdayAndAnEarlyBirdDependOnTheQuotesMoment() {
        LocalDate birthday = LocalDate.of(1991, 3, 9);
        Customer customer = customers.register(TestData.unique("Birthday"), null, TestData.unique("b").replace(" ", "") + "@example.cn", MemberTier.SILVER,
                birthday, CustomerType.INDIVIDUAL);
        TicketCategory category = category(Duration.ofDays(400), TicketType.STANDARD, "200.00", 10);
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        OffsetDateTime inMarch = OffsetDateTime.now(zone).withMonth(3).withDayOfMonth(1).withHour(12);
        if (!inMarch.toInstant().isAfter(clock.instant())) {
            inMarch = inMarch.plusYears(1);
        }
        Show show = catalogShowOf(category);
        OffsetDateTime notMarch = inMarch.withMonth(4);
        JsonNode birthdayQuote = quote(customer, category, 2, inMarch).hasStatus(200).tree();
        long daysToShow = Duration.between(inMarch.toInstant(), show.startsAt()).toDays();
        assertThat(birthdayQuote.path("discount").path("eligible").findValuesAsText("code")).contains("BIRTHDAY");
        assertThat(birthdayQuote.path("discount").path("appliedPercent").asInt()).isEqualTo(daysToShow >= 60 ? 17 : 12);
        JsonNode other = quote(customer, category, 2, notMarch).hasStatus(200).tree();
        assertThat(other.path("discount").path("eligible").findValuesAsText("code")).doesNotContain("BIRTHDAY");
    }

    @Test
    void aTierCCustomerIsLimitedToFourTickets() {
        Customer customer = data.customer(MemberTier.NONE, CustomerType.AGENCY);
        billing.issueInvoice(customer.id(), null, new BigDecimal("500.00"), clock.instant().minus(Duration.ofDays(40)),
                clock.instant().minus(Duration.ofDays(3)), null);
        TicketCategory category = category(Duration.ofDays(20), TicketType.STANDARD, "100.00", 50);
        var refused = quote(customer, category, 5, null).isProblem(422);
        assertThat(refused.code()).isEqualTo("CREDIT_LIMIT_TICKETS");
        assertThat(refused.tree().path("limit").asInt()).isEqualTo(4);
        assertThat(refused.tree().path("creditTier").asText()).isEqualTo("C");
        assertThat(quote(customer, category, 4, null).hasStatus(200).tree().path("total").asText()).isEqualTo("400.00");
    }

    @Test
    void aTierDCustomerMustPayADepositAndGetsNoDiscount() {
        Customer customer = data.customer(MemberTier.PLATINUM);
        billing.recordChargeback(customer.id(), null, new BigDecimal("10.00"), "x", clock.instant().minus(Duration.ofDays(3)));
        billing.recordChargeback(customer.id(), null, new BigDecimal("10.00"), "y", clock.instant().minus(Duration.ofDays(2)));
        TicketCategory category = category(Duration.ofDays(100), TicketType.VIP, "999.99", 10);
        JsonNode quote = quote(customer, category, 2, null).hasStatus(200).tree();
        assertThat(quote.path("credit").path("decision").path("tier").asText()).isEqualTo("D");
        assertThat(quote.path("depositRequired").asBoolean()).isTrue();
        assertThat(quote.path("discount").path("eligible")).isEmpty();
        assertThat(quote.path("discount").path("appliedPercent").asInt()).isZero();
        assertThat(quote.path("total").asText()).isEqualTo("1999.98");
        assertThat(quote(customer, category, 3, null).isProblem(422).tree().path("limit").asInt()).isEqualTo(2);
    }

    @Test
    void refusesMoreThanAvailableAndPastShows() {
        Customer customer = data.customer(MemberTier.NONE);
        TicketCategory few = category(Duration.ofDays(20), TicketType.STANDARD, "100.00", 3);
        assertThat(quote(customer, few, 4, null).isProblem(409).code()).isEqualTo("NOT_ENOUGH_TICKETS");
        TicketCategory past = category(Duration.ofDays(-2), TicketType.STANDARD, "100.00", 30);
        assertThat(quote(customer, past, 1, null).isProblem(422).code()).isEqualTo("SHOW_IN_PAST");
        OffsetDateTime afterTheShow = OffsetDateTime.now().plusDays(25);
        assertThat(quote(customer, few, 1, afterTheShow).isProblem(422).code()).isEqualTo("SHOW_IN_PAST");
    }

    @Test
    void refusesBadInputAndStaffOutsideSales() {
        Customer customer = data.customer(MemberTier.NONE);
        TicketCategory category = category(Duration.ofDays(20), TicketType.STANDARD, "100.00", 30);
        api.post("sam", "/api/quotes", Map.of("customerId", customer.id(), "categoryId", category.id(), "quantity", 0))
                .isProblem(400, "quantity");
        api.post("sam", "/api/quotes", Map.of("customerId", customer.id(), "categoryId", category.id(), "quantity", 1,
                "at", "tomorrow")).isProblem(400, "at");
        api.post("sam", "/api/quotes", Map.of("categoryId", category.id(), "quantity", 1)).isProblem(400, "customerId");
        api.post("sam", "/api/quotes", Map.of("customerId", 987654321, "categoryId", category.id(), "quantity", 1)).isProblem(404);
        api.post("amy", "/api/quotes", Map.of("customerId", customer.id(), "categoryId", category.id(), "quantity", 1))
                .isProblem(403);
    }

    private TicketCategory category(Duration until, TicketType type, String price, int capacity) {
        return data.category(data.show(data.event(), until), type, price, capacity);
    }

    @Autowired
    org.ticketops.catalog.CatalogService catalog;

    private Show catalogShowOf(TicketCategory category) {
        return catalog.show(category.showId());
    }

    private Api.Response quote(Customer customer, TicketCategory category, int quantity, OffsetDateTime at) {
        Map<String, Object> body = new HashMap<>();
        body.put("customerId", customer.id());
        body.put("categoryId", category.id());
        body.put("quantity", quantity);
        if (at != null) {
            body.put("at", at.toString());
        }
        return api.post("sam", "/api/quotes", body);
    }
}
