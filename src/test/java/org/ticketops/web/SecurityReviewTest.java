package org.ticketops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.ticketops.complaint.Complaint;
import org.ticketops.complaint.ComplaintCategory;
import org.ticketops.complaint.ComplaintEnums;
import org.ticketops.complaint.ComplaintService;
import org.ticketops.complaint.ComplaintSeverity;
import org.ticketops.complaint.NewComplaint;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Api;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/**
 * The security review's checks on the engine's REST API and the logs: a member of staff neither reads nor completes
 * another group's task nor changes a process's variables; deployments only by camunda-admin; no password, right or
 * wrong, ever reaches the log.
 */
@TicketOpsTest
@ExtendWith(OutputCaptureExtension.class)
class SecurityReviewTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    ComplaintService complaints;
    @Autowired
    TaskService tasks;
    @Autowired
    TestData data;

    @Test
    void staffCannotReachAnotherGroupsTaskOrChangeAProcesssVariables() {
        Api api = new Api(rest);
        Complaint complaint = complaints.submit(new NewComplaint(data.customer(MemberTier.NONE).id(), null, null,
                ComplaintEnums.Channel.PHONE, ComplaintCategory.PAYMENT, ComplaintSeverity.LOW, "Charged twice"), "amy");
        Task acknowledge = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
        tasks.setAssignee(acknowledge.getId(), "amy");
        tasks.complete(acknowledge.getId(), Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Called"));
        Task financeTask = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
        assertThat(tasks.getIdentityLinksForTask(financeTask.getId())).anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo("finance"));

        assertThat(api.get("amy", "/engine-rest/task/" + financeTask.getId()).status()).isIn(403, 404);
        assertThat(api.get("amy", "/engine-rest/task?processInstanceId=" + complaint.processInstanceId()).tree()).isEmpty();
        assertThat(api.get("amy", "/engine-rest/task/" + financeTask.getId() + "/form-variables").status()).isIn(403, 404);
        assertThat(api.post("amy", "/engine-rest/task/" + financeTask.getId() + "/claim", Map.of("userId", "amy")).status())
                .isIn(403, 404);
        assertThat(api.post("amy", "/engine-rest/task/" + financeTask.getId() + "/complete", Map.of()).status()).isIn(403, 404);
        assertThat(api.call("amy", HttpMethod.PUT, "/engine-rest/process-instance/" + complaint.processInstanceId()
                + "/variables/complaintId", Map.of("value", 1, "type", "Long"), Map.of()).status()).isEqualTo(403);
        assertThat(api.call("fiona", HttpMethod.PUT, "/engine-rest/process-instance/" + complaint.processInstanceId()
                + "/variables/complaintId", Map.of("value", 1, "type", "Long"), Map.of()).status()).isEqualTo(403);
        var patched = api.post("fiona", "/engine-rest/task/" + financeTask.getId() + "/variables", Map.of("modifications",
                Map.of("complaintId", Map.of("value", 1, "type", "Long"))));
        assertThat(patched.status()).isEqualTo(403);
        assertThat(patched.body()).contains("VARIABLES_READ_ONLY");
        // completing carries the form's fields only: a complaintId slipped in would point the process elsewhere
        api.post("fiona", "/engine-rest/task/" + financeTask.getId() + "/claim", Map.of("userId", "fiona")).hasStatus(204);
        var slipped = api.post("fiona", "/engine-rest/task/" + financeTask.getId() + "/submit-form", Map.of("variables", Map.of(
                "investigationOutcome", Map.of("value", "PROPOSED"), "complaintId", Map.of("value", 1, "type", "Long"))));
        assertThat(slipped.status()).isEqualTo(400);
        assertThat(slipped.body()).contains("complaintId");
        assertThat(tasks.getVariable(financeTask.getId(), "complaintId")).isEqualTo(complaint.id());
        assertThat(tasks.createTaskQuery().taskId(financeTask.getId()).count()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsDeployOverRest() {
        for (String user : java.util.List.of("olivia", "gary", "fiona", "amy", "hanna")) {
            assertThat(deploy(user)).as(user).isEqualTo(403);
        }
        assertThat(deploy("demo")).isNotIn(401, 403);
    }

    @Test
    void noPasswordReachesTheLog(CapturedOutput output) {
        Api api = new Api(rest);
        String chosen = "N3w-Secret-Pass!" + System.nanoTime();
        String user = "logcheck" + System.nanoTime();
        api.post("demo", "/engine-rest/user/create", Map.of("profile", Map.of("id", user, "firstName", "Log", "lastName", "Check",
                "email", user + "@ticketops.example"), "credentials", Map.of("password", "weak"))).status();
        api.post("demo", "/engine-rest/user/create", Map.of("profile", Map.of("id", user, "firstName", "Log", "lastName", "Check",
                "email", user + "@ticketops.example"), "credentials", Map.of("password", chosen))).hasStatus(204);
        assertThat(rest.withBasicAuth(user, chosen).getForEntity("/engine-rest/task", String.class).getStatusCode().value())
                .isEqualTo(200);
        // wrong passwords with a user of this test's own (failed log-ins lock a user for a while)
        String wrong = "Wr0ng-Secret-" + System.nanoTime();
        assertThat(rest.withBasicAuth(user, wrong).getForEntity("/api/shows", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.withBasicAuth(user, wrong).getForEntity("/engine-rest/task", String.class).getStatusCode().value())
                .isEqualTo(401);
        assertThat(output.getAll()).doesNotContain(wrong).doesNotContain(chosen);
    }

    private int deploy(String user) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", "rest-deployment-" + user);
        form.add("enable-duplicate-filtering", "true");
        form.add("data", new org.springframework.core.io.ByteArrayResource(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"t\">"
                + "<process id=\"notRun" + user + "\" isExecutable=\"false\"/></definitions>").getBytes()) {
            @Override
            public String getFilename() {
                return "not-run.bpmn";
            }
        });
        return rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(form, headers), String.class)
                .getStatusCode().value();
    }
}
