package org.ticketops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.ticketops.identity.DemoUsers;
import org.ticketops.support.TicketOpsTest;

/**
 * Every {@code /api/**} endpoint, called as each demo user and anonymously, against the group rules written out here
 * (independently of the security configuration): anonymous 401, a user outside the groups 403, a user inside them
 * anything but 401 or 403. An endpoint that no rule names fails the test, so a new endpoint must be given its rule.
 */
@TicketOpsTest
class AccessMatrixTest {

    private static final String CS = "customer-service", TS = "ticket-sales", FIN = "finance", PROC = "procurement",
            OPS = "operations-manager", GM = "general-manager", HR = "hr";
    private static final Set<String> ANYONE = Set.of("*");
    private static final Set<String> STAFF = Set.of(CS, TS, FIN, OPS, GM);

    /** The group rules, first match wins: method (or * for any), path pattern, groups (camunda-admin always may). */
    private static final List<Object[]> RULES = List.of(
            rule("POST", "/api/decisions/*/evaluate", ANYONE),
            rule("GET", "/api/cases/started/*", ANYONE), // the controller: only the case's opener (404 for anyone else)
            rule("GET", "/api/decision-tables/**", Set.of(FIN, OPS, GM)),
            rule("*", "/api/decision-tables/**", Set.of(OPS, GM)),
            rule("GET", "/api/shows/**", ANYONE),
            rule("POST", "/api/shows/*/presales", Set.of(OPS, GM)),
            rule("POST", "/api/events/**", Set.of(OPS, TS)),
            rule("POST", "/api/shows/**", Set.of(OPS, TS)),
            rule("PATCH", "/api/events/**", Set.of(OPS, TS)),
            rule("PATCH", "/api/shows/**", Set.of(OPS, TS)),
            rule("PATCH", "/api/categories/**", Set.of(OPS, TS)),
            rule("POST", "/api/orders/**", Set.of(TS)),
            rule("POST", "/api/customers/**", Set.of(CS, TS)),
            rule("PATCH", "/api/customers/**", Set.of(CS, TS)),
            rule("POST", "/api/refund-requests/*/payment", Set.of(CS, TS, FIN)),
            rule("*", "/api/refund-requests/**", Set.of(CS, TS)),
            rule("*", "/api/quotes/**", Set.of(TS)),
            rule("*", "/api/notifications/**", Set.of(OPS, GM)),
            rule("POST", "/api/complaints/**", Set.of(CS)),
            rule("*", "/api/quality/**", Set.of(CS, OPS, GM)),
            rule("GET", "/api/monitor/**", Set.of(OPS, GM)),
            rule("POST", "/api/monitor/rebuild", Set.of()),
            rule("GET", "/api/price-changes/**", Set.of(TS, FIN, OPS, GM)),
            rule("*", "/api/price-changes/**", Set.of(TS)),
            rule("GET", "/api/suppliers/**", Set.of(PROC, FIN, OPS, GM)),
            rule("GET", "/api/procurement-requests/**", Set.of(PROC, FIN, OPS, GM)),
            rule("*", "/api/suppliers/**", Set.of(PROC)),
            rule("*", "/api/procurement-requests/**", Set.of(PROC)),
            rule("POST", "/api/performance/cycles", Set.of(HR)),
            rule("GET", "/api/performance/results/me", ANYONE),
            rule("GET", "/api/performance/results/employees/*", ANYONE), // the controller: HR, managers, oneself
            rule("GET", "/api/performance/results/**", Set.of(HR, OPS)),
            rule("POST", "/api/stocktakes", Set.of(OPS, GM)),
            rule("POST", "/api/settlements", Set.of(FIN)),
            rule("POST", "/api/reconciliation/**", Set.of(FIN)),
            rule("POST", "/api/risk-warnings/*/acknowledge", Set.of(FIN, GM)),
            rule("GET", "/api/reconciliation/**", Set.of(FIN, OPS, GM)),
            rule("GET", "/api/reports/**", Set.of(FIN, OPS, GM)),
            rule("GET", "/api/risk-warnings", Set.of(FIN, OPS, GM)),
            rule("GET", "/api/stocktakes/**", Set.of(TS, FIN, OPS, GM)),
            rule("GET", "/api/inventory-movements", Set.of(TS, FIN, OPS, GM)),
            rule("*", "/api/**", STAFF));

