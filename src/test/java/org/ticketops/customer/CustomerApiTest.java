package org.ticketops.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

@TicketOpsTest
class CustomerApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    private java.util.Map<String, Object> newCustomer(String name, String phone, String email) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", name);
        body.put("phone", phone);
        body.put("email", email);
        body.put("memberTier", "SILVER");
        body.put("customerType", "INDIVIDUAL");
        body.put("birthday", "1991-02-03");
        body.put("consentToContact", true);
        return body;
    }

    @Test
    void staffRegisterAndChangeACustomerWithThePhoneStoredAsE164AndEveryChangeAudited(
            @Autowired org.ticketops.audit.AuditTrail audit) {
        String phone = TestData.phone();
        String national = phone.substring(4); // "139 1234 5678" typed without the country code
        String email = TestData.unique("Li.Na").replace(" ", "") + "@Example.CN";
        JsonNode created = api.post("amy", "/api/customers", newCustomer("李娜 \"Nana\" 🎾", national, email))
                .hasStatus(201).tree();
        long id = created.path("id").asLong();
        assertThat(created.path("name").asText()).isEqualTo("李娜 \"Nana\" 🎾");
        assertThat(created.path("phone").asText()).isEqualTo(phone.replace(" ", ""));
        assertThat(created.path("email").asText()).isEqualTo(email.toLowerCase(java.util.Locale.ROOT));
        assertThat(created.path("consentToContact").asBoolean()).isTrue();
        assertThat(created.path("active").asBoolean()).isTrue();
        // found by the phone as a clerk types it
        assertThat(api.get("sam", "/api/customers?query=" + national).hasStatus(200).tree()
                .path("items").findValuesAsText("id")).containsExactly(String.valueOf(id));

        JsonNode changed = api.patch("sam", "/api/customers/" + id, java.util.Map.of("memberTier", "GOLD", "email", ""))
                .hasStatus(200).tree();
        assertThat(changed.path("memberTier").asText()).isEqualTo("GOLD");
        assertThat(changed.path("email").isNull()).isTrue();
        assertThat(changed.path("name").asText()).isEqualTo("李娜 \"Nana\" 🎾");
        assertThat(audit.of(CustomerService.SUBJECT, id)).extracting(e -> e.action() + " by " + e.actor())
                .containsExactly("CUSTOMER_CREATED by amy", "CUSTOMER_CHANGED by sam");
        assertThat(audit.of(CustomerService.SUBJECT, id).get(1).detail())
                .isEqualTo("email: " + email.toLowerCase(java.util.Locale.ROOT) + " → –; memberTier: SILVER → GOLD");
    }

    @Test
    void aPhoneOrEmailOfAnotherActiveCustomerIsRefusedNamingThem(@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        Customer first = data.customer(MemberTier.NONE);
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM to_customers", Long.class);
        JsonNode samePhone = api.post("amy", "/api/customers", newCustomer("Other", first.phone(), null)).isProblem(409).tree();
        assertThat(samePhone.path("code").asText()).isEqualTo("CUSTOMER_EXISTS");
        assertThat(samePhone.path("field").asText()).isEqualTo("phone");
        assertThat(samePhone.path("existingCustomerId").asLong()).isEqualTo(first.id());
        JsonNode sameEmail = api.post("amy", "/api/customers", newCustomer("Other", null, first.email().toUpperCase()))
                .isProblem(409).tree();
        assertThat(sameEmail.path("field").asText()).isEqualTo("email");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_customers", Long.class)).isEqualTo(before);

        // once the first record is retired, its phone and e-mail are free again
        api.patch("amy", "/api/customers/" + first.id(), java.util.Map.of("active", false)).hasStatus(200);
        JsonNode again = api.post("amy", "/api/customers", newCustomer("Successor", first.phone(), first.email()))
                .hasStatus(201).tree();
        // and the retired one can't come back while another has them
        assertThat(api.patch("amy", "/api/customers/" + first.id(), java.util.Map.of("active", true)).isProblem(409)
                .tree().path("existingCustomerId").asLong()).isEqualTo(again.path("id").asLong());
    }

    @Test
    void badCustomerInputIsRefusedNamingTheField(@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) {
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM to_customers", Long.class);
        api.post("amy", "/api/customers", newCustomer("X", "12", null)).isProblem(400, "phone");
        api.post("amy", "/api/customers", newCustomer("X", null, "not-an-address")).isProblem(400, "email");
        api.post("amy", "/api/customers", newCustomer("", null, null)).isProblem(400, "name");
        var tier = newCustomer("X", null, null);
        tier.put("memberTier", "DIAMOND");
        api.post("amy", "/api/customers", tier).isProblem(400, "memberTier");
        var future = newCustomer("X", null, null);
        future.put("birthday", "2999-01-01");
        api.post("amy", "/api/customers", future).isProblem(400, "birthday");
        api.post("fiona", "/api/customers", newCustomer("X", null, null)).isProblem(403);
        api.patch("amy", "/api/customers/99999999", java.util.Map.of("name", "X")).isProblem(404);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_customers", Long.class)).isEqualTo(before);
    }

    @Test
    void showsACustomer() {
        Customer customer = data.customer(MemberTier.PLATINUM, CustomerType.CORPORATE);
        JsonNode body = api.get("amy", "/api/customers/" + customer.id()).hasStatus(200).tree();
        assertThat(body.path("name").asText()).isEqualTo(customer.name());
        assertThat(body.path("memberTier").asText()).isEqualTo("PLATINUM");
        assertThat(body.path("customerType").asText()).isEqualTo("CORPORATE");
        assertThat(body.path("birthday").asText()).isEqualTo("1990-05-17");
        assertThat(body.path("createdAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+08:00");
    }

    @Test
    void findsCustomersByAPartOfTheirName() {
        Customer customer = data.customer(MemberTier.SILVER);
        String part = customer.name().substring(customer.name().length() - 8);
        JsonNode page = api.get("amy", "/api/customers?q=" + part).hasStatus(200).tree();
        assertThat(page.path("totalItems").asInt()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("id").asLong()).isEqualTo(customer.id());
    }

    @Test
    void refusesAnOutOfRangePageSize() {
        api.get("amy", "/api/customers?size=0").isProblem(400, "size");
        api.get("amy", "/api/customers?page=-1").isProblem(400, "page");
    }

    @Test
    void unknownCustomerIsA404() {
        api.get("amy", "/api/customers/99999999").isProblem(404);
    }

    @Test
    void customersArePersonalDataOutsideHrAndProcurement() {
        api.get("hanna", "/api/customers").isProblem(403);
        api.get("paul", "/api/customers").isProblem(403);
        api.get("fiona", "/api/customers").hasStatus(200);
    }
}
