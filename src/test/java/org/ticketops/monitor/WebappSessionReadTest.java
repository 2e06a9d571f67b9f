package org.ticketops.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.ticketops.support.TicketOpsTest;

/**
 * Cockpit's heatmap reads /api/monitor with Cockpit's own log-in. That read must leave the webapp's session as it is:
 * it used to change the session's id (Spring Security's session-fixation protection), and Cockpit's requests still in
 * flight with the old id then failed as logged out.
 */
@TicketOpsTest
class WebappSessionReadTest {

    @LocalServerPort
    int port;

    @Test
    void aReadWithTheCockpitSessionKeepsTheSession() throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://localhost:" + port;
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.ofString());
        String xsrf = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                .map(c -> c.substring("XSRF-TOKEN=".length(), c.indexOf(';'))).findFirst().orElseThrow();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("X-XSRF-TOKEN", xsrf).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=olivia&password=olivia")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);

        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(base + "/api/monitor/overview")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(read.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID="));

        HttpResponse<String> stillIn = http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stillIn.body()).contains("\"userId\":\"olivia\"");
        HttpResponse<String> noLogin = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/monitor/overview")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noLogin.statusCode()).isEqualTo(401);
    }
}
