package org.ticketops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * Hostile input over HTTP: bodies of 1 and 10 MiB, JSON nested thousands deep, bytes that are not UTF-8, SQL and
 * script in every text field, forged survey tokens, broken and oversized workbooks. Each is refused with a problem
 * detail (or 413) and leaves no row behind; valid text comes back byte for byte.
 */
@TicketOpsTest
class HostileInputTest {

    private static final String[] TABLES = {"to_complaints", "to_customers", "to_events", "to_decision_table_versions",
            "to_decision_table_drafts", "to_settlement_files", "to_stocktakes", "to_performance_cycles"};

    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestData data;

    @Test
    void hostileBodiesAreRefusedAndLeaveNothingBehind() {
        Customer customer = data.customer(MemberTier.NONE);
        Map<String, Long> before = counts();
        String huge = "x".repeat(1 << 20);
        String body = "{\"customerId\": " + customer.id() + ", \"channel\": \"PHONE\", \"category\": \"OTHER\", \"severity\": \"LOW\","
                + " \"description\": \"" + huge + "\"}";
        assertProblem(raw("amy", HttpMethod.POST, "/api/complaints", body.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
        String tenMiB = "{\"name\": \"" + "y".repeat(10 << 20) + "\", \"kind\": \"OTHER\"}";
        assertProblem(raw("olivia", HttpMethod.POST, "/api/events", tenMiB.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
        String nested = "{\"name\": " + "[".repeat(5000) + "]".repeat(5000) + ", \"kind\": \"OTHER\"}";
        assertProblem(raw("olivia", HttpMethod.POST, "/api/events", nested.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
        byte[] notUtf8 = "{\"name\": \"caf\u00e9\", \"kind\": \"OTHER\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(raw("olivia", HttpMethod.POST, "/api/events", notUtf8, MediaType.APPLICATION_JSON));
        assertProblem(raw("hanna", HttpMethod.POST, "/api/performance/cycles", "{\"period\": {\"$ne\": 1}}"
                .getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
        assertProblem(raw("olivia", HttpMethod.POST, "/api/stocktakes", "{\"scope\": \"SHOW' OR '1'='1\"}"
                .getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
        assertProblem(raw("fiona", HttpMethod.POST, "/api/settlements", ("reference,amount,fee,value_date\n'; DROP TABLE to_payments; --"
                + ",1.00,0.00,2020-01-01\n").getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv")));
        // workbooks: broken bytes, and one over the upload limit
        assertProblem(upload("/api/decision-tables/refund-fees/versions", "refund-fees.xlsx", "PK\u0003\u0004 not a workbook".getBytes()));
        try {
            ResponseEntity<String> oversized = uploadRaw("/api/decision-tables/refund-fees/versions", "refund-fees.xlsx",
                    new byte[7 << 20]);
            assertThat(oversized.getStatusCode().value()).as("an oversized workbook").isIn(400, 413);
        } catch (org.springframework.web.client.ResourceAccessException cutOff) {
            // the server answered 413 and closed the connection before the client had sent the rest: refused all the same
            assertThat(cutOff.getMessage()).containsAnyOf("Broken pipe", "chunked", "Connection reset", "closed");
        }
        assertThat(counts()).isEqualTo(before);
        // a forged or malformed survey token finds nothing
        assertThat(rest.getForEntity("/survey/" + "A".repeat(43), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(rest.getForEntity("/survey/..%2F..%2Fetc%2Fpasswd", String.class).getStatusCode().value()).isIn(400, 404);
    }

    @Test
    void sqlAndScriptInTextComeBackByteForByte() {
        Customer customer = data.customer(MemberTier.NONE);
        String words = "'; DROP TABLE to_complaints; -- <script>alert(1)</script> ${7*7} #{7*7} {{7*7}} \u0000-free 座位 🎫 𠀀";
        String safe = words.replace("\u0000", "");
        JsonNode created = new Api(rest).post("amy", "/api/complaints", Map.of("customerId", customer.id(), "channel", "PHONE",
                "category", "OTHER", "severity", "LOW", "description", safe)).hasStatus(201).tree();
        String id = created.path("complaint").path("id").asText();
        assertThat(new Api(rest).get("amy", "/api/complaints/" + id).hasStatus(200).tree().path("complaint").path("description")
                .asText()).isEqualTo(safe);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_complaints", Long.class)).isPositive();
    }

    private static void assertProblem(ResponseEntity<String> response) {
        int status = response.getStatusCode().value();
        assertThat(status).as("status of %s", response.getBody() == null ? "" : response.getBody().substring(0,
                Math.min(200, response.getBody().length()))).isIn(400, 404, 409, 413, 415, 422);
        if (status != 413) {
            assertThat(response.getHeaders().getContentType()).isNotNull();
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
    }

    private ResponseEntity<String> raw(String user, HttpMethod method, String path, byte[] body, MediaType type) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(type);
        return rest.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> upload(String path, String name, byte[] content) {
        return uploadRaw(path, name, content);
    }

    private ResponseEntity<String> uploadRaw(String path, String name, byte[] content) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("olivia", "olivia");
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        form.add("comment", "hostile");
        return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }
}
