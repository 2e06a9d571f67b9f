package org.ticketops.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** Stocktakes over HTTP: who may start and read one, bad scopes named, nothing started by a refusal. */
@TicketOpsTest
class InventoryApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;

    @Test
    void operationsManagersStartStocktakesAndBadScopesAreNamed() {
        Api api = new Api(rest);
        Show show = data.show(data.event(), Duration.ofDays(10));
        TicketCategory category = data.category(show, TicketType.STANDARD, "100.00", 10);
        api.post("sam", "/api/stocktakes", Map.of("scope", "SHOW", "showId", show.id())).isProblem(403);
        api.post(null, "/api/stocktakes", Map.of("scope", "SHOW", "showId", show.id())).isProblem(401);
        api.post("olivia", "/api/stocktakes", Map.of("scope", "SHOW")).isProblem(400, "showId");
        api.post("olivia", "/api/stocktakes", Map.of("scope", "SHELF")).isProblem(400, "scope");
        api.post("olivia", "/api/stocktakes", Map.of("scope", "SHOW", "showId", 999_999_999)).isProblem(404);
        api.post("olivia", "/api/stocktakes", "{\"scope\": [").isProblem(400);

        var created = api.post("olivia", "/api/stocktakes", Map.of("scope", "SHOW", "showId", show.id())).hasStatus(201);
        JsonNode body = created.tree();
        assertThat(body.path("stocktake").path("businessKey").asText()).startsWith("ST-");
        assertThat(body.path("stocktake").path("startedBy").asText()).isEqualTo("olivia");
        assertThat(body.path("counts").findValuesAsText("categoryId")).containsExactly(String.valueOf(category.id()));
        String location = created.headers().getLocation().getPath();
        api.get("sam", location).hasStatus(200);
        api.get("amy", location).isProblem(403);
        assertThat(api.get("fiona", "/api/inventory-movements?categoryId=" + category.id()).hasStatus(200).tree()).isEmpty();
    }
}
