package org.ticketops.refund;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.ticketops.decision.Scenarios;
import org.ticketops.decision.Scenarios.Scenario;
import org.ticketops.support.Api;
import org.ticketops.support.TicketOpsTest;

/** POST /api/decisions/refund-fees/evaluate answers as the table says, for every row and boundary, and refuses bad input. */
@TicketOpsTest
class RefundFeeApiTest {

    private static final String PATH = "/api/decisions/refund-fees/evaluate";
    @Autowired
    TestRestTemplate rest;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    static List<Scenario> scenarios() throws IOException {
        return Scenarios.parse(new RefundFeeTable(), Files.readString(Path.of("rules/refund-fees.scenarios.csv")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void answersEveryScenarioOverHttp(Scenario scenario) {
        Map<String, Object> body = new LinkedHashMap<>(scenario.input());
        body.put("hoursBeforeShow", Integer.parseInt(scenario.input().get("hoursBeforeShow")));
        JsonNode answer = api.post("amy", PATH, body).hasStatus(200).tree();
        scenario.expected().forEach((field, expected) ->
                assertThat(answer.path(field).isNull() ? "" : answer.path(field).asText())
                        .as("%s of %s", field, scenario).isEqualTo(expected));
        assertThat(answer.path("tableVersion").path("table").asText()).isEqualTo("refund-fees");
        assertThat(answer.path("tableVersion").path("version").asInt()).isPositive();
        assertThat(answer.path("tableVersion").path("contentHash").asText()).hasSize(64);
    }

    @Test
    void moneyComesBackAsStringsWithTwoDecimals() {
        JsonNode answer = api.post("amy", PATH, valid(Map.of("ticketPrice", "480"))).hasStatus(200).tree();
        assertThat(answer.path("fee").isTextual()).isTrue();
        assertThat(answer.path("fee").asText()).isEqualTo("96.00");
        assertThat(answer.path("refundAmount").asText()).isEqualTo("384.00");
        assertThat(answer.path("feePercent").isInt()).isTrue();
    }

    @Test
    void refusesAnUnknownEnumValueNamingTheField() {
        var response = api.post("amy", PATH, valid(Map.of("memberTier", "DIAMOND"))).isProblem(400, "memberTier");
        assertThat(response.tree().path("errors").get(0).path("message").asText()).contains("PLATINUM");
    }

    @Test
    void refusesMissingFieldsNamingEach() {
        api.post("amy", PATH, "{\"requestType\":\"REFUND\"}")
                .isProblem(400, "reason", "hoursBeforeShow", "ticketType", "memberTier", "ticketPrice");
    }

    @Test
    void refusesANegativePrice() {
        api.post("amy", PATH, valid(Map.of("ticketPrice", "-0.01"))).isProblem(400, "ticketPrice");
    }

    @Test
    void refusesMoreThanTwoDecimals() {
        api.post("amy", PATH, valid(Map.of("ticketPrice", "10.001"))).isProblem(400, "ticketPrice");
    }

    @Test
    void refusesAFractionOfAnHourAndWrongTypes() {
        api.post("amy", PATH, valid(Map.of("hoursBeforeShow", 1.5))).isProblem(400, "hoursBeforeShow");
        api.post("amy", PATH, valid(Map.of("ticketPrice", "cheap"))).isProblem(400, "ticketPrice");
    }

    @Test
    void refusesUnknownFieldsAndMalformedJson() {
        api.post("amy", PATH, valid(Map.of("ticketPrise", "10.00"))).isProblem(400, "ticketPrise");
        var malformed = api.post("amy", PATH, "{\"requestType\": ").isProblem(400);
        assertThat(malformed.code()).isEqualTo("MALFORMED_JSON");
    }

    @Test
    void needsALogIn() {
        api.post(null, PATH, valid(Map.of())).isProblem(401);
    }

    private static Map<String, Object> valid(Map<String, Object> overrides) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestType", "REFUND");
        body.put("reason", "CUSTOMER_CHOICE");
        body.put("hoursBeforeShow", 100);
        body.put("ticketType", "STANDARD");
        body.put("memberTier", "NONE");
        body.put("ticketPrice", "480.00");
        body.putAll(overrides);
        return body;
    }
}
