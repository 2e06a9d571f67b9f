package org.ticketops.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.ticketops.decision.Scenarios;

/** Sends a scenario's inputs to an evaluate endpoint and compares the JSON answer with its expected outputs. */
public final class ScenarioOverHttp {

    private ScenarioOverHttp() {
    }

    public static void check(Api api, String user, String path, Scenarios.Scenario scenario, String table) {
        Map<String, Object> body = new LinkedHashMap<>();
        scenario.input().forEach((field, text) -> body.put(field, json(text)));
        JsonNode answer = api.post(user, path, body).hasStatus(200).tree();
        scenario.expected().forEach((field, expected) ->
                assertThat(render(answer.path(field))).as("%s of %s", field, scenario).isEqualTo(expected));
        assertThat(answer.path("tableVersion").path("table").asText()).isEqualTo(table);
        assertThat(answer.path("tableVersion").path("version").asInt()).isPositive();
    }

    /** Whole numbers and booleans go as JSON numbers and booleans; anything else (money, enums) as strings. */
    private static Object json(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.matches("-?\\d+")) {
            return Integer.parseInt(text);
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.parseBoolean(text);
        }
        return text;
    }

    /** The scenario files' way of writing a value: lists space-separated, objects' fields colon-separated. */
    private static String render(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).map(item -> item.isObject()
                    ? StreamSupport.stream(((Iterable<JsonNode>) item::elements).spliterator(), false)
                    .map(ScenarioOverHttp::render).collect(Collectors.joining(":"))
                    : render(item)).collect(Collectors.joining(" "));
        }
        return node.asText();
    }
}
