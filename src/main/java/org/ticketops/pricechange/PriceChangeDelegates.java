package org.ticketops.pricechange;

import static org.ticketops.casework.TaskInputs.actor;
import static org.ticketops.casework.TaskInputs.amount;
import static org.ticketops.casework.TaskInputs.enumValue;
import static org.ticketops.casework.TaskInputs.required;
import static org.ticketops.casework.TaskInputs.text;
import static org.ticketops.casework.TaskInputs.time;
import static org.ticketops.casework.TaskInputs.wholeNumber;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.web.InvalidField;

/**
 * The steps of {@code processes/price-change-review.bpmn}. Variables hold the change's id, its effective time (for
 * the timer) and what the gateways route on; the change's row holds the data.
 */
@Configuration(proxyBeanMethods = false)
class PriceChangeDelegates {

    static final String CHANGE_ID = "priceChangeId";
    static final String EFFECTIVE_AT = "effectiveAt";
    static final String APPROVER_GROUP = "approverGroup";
    static final String APPROVAL_STEP = "approvalStep";
    static final String APPROVAL_STEPS = "approvalSteps";
    static final String APPROVAL_STATUS = "approvalStatus";
    static final String STILL_VALID = "stillValid";
    static final Set<String> START_FORM_FIELDS = Set.of("categoryId", "newPrice", "reason", "effectiveAt", "justification");

    @Bean
    JavaDelegate registerPriceChange(PriceChangeService service) {
        return execution -> {
            Optional<PriceChangeService.Pending> pending = ProcessIntake.take(PriceChangeCase.PROCESS_KEY,
                    PriceChangeService.Pending.class);
            Set<String> sent = new TreeSet<>(execution.getVariableNames());
            NewPriceChange command;
            String user;
            if (pending.isPresent()) {
                if (!sent.isEmpty()) {
                    throw new InvalidField("variables", "a price change submitted over the API starts with none, got " + sent);
                }
                command = pending.get().command();
                user = pending.get().user();
            } else {
                sent.removeAll(START_FORM_FIELDS);
                if (!sent.isEmpty()) {
                    throw new InvalidField(sent.iterator().next(), "can't be set when a price change is started; only the"
                            + " start form's fields can (" + String.join(", ", new TreeSet<>(START_FORM_FIELDS)) + ")");
                }
                command = new NewPriceChange(required(wholeNumber(execution, "categoryId"), "categoryId"),
                        required(amount(execution, "newPrice"), "newPrice"),
                        required(enumValue(PriceChangeReason.class, execution, "reason"), "reason"),
                        required(time(execution, "effectiveAt"), "effectiveAt"), text(execution, "justification"));
                Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
                user = authentication == null ? null : authentication.getUserId();
                START_FORM_FIELDS.forEach(execution::removeVariable);
            }
            long id = service.register(command, user, execution.getProcessInstanceId());
            execution.setProcessBusinessKey(PriceChangeCase.businessKey(id));
            execution.setVariable(CHANGE_ID, id);
            execution.setVariable(EFFECTIVE_AT, Date.from(command.effectiveAt().toInstant()));
        };
    }

    @Bean
    JavaDelegate assessPriceImpact(PriceChangeService service) {
        return execution -> service.assess(changeId(execution));
    }

    @Bean
    JavaDelegate decidePriceApprovers(PriceChangeService service) {
        return execution -> {
            List<String> groups = service.decideChain(changeId(execution));
            execution.setVariable(APPROVAL_STEPS, groups.size());
            execution.setVariable(APPROVAL_STEP, 1);
            execution.setVariable(APPROVER_GROUP, groups.get(0));
        };
    }

    @Bean
    JavaDelegate nextPriceApprover(PriceChangeService service) {
        return execution -> {
            int step = ((Number) execution.getVariable(APPROVAL_STEP)).intValue() + 1;
            execution.setVariable(APPROVAL_STEP, step);
            execution.setVariable(APPROVER_GROUP, service.change(changeId(execution)).approverGroups().split(",")[step - 1]);
        };
    }

    @Bean
    TaskListener priceApprovalRecorded(PriceChangeService service) {
        return task -> {
            task.setVariable(APPROVAL_STATUS, service.recordApproval(changeId(task),
                    ((Number) task.getVariable(APPROVAL_STEP)).intValue(), text(task, "approvalDecision"),
                    text(task, "approvalComment"), actor(task)).name());
            // recorded: the next step's approver starts from an empty form, never from this one's
            task.removeVariables(List.of("approvalDecision", "approvalComment"));
        };
    }

    @Bean
    JavaDelegate announcePriceChange(PriceChangeService service) {
        return execution -> service.announce(changeId(execution));
    }

    @Bean
    JavaDelegate checkPriceChangeStillValid(PriceChangeService service) {
        return execution -> execution.setVariable(STILL_VALID, service.stillValid(changeId(execution)));
    }

    @Bean
    JavaDelegate applyPriceChange(PriceChangeService service) {
        return execution -> service.apply(changeId(execution));
    }

    @Bean
    JavaDelegate withdrawPriceChange(PriceChangeService service) {
        return execution -> service.closeUnapplied(changeId(execution), PriceChangeStatus.WITHDRAWN,
                text(execution, "withdrawnBy"));
    }

    @Bean
    JavaDelegate closeObsoletePriceChange(PriceChangeService service) {
        return execution -> service.closeUnapplied(changeId(execution), PriceChangeStatus.OBSOLETE, "system");
    }

    @Bean
    TaskListener priceChangeTaskCreated(PriceChangeTaskContext context) {
        return task -> {
            long id = changeId(task);
            task.setName(context.taskName(task, id));
            context.formSummaries(id).forEach(task::setVariableLocal);
        };
    }

    static long changeId(VariableScope scope) {
        return ((Number) scope.getVariable(CHANGE_ID)).longValue();
    }

}
