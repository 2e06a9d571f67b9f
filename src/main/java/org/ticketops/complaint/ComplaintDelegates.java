package org.ticketops.complaint;

import static org.ticketops.casework.TaskInputs.actor;
import static org.ticketops.casework.TaskInputs.amount;
import static org.ticketops.casework.TaskInputs.enumValue;
import static org.ticketops.casework.TaskInputs.required;
import static org.ticketops.casework.TaskInputs.text;
import static org.ticketops.casework.TaskInputs.wholeNumber;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.web.InvalidField;

/**
 * The steps of {@code processes/complaint-handling.bpmn}. Variables hold the complaint's id, its deadlines and
 * warning times for the timers (set again whenever they move: a pause, an escalation) and what the gateways route
 * on; the complaint's row holds the data.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintDelegates {

    static final String COMPLAINT_ID = "complaintId";
    static final Set<String> START_FORM_FIELDS = Set.of("customerId", "orderId", "showId", "channel", "category",
            "severity", "description");
    /**
     * Each form's fields: recorded by the step, then removed, so that the next time a form opens (another level, a
     * second round) it starts empty and a field left empty is never read from an earlier answer.
     */
    static final List<String> ACKNOWLEDGE_FIELDS = List.of("acknowledgeOutcome", "acknowledgeNote");
    static final List<String> INVESTIGATE_FIELDS = List.of("investigationOutcome", "findings", "rootCause", "resolution",
            "compensationAmount", "compensationComment");
    static final List<String> CONFIRM_FIELDS = List.of("satisfied", "satisfactionScore", "confirmationComment");

    @Bean
    JavaDelegate registerComplaint(ComplaintService service, ComplaintDeadlines deadlines) {
        return execution -> {
            Optional<ComplaintService.Pending> pending = ProcessIntake.take(ComplaintCase.PROCESS_KEY, ComplaintService.Pending.class);
            Set<String> sent = new TreeSet<>(execution.getVariableNames());
            NewComplaint command;
            String user;
            if (pending.isPresent()) {
                if (!sent.isEmpty()) {
                    throw new InvalidField("variables", "a complaint registered over the API starts with none, got " + sent);
                }
                command = pending.get().command();
                user = pending.get().user();
            } else {
                sent.removeAll(START_FORM_FIELDS);
                if (!sent.isEmpty()) {
                    throw new InvalidField(sent.iterator().next(), "can't be set when a complaint is registered; only the"
                            + " start form's fields can (" + String.join(", ", new TreeSet<>(START_FORM_FIELDS)) + ")");
                }
                command = new NewComplaint(wholeNumber(execution, "customerId"), wholeNumber(execution, "orderId"),
                        wholeNumber(execution, "showId"), required(enumValue(ComplaintEnums.Channel.class, execution, "channel"), "channel"),
                        required(enumValue(ComplaintCategory.class, execution, "category"), "category"),
                        required(enumValue(ComplaintSeverity.class, execution, "severity"), "severity"), text(execution, "description"));
                Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
                user = authentication == null ? null : authentication.getUserId();
                START_FORM_FIELDS.forEach(execution::removeVariable);
            }
            long id = service.register(pending.isPresent() ? pending.get() : new ComplaintService.Pending(command, user),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey(ComplaintCase.businessKey(id));
            execution.setVariable(COMPLAINT_ID, id);
            Complaint complaint = service.complaint(id);
            execution.setVariable("firstResponseStart", Date.from(complaint.registeredAt()));
            execution.setVariable("resolutionStart", Date.from(complaint.registeredAt()));
            setClock(execution, complaint, deadlines);
        };
    }

    @Bean
    TaskListener acknowledgeRecorded(ComplaintService service) {
        return task -> {
            String outcome = service.acknowledge(complaintId(task), text(task, "acknowledgeOutcome"),
                    text(task, "acknowledgeNote"), actor(task));
            task.setVariable("acknowledged", outcome);
            task.setVariable("pausedFrom", "ACKNOWLEDGE");
            task.removeVariables(ACKNOWLEDGE_FIELDS);
        };
    }

    @Bean
    TaskListener investigationRecorded(ComplaintService service) {
        return task -> {
            ComplaintService.Investigation result = service.investigate(complaintId(task), text(task, "investigationOutcome"),
                    text(task, "findings"), text(task, "rootCause"), text(task, "resolution"), amount(task, "compensationAmount"),
                    text(task, "compensationComment"), actor(task));
            task.setVariable("investigated", result.outcome());
            task.setVariable("compensation", result.compensation());
            task.setVariable("compensationApproverGroup", result.approverGroup() == null ? "" : result.approverGroup());
            task.setVariable("pausedFrom", "INVESTIGATE");
            task.removeVariables(INVESTIGATE_FIELDS);
        };
    }

    @Bean
    TaskListener confirmationRecorded(ComplaintService service, ComplaintDeadlines deadlines) {
        return task -> {
            Object satisfied = task.getVariable("satisfied");
            Object score = task.getVariable("satisfactionScore");
            String outcome = service.confirm(complaintId(task), satisfied == null ? null : Boolean.valueOf(satisfied.toString()),
                    score == null ? null : Integer.valueOf(score.toString().replaceAll("\\.0+$", "")),
                    text(task, "confirmationComment"), actor(task));
            task.setVariable("confirmation", outcome);
            task.removeVariables(CONFIRM_FIELDS);
            if ("REINVESTIGATE".equals(outcome)) {
                task.getExecution().setVariable("resolutionStart", Date.from(now()));
                setClock(task.getExecution(), service.complaint(complaintId(task)), deadlines);
            }
        };
    }

    @Bean
    TaskListener compensationDecided(ComplaintRemedies service) {
        return task -> {
            task.setVariable("compensationApproved", service.decideCompensation(complaintId(task),
                    text(task, "compensationDecision"), text(task, "compensationDecisionComment"), actor(task)));
            task.removeVariables(List.of("compensationDecision", "compensationDecisionComment"));
        };
    }

    @Bean
    JavaDelegate issueComplaintVoucher(ComplaintRemedies service) {
        return execution -> service.issueVoucher(complaintId(execution));
    }

    @Bean
    JavaDelegate startComplaintRefund(ComplaintRemedies service) {
        return execution -> service.startRefund(complaintId(execution));
    }

    @Bean
    JavaDelegate recordComplaintRefund(ComplaintRemedies service) {
        return execution -> service.refundSettled(complaintId(execution));
    }

    @Bean
    TaskListener closeUnresolvedRecorded(ComplaintService service) {
        return task -> service.closeUnresolved(complaintId(task), text(task, "closingComment"), actor(task));
    }

    @Bean
    JavaDelegate warnFirstResponse(ComplaintDeadlines service) {
        return execution -> service.warn(complaintId(execution), ComplaintEnums.Deadline.FIRST_RESPONSE);
    }

    @Bean
    JavaDelegate warnResolution(ComplaintDeadlines service) {
        return execution -> service.warn(complaintId(execution), ComplaintEnums.Deadline.RESOLUTION);
    }

    @Bean
    JavaDelegate recordFirstResponseBreach(ComplaintDeadlines service) {
        return execution -> service.firstResponseBreached(complaintId(execution));
    }

    @Bean
    JavaDelegate escalateComplaint(ComplaintDeadlines service) {
        return execution -> {
            Complaint complaint = service.resolutionBreached(complaintId(execution));
            execution.setVariable("resolutionStart", Date.from(now()));
            setClock(execution, complaint, service);
        };
    }

    /** The customer replied: the paused time moves the deadlines and the clocks' starts; back where it paused. */
    @Bean
    JavaDelegate resumeComplaintClock(ComplaintService service, ComplaintDeadlines deadlines) {
        return execution -> {
            Complaint before = service.complaint(complaintId(execution));
            Duration paused = Duration.between(before.pausedAt(), now());
            Complaint complaint = service.resume(before.id(), text(execution, "customerReply"), text(execution, "pausedFrom"),
                    text(execution, "replyTakenBy"));
            for (String start : new String[]{"firstResponseStart", "resolutionStart"}) {
                Date at = (Date) execution.getVariable(start);
                execution.setVariable(start, Date.from(at.toInstant().plus(paused)));
            }
            execution.removeVariable("customerReply"); // kept with the pause
            setClock(execution, complaint, deadlines);
        };
    }

    @Bean
    TaskListener complaintTaskCreated(ComplaintTaskContext context) {
        return task -> {
            long id = complaintId(task);
            task.setName(context.taskName(task.getName(), id));
            context.formSummaries(id).forEach(task::setVariableLocal);
        };
    }

    /** The timers' dates: each deadline and its warning, and the group that investigates at this level. */
    private static void setClock(DelegateExecution execution, Complaint complaint, ComplaintDeadlines service) {
        Instant firstStart = ((Date) execution.getVariable("firstResponseStart")).toInstant();
        Instant resolutionStart = ((Date) execution.getVariable("resolutionStart")).toInstant();
        execution.setVariable("firstResponseDue", Date.from(complaint.firstResponseDue()));
        execution.setVariable("firstResponseWarnAt", Date.from(service.warnAt(firstStart, complaint.firstResponseDue())));
        execution.setVariable("resolutionDue", Date.from(complaint.resolutionDue()));
        execution.setVariable("resolutionWarnAt", Date.from(service.warnAt(resolutionStart, complaint.resolutionDue())));
        execution.setVariable("investigatorGroup", complaint.investigatorGroup());
        execution.setVariable("level", complaint.level());
    }

    private static Instant now() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant();
    }

    static long complaintId(VariableScope scope) {
        return ((Number) scope.getVariable(COMPLAINT_ID)).longValue();
    }

}