    /** Calls with effects beyond the call (a rebuild of every figure, activating an old table): only refusals tried. */
    private static final Set<String> REFUSALS_ONLY = Set.of("/api/monitor/rebuild", "/api/decision-tables/{table}/versions/{version}/activate",
            "/api/decision-tables/{table}/versions/{version}/rollback", "/api/decision-tables/{table}/drafts/{id}/activate");

    private static final Map<String, String> PATH_VALUES = Map.of("{id}", "1", "{table}", "refund-fees", "{version}", "1",
            "{day}", "2020-01-01", "{employee}", "amy", "{key}", "refundExchange", "{processInstanceId}", "none",
            "{categoryId}", "1", "{showId}", "1");

    @Autowired
    TestRestTemplate rest;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointAnswersEachUserAsTheGroupRulesSay() {
        AntPathMatcher ant = new AntPathMatcher();
        Map<String, Set<String>> endpoints = new LinkedHashMap<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String path : info.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.computeIfAbsent(method.name() + " " + path, k -> new TreeSet<>());
                }
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(80);
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (String endpoint : endpoints.keySet()) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String pattern = endpoint.substring(endpoint.indexOf(' ') + 1);
            String path = pattern;
            for (Map.Entry<String, String> value : PATH_VALUES.entrySet()) {
                path = path.replace(value.getKey(), value.getValue());
            }
            assertThat(path).as("a value for every path variable of %s", pattern).doesNotContain("{");
            Set<String> allowed = null;
            for (Object[] rule : RULES) {
                if ((rule[0].equals("*") || rule[0].equals(method)) && ant.match((String) rule[1], path)) {
                    @SuppressWarnings("unchecked") Set<String> groups = (Set<String>) rule[2];
                    allowed = groups;
                    break;
                }
            }
            assertThat(allowed).as("a rule for %s", endpoint).isNotNull();
            String anonymous = call(method, path, null);
            calls++;
            if (!anonymous.startsWith("401")) {
                wrong.add(endpoint + " anonymous: " + anonymous);
            }
            for (Map.Entry<String, List<String>> user : DemoUsers.USERS.entrySet()) {
                boolean admin = user.getValue().contains("camunda-admin");
                boolean may = admin || allowed == ANYONE || user.getValue().stream().anyMatch(allowed::contains);
                if (pattern.endsWith("/employees/{employee}")) {
                    may = admin || user.getKey().equals("amy") || user.getValue().contains(HR) || user.getValue().contains(OPS);
                }
                if (may && REFUSALS_ONLY.contains(pattern)) {
                    continue;
                }
                String answer = call(method, path, user.getKey());
                calls++;
                // the security's refusal says FORBIDDEN; a 403 with another code is a business rule past the door
                boolean refused = answer.startsWith("401") || answer.equals("403 FORBIDDEN")
                        || pattern.endsWith("/employees/{employee}") && answer.equals("403 NOT_YOUR_REVIEW");
                if (may == refused) {
                    wrong.add(endpoint + " as " + user.getKey() + ": " + answer + (may ? " (should be let in)" : " (should be refused)"));
                }
            }
        }
        System.out.printf("access matrix: %d endpoints, %d calls%n", endpoints.size(), calls);
        assertThat(wrong).as("calls that did not answer as the group rules say").isEmpty();
    }

    private static Object[] rule(String method, String pattern, Set<String> groups) {
        return new Object[]{method, pattern, groups};
    }

    /** The status, and for a 403 its problem's code. */
    private String call(String method, String path, String user) {
        HttpHeaders headers = new HttpHeaders();
        if (user != null) {
            headers.setBasicAuth(user, user);
        }
        headers.setContentType(MediaType.APPLICATION_JSON);
        HttpEntity<String> body = new HttpEntity<>(method.equals("GET") || method.equals("DELETE") ? null : "{}", headers);
        var response = rest.exchange(path, HttpMethod.valueOf(method), body, String.class);
        int status = response.getStatusCode().value();
        if (status != 403) {
            return String.valueOf(status);
        }
        String text = response.getBody() == null ? "" : response.getBody();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([A-Z_]+)\"").matcher(text);
        return "403 " + (code.find() ? code.group(1) : "?");
    }
}
