package org.ticketops.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Calls the real HTTP API as a given user and reads answers as JSON trees. */
public final class Api {

    private final TestRestTemplate rest;
    private final ObjectMapper json = new ObjectMapper();

    public Api(TestRestTemplate rest) {
        this.rest = rest;
    }

    public Response get(String user, String path) {
        return call(user, HttpMethod.GET, path, null, Map.of());
    }

    public Response post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body, Map.of());
    }

    public Response post(String user, String path, Object body, Map<String, String> headers) {
        return call(user, HttpMethod.POST, path, body, headers);
    }

    public Response patch(String user, String path, Object body) {
        return call(user, HttpMethod.PATCH, path, body, Map.of());
    }

    public Response call(String user, HttpMethod method, String path, Object body, Map<String, String> headers) {
        HttpHeaders httpHeaders = new HttpHeaders();
        if (user != null) {
            httpHeaders.setBasicAuth(user, user);
        }
        headers.forEach(httpHeaders::set);
        String payload = null;
        if (body instanceof String s) {
            payload = s;
            httpHeaders.setContentType(MediaType.APPLICATION_JSON);
        } else if (body != null) {
            try {
                payload = json.writeValueAsString(body);
            } catch (Exception e) {
                throw new IllegalArgumentException(e);
            }
            httpHeaders.setContentType(MediaType.APPLICATION_JSON);
        }
        ResponseEntity<String> response = rest.exchange(path, method, new HttpEntity<>(payload, httpHeaders), String.class);
        return new Response(response.getStatusCode().value(), response.getHeaders(), response.getBody(), json);
    }

    public record Response(int status, HttpHeaders headers, String body, ObjectMapper json) {

        public JsonNode tree() {
            try {
                return json.readTree(body == null ? "null" : body);
            } catch (Exception e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        public Response hasStatus(int expected) {
            assertThat(status).as("status of a response with body %s", body).isEqualTo(expected);
            return this;
        }

        /** Asserts RFC 9457 problem details with this status, naming these fields in {@code errors}. */
        public Response isProblem(int expected, String... fields) {
            hasStatus(expected);
            assertThat(headers.getContentType()).as("content type").isNotNull();
            assertThat(headers.getContentType().toString()).startsWith("application/problem+json");
            JsonNode problem = tree();
            assertThat(problem.path("type").asText()).isNotBlank();
            assertThat(problem.path("title").asText()).isNotBlank();
            assertThat(problem.path("status").asInt()).isEqualTo(expected);
            assertThat(problem.path("detail").asText()).isNotBlank();
            if (fields.length > 0) {
                List<String> named = problem.path("errors").findValuesAsText("field");
                assertThat(named).as("fields named by %s", body).contains(fields);
            }
            return this;
        }

        public String code() {
            return tree().path("code").asText();
        }
    }
}
