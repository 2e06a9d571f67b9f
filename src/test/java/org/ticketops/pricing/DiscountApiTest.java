package org.ticketops.pricing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.decision.Scenarios.Scenario;
import org.ticketops.support.Api;
import org.ticketops.support.ScenarioOverHttp;
import org.ticketops.support.ShippedTable;
import org.ticketops.support.TicketOpsTest;

/** The discount-eligibility table over HTTP, for every row and boundary, and its refusals. */
@TicketOpsTest
class DiscountApiTest {

    private static final String PATH = "/api/decisions/discount-eligibility/evaluate";
    @Autowired
    TestRestTemplate rest;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    static List<Scenario> scenarios() {
        return ShippedTable.scenarios(new DiscountTable());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void answersEveryScenarioOverHttp(Scenario scenario) {
        ScenarioOverHttp.check(api, "sam", PATH, scenario, "discount-eligibility");
    }

    @Test
    void refusesBadInputNamingTheField() {
        api.post("sam", PATH, valid(Map.of("quantity", 0))).isProblem(400, "quantity");
        api.post("sam", PATH, valid(Map.of("daysBeforeShow", -1))).isProblem(400, "daysBeforeShow");
        api.post("sam", PATH, valid(Map.of("creditTier", "E"))).isProblem(400, "creditTier");
        api.post("sam", PATH, valid(Map.of("birthdayMonth", "maybe"))).isProblem(400, "birthdayMonth");
        api.post("sam", PATH, "{\"memberTier\":\"GOLD\"}")
                .isProblem(400, "ticketType", "creditTier", "quantity", "daysBeforeShow", "birthdayMonth");
        api.post(null, PATH, valid(Map.of())).isProblem(401);
    }

    private static Map<String, Object> valid(Map<String, Object> overrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberTier", "GOLD");
        body.put("ticketType", "STANDARD");
        body.put("creditTier", "B");
        body.put("quantity", 2);
        body.put("daysBeforeShow", 10);
        body.put("birthdayMonth", false);
        body.putAll(overrides);
        return body;
    }
}
