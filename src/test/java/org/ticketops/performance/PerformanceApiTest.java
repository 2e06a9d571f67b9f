package org.ticketops.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.ticketops.support.Api;
import org.ticketops.support.Engine;
import org.ticketops.support.TicketOpsTest;

/**
 * Performance reviews over HTTP: who may start a cycle and read results, one cycle a month, bad periods named; and
 * privacy: an employee reads and works only their own review, over our API and over the engine's REST API that
 * Tasklist uses, never another's KPIs, scores or grade.
 */
@TicketOpsTest
class PerformanceApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ReviewDriver driver;
    @Autowired
    Engine jobs;
    @Autowired
    ProcessEngine engine;

    private Api api() {
        return new Api(rest);
    }

    @Test
    void hrStartsOneCycleAMonthAndBadPeriodsAreNamed() {
        YearMonth period = driver.freePeriod();
        api().post("amy", "/api/performance/cycles", Map.of("period", period.toString())).isProblem(403);
        api().post("olivia", "/api/performance/cycles", Map.of("period", period.toString())).isProblem(403);
        api().post(null, "/api/performance/cycles", Map.of("period", period.toString())).isProblem(401);
        api().post("hanna", "/api/performance/cycles", Map.of("period", "2019-13")).isProblem(400, "period");
        api().post("hanna", "/api/performance/cycles", Map.of()).isProblem(400, "period");
        api().post("hanna", "/api/performance/cycles", Map.of("period", YearMonth.now().plusMonths(2).toString()))
                .isProblem(400, "period");
        api().post("hanna", "/api/performance/cycles", "{\"period\": ").isProblem(400);
        assertThat(driver.freePeriod()).isNotNull();
        assertThat(new PerformanceCyclesProbe(driver).exists(period)).isFalse(); // nothing was started by the refusals

        var created = api().post("hanna", "/api/performance/cycles", Map.of("period", period.toString())).hasStatus(201);
        assertThat(created.tree().path("period").asText()).isEqualTo(period.toString());
        assertThat(created.tree().path("status").asText()).isEqualTo("REVIEWING");
        var again = api().post("hanna", "/api/performance/cycles", Map.of("period", period.toString())).isProblem(409);
        assertThat(again.code()).isEqualTo("CYCLE_EXISTS");
    }

    @Test
    void anEmployeeSeesAndWorksOnlyTheirOwnReview() {
        YearMonth period = driver.freePeriod();
        ProcessInstance pi = driver.start(period);
        Task amys = driver.task(pi, "selfAssessment", "amy");
        Task carls = driver.task(pi, "selfAssessment", "carl");

        // Tasklist's view (the engine's REST API): amy's own task and nobody else's
        JsonNode visible = api().get("amy", "/engine-rest/task?processInstanceId=" + pi.getId()).hasStatus(200).tree();
        assertThat(visible.findValuesAsText("id")).containsExactly(amys.getId());
        JsonNode form = api().get("amy", "/engine-rest/task/" + amys.getId() + "/form-variables").hasStatus(200).tree();
        assertThat(form.path("kpiSummary").path("value").asText()).contains("Tasks completed");
        assertThat(form.path("reviewTitle").path("value").asText()).contains("amy");
        assertThat(api().get("amy", "/engine-rest/task/" + carls.getId() + "/form-variables").status()).isIn(403, 404);
        assertThat(api().get("amy", "/engine-rest/task/" + carls.getId()).status()).isIn(403, 404);
        assertThat(api().get("amy", "/engine-rest/history/variable-instance?processInstanceId=" + pi.getId()).hasStatus(200)
                .tree()).isEmpty();
        assertThat(api().get("amy", "/engine-rest/history/task?processInstanceId=" + pi.getId()).hasStatus(200).tree())
                .allSatisfy(t -> assertThat(t.path("assignee").asText()).isEqualTo("amy"));
        assertThat(api().get("sam", "/engine-rest/process-instance/" + pi.getId() + "/variables").status()).isIn(403, 404);

        // nobody completes amy's self-assessment but amy; she does, over the engine's REST API as Tasklist does
        Map<String, Object> answer = Map.of("variables", Map.of("selfResults", Map.of("value", "4"),
                "selfAttitude", Map.of("value", "5"), "selfAbility", Map.of("value", "3"),
                "selfComment", Map.of("value", "座位 \"ok\" <b>x</b>")));
        var refused = api().call("hanna", HttpMethod.POST, "/engine-rest/task/" + amys.getId() + "/complete", answer, Map.of());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("NOT_YOUR_REVIEW");
        api().call("amy", HttpMethod.POST, "/engine-rest/task/" + amys.getId() + "/complete", answer, Map.of()).hasStatus(204);
        assertThat(driver.review(period, "amy").selfComment()).isEqualTo("座位 \"ok\" <b>x</b>");

        // our API: HR and the operations managers read everything; an employee reads their own only
        JsonNode all = api().get("olivia", "/api/performance/results?period=" + period).hasStatus(200).tree();
        assertThat(all.findValuesAsText("employee")).contains("amy", "carl", "sam");
        api().get("amy", "/api/performance/results?period=" + period).isProblem(403);
        api().get("hanna", "/api/performance/results?period=20x9").isProblem(400, "period");
        api().get(null, "/api/performance/results/me").isProblem(401);
        JsonNode mine = api().get("amy", "/api/performance/results/me").hasStatus(200).tree();
        assertThat(mine.findValuesAsText("employee")).isNotEmpty().containsOnly("amy");
        JsonNode current = List.copyOf(mine.findParents("period")).stream()
                .filter(n -> n.path("period").asText().equals(period.toString())).findFirst().orElseThrow();
        assertThat(current.path("self").path("results").asInt()).isEqualTo(4);
        assertThat(current.path("grade").isNull()).isTrue(); // not before HR's calibration
        assertThat(current.path("kpis").path("method").asText()).contains("Tasks completed");
        var others = api().get("amy", "/api/performance/results/employees/carl").isProblem(403);
        assertThat(others.code()).isEqualTo("NOT_YOUR_REVIEW");
        api().get("amy", "/api/performance/results/employees/amy").hasStatus(200);
        assertThat(api().get("hanna", "/api/performance/results/employees/carl").hasStatus(200).tree().findValuesAsText("employee"))
                .containsOnly("carl");

        var csv = api().get("hanna", "/api/performance/results/csv?period=" + period).hasStatus(200);
        assertThat(csv.headers().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("period,employee,group,status,tasks_completed")
                .contains("\"" + period + "\",\"amy\",CUSTOMER_SERVICE,\"SELF_ASSESSED\"");
        api().get("sam", "/api/performance/results/csv?period=" + period).isProblem(403);
    }

    /** Reads whether a cycle exists, without the API. */
    private record PerformanceCyclesProbe(ReviewDriver driver) {
        boolean exists(YearMonth period) {
            try {
                driver.cycle(period);
                return true;
            } catch (java.util.NoSuchElementException none) {
                return false;
            }
        }
    }
}
