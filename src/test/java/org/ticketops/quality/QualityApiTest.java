package org.ticketops.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.complaint.Complaint;
import org.ticketops.complaint.ComplaintCategory;
import org.ticketops.complaint.ComplaintEnums;
import org.ticketops.complaint.ComplaintService;
import org.ticketops.complaint.ComplaintSeverity;
import org.ticketops.complaint.NewComplaint;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Api;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.survey.SurveyService;

/**
 * The quality figures against a small data set computed by hand, in a period far ahead that no other test touches:
 * three complaints (two from one customer), two resolved after 2 h of working time each (one paused 2 h), one
 * first response missed; two surveys sent, one answered (4 and NPS 10).
 */
@TicketOpsTest
class QualityApiTest {

    @Autowired
    ComplaintService complaints;
    @Autowired
    SurveyService surveys;
    @Autowired
    QualityService quality;
    @Autowired
    TaskService tasks;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Engine engine;
    @Autowired
    Clock clock;
    @Autowired
    TestRestTemplate rest;

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    private Complaint register(Customer customer, ComplaintCategory category, ComplaintSeverity severity, ComplaintEnums.Channel channel) {
        return complaints.submit(new NewComplaint(customer.id(), null, null, channel, category, severity, "It went wrong"), "amy");
    }

    private void step(Complaint complaint, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
        tasks.setAssignee(task.getId(), "carl");
        tasks.complete(task.getId(), variables);
    }

    private void investigate(Complaint complaint, String rootCause) {
        step(complaint, Map.of("investigationOutcome", "PROPOSED", "findings", "Found it", "rootCause", rootCause,
                "resolution", "APOLOGY"));
    }

    @Test
    void theFiguresMatchAHandComputedDataSet() {
        engine.advance(Duration.ofDays(1000));
        Instant t0 = clock.instant();
        Customer a = data.customer(MemberTier.GOLD);
        jdbc.update("UPDATE to_customers SET consent_to_contact = TRUE WHERE id = ?", a.id());
        Customer b = data.customer(MemberTier.NONE);
        Complaint c1 = register(a, ComplaintCategory.TICKETING_ERROR, ComplaintSeverity.HIGH, ComplaintEnums.Channel.PHONE);
        Complaint c2 = register(a, ComplaintCategory.PAYMENT, ComplaintSeverity.MEDIUM, ComplaintEnums.Channel.ONLINE);
        Complaint c3 = register(b, ComplaintCategory.TICKETING_ERROR, ComplaintSeverity.LOW, ComplaintEnums.Channel.SOCIAL);

        step(c1, Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Called"));
        investigate(c1, "SYSTEM");
        step(c2, Map.of("acknowledgeOutcome", "WAITING_FOR_CUSTOMER", "acknowledgeNote", "Which card?"));
        engine.advance(Duration.ofHours(2));
        step(c1, Map.of("satisfied", "true", "satisfactionScore", 5)); // closed after 2 h
        complaints.customerReplied(c2.id(), "The Visa", "carl"); // 2 h paused
        step(c2, Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Called"));
        investigate(c2, "SUPPLIER");
        engine.advance(Duration.ofHours(2));
        step(c2, Map.of("satisfied", "true", "satisfactionScore", 4)); // closed after 4 h, 2 h of them paused
        engine.advance(Duration.ofHours(21));
        engine.executeJobs(c3.processInstanceId()); // 25 h: c3's first response (24 h) is missed

        String token = jdbc.queryForObject("SELECT token FROM to_surveys WHERE subject_id = ?", String.class, String.valueOf(c1.id()));
        assertThat(surveys.submit(token, 4, 10, "Fine")).isEqualTo(SurveyService.State.ANSWERED);

        QualityReport r = quality.report(t0.minusSeconds(60), t0.plus(Duration.ofDays(2)));
        assertThat(r.complaints()).isEqualTo(3);
        assertThat(r.byCategory()).containsExactlyInAnyOrderEntriesOf(Map.of("TICKETING_ERROR", 2L, "PAYMENT", 1L));
        assertThat(r.bySeverity()).containsExactlyInAnyOrderEntriesOf(Map.of("HIGH", 1L, "MEDIUM", 1L, "LOW", 1L));
        assertThat(r.byChannel()).containsExactlyInAnyOrderEntriesOf(Map.of("PHONE", 1L, "ONLINE", 1L, "SOCIAL", 1L));
        assertThat(r.byRootCause()).containsExactlyInAnyOrderEntriesOf(Map.of("SYSTEM", 1L, "SUPPLIER", 1L));
        assertThat(r.firstResponseOnTimeRate()).isEqualByComparingTo("0.6667"); // 2 of 3
        assertThat(r.resolutionOnTimeRate()).isEqualByComparingTo("1.0000"); // 2 of 2 closed
        assertThat(r.meanHoursToResolve()).isEqualByComparingTo("2.00"); // (2 h + (4 h − 2 h)) / 2
        assertThat(r.repeatComplainants()).isEqualTo(1);
        assertThat(r.surveysSent()).isEqualTo(2);
        assertThat(r.surveysAnswered()).isEqualTo(1);
        assertThat(r.surveyResponseRate()).isEqualByComparingTo("0.5000");
        assertThat(r.meanSatisfaction()).isEqualByComparingTo("4.00");
        assertThat(r.nps()).isEqualByComparingTo(new BigDecimal("100.0"));
        assertThat(r.satisfaction()).containsEntry(4, 1L).containsEntry(5, 0L);
        assertThat(r.topRootCausesByCategory()).containsEntry("TICKETING_ERROR", java.util.List.of("SYSTEM (1)"))
                .containsEntry("PAYMENT", java.util.List.of("SUPPLIER (1)"));
        assertThat(r.byWeek().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);

        Api api = new Api(rest);
        JsonNode history = api.get("amy", "/api/customers/" + a.id() + "/history").hasStatus(200).tree();
        assertThat(history.toString()).contains("\"type\":\"SURVEY\"").contains("Satisfaction 4 of 5 · NPS 10 · Fine")
                .contains("\"type\":\"COMPLAINT\"");
        String period = "from=" + t0.minusSeconds(60) + "&to=" + t0.plus(Duration.ofDays(2));
        JsonNode json = api.get("olivia", "/api/quality?" + period).hasStatus(200).tree();
        assertThat(json.path("complaints").asInt()).isEqualTo(3);
        String csv = api.get("gary", "/api/quality/csv?" + period).hasStatus(200).body();
        assertThat(csv).startsWith("figure,key,value\n").contains("complaints,,3\n").contains("surveys,response rate,0.5000\n");
        api.get("sam", "/api/quality?" + period).hasStatus(403);
        api.get("olivia", "/api/quality?from=" + t0 + "&to=" + t0.minusSeconds(5)).isProblem(400, "to");
    }
}
