package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.complaint.Complaint;
import org.ticketops.complaint.ComplaintCategory;
import org.ticketops.complaint.ComplaintEnums;
import org.ticketops.complaint.ComplaintSeverity;
import org.ticketops.complaint.ComplaintService;
import org.ticketops.complaint.NewComplaint;
import org.ticketops.customer.CustomerService;
import org.ticketops.customer.CustomerType;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.Engine;
import org.ticketops.support.MySqlTest;
import org.ticketops.support.TestData;

/** A complaint on MySQL/MariaDB: its words byte for byte, a pause that moves the deadlines, an escalation. */
@MySqlTest
class MySqlComplaintTest {

    private static final String WORDS = "座位号重复 🎫 \"gate 3\" <b>&amp;</b> 𠀀𠀁";

    @Autowired
    ComplaintService complaints;
    @Autowired
    CustomerService customers;
    @Autowired
    TaskService tasks;
    @Autowired
    Engine engine;
    @Autowired
    org.ticketops.quality.QualityService quality;

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aComplaintKeepsItsWordsPausesAndEscalates() {
        var customer = customers.register(TestData.unique("Complainer"), TestData.phone(), null, MemberTier.NONE, null,
                CustomerType.INDIVIDUAL);
        Complaint complaint = complaints.submit(new NewComplaint(customer.id(), null, null, ComplaintEnums.Channel.SOCIAL,
                ComplaintCategory.PAYMENT, ComplaintSeverity.CRITICAL, WORDS), "clerk");
        assertThat(complaints.complaint(complaint.id()).description()).isEqualTo(WORDS);
        Task acknowledge = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
        tasks.setAssignee(acknowledge.getId(), "clerk");
        tasks.complete(acknowledge.getId(), Map.of("acknowledgeOutcome", "WAITING_FOR_CUSTOMER", "acknowledgeNote", "Which card?"));
        engine.advance(Duration.ofHours(3));
        complaints.customerReplied(complaint.id(), "The Visa ending 42", "clerk");
        Complaint resumed = complaints.complaint(complaint.id());
        assertThat(Duration.between(complaint.resolutionDue(), resumed.resolutionDue()).toMinutes()).isEqualTo(180);

        Task again = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
        tasks.setAssignee(again.getId(), "clerk");
        tasks.complete(again.getId(), Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Refund of the double charge"));
        engine.advance(Duration.ofHours(9));
        engine.executeJobs(complaint.processInstanceId());
        assertThat(complaints.complaint(complaint.id()).level()).isEqualTo(1);
        assertThat(complaints.breaches(complaint.id())).extracting(b -> b.deadline()).contains(ComplaintEnums.Deadline.RESOLUTION);

        // the quality figures read the same tables on MariaDB
        var report = quality.report(complaint.registeredAt().minusSeconds(1), complaint.registeredAt().plusSeconds(1));
        assertThat(report.complaints()).isEqualTo(1);
        assertThat(report.byCategory()).containsEntry("PAYMENT", 1L);
        assertThat(report.firstResponseOnTimeRate()).isNotNull();
    }
}
