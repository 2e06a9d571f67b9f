package org.ticketops.complaint;

import static org.ticketops.casework.TaskInputs.actor;
import static org.ticketops.casework.TaskInputs.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code processes/return-visit.bpmn}: plan the day's calls, one Return call task each. */
@Configuration(proxyBeanMethods = false)
class ReturnVisitDelegates {

    /** Yesterday's audiences: a sample of each show's buyers is asked how it was. */
    @Bean
    JavaDelegate inviteAudiences(org.ticketops.survey.SurveyService surveys, java.time.Clock clock,
                                 org.ticketops.platform.TicketOpsProperties ticketOps) {
        return execution -> execution.setVariable("audienceInvited",
                surveys.inviteAudiences(java.time.LocalDate.ofInstant(clock.instant(), ticketOps.zone()).minusDays(1)));
    }

    @Bean
    JavaDelegate planReturnCalls(ReturnVisits visits) {
        return execution -> {
            List<Long> planned = visits.plan();
            execution.setVariable("returnCalls", planned.stream().map(String::valueOf).collect(Collectors.joining(",")));
            execution.setVariable("callsPlanned", planned.size());
        };
    }

    @Bean
    TaskListener returnCallCreated(ReturnVisits visits) {
        return task -> {
            ReturnCall call = visits.call(callId(task));
            task.setName("Return call · " + call.customerName() + " · " + ("LOW_SCORE".equals(call.reason())
                    ? "low survey score" : "complaint closed a week ago") + " · " + call.reference());
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("callTitle", "Call back " + call.customerName());
            form.put("callSummary", "Phone: " + (call.phone() == null ? "none on record" : call.phone()) + "\n\nWhy: "
                    + ("LOW_SCORE".equals(call.reason()) ? "a survey answered with a low score (" + call.reference() + ")"
                    : "complaint " + call.reference() + " closed a week ago") + " · planned " + call.plannedOn());
            form.forEach(task::setVariableLocal);
        };
    }

    @Bean
    TaskListener returnCallRecorded(ReturnVisits visits) {
        return task -> {
            visits.record(callId(task), text(task, "callOutcome"), text(task, "callNotes"), text(task, "followUpComplaint"),
                    actor(task));
            // the calls run side by side in one process: one call's answers must never become another's
            task.removeVariables(List.of("callOutcome", "callNotes", "followUpComplaint"));
        };
    }

    private static long callId(DelegateTask task) {
        return Long.parseLong(task.getVariable("returnCallId").toString());
    }

}
