package org.ticketops.procurement;

import static org.ticketops.casework.TaskInputs.actor;
import static org.ticketops.casework.TaskInputs.amount;
import static org.ticketops.casework.TaskInputs.date;
import static org.ticketops.casework.TaskInputs.required;
import static org.ticketops.casework.TaskInputs.text;
import static org.ticketops.casework.TaskInputs.wholeNumber;

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
import org.ticketops.catalog.TicketType;
import org.ticketops.web.InvalidField;

/**
 * The steps of {@code processes/procurement-approval.bpmn}. Variables hold the request's id and what the gateways
 * route on; the request's row holds the data. Every decision a task takes is recorded by the services as the task
 * completes, so an invalid one (or one the four-eyes rule forbids) refuses the completion.
 */
@Configuration(proxyBeanMethods = false)
class ProcurementDelegates {

    static final String REQUEST_ID = "requestId";
    static final String SUPPLIER_CHECK = "supplierCheck";
    static final String SUPPLIER_QUALIFIED = "supplierQualified";
    static final String APPROVER_GROUP = "approverGroup";
    static final String APPROVAL_STEP = "approvalStep";
    static final String APPROVAL_STEPS = "approvalSteps";
    static final String APPROVAL_STATUS = "approvalStatus";
    static final String APPROVAL_REMINDER = "approvalReminder";
    static final String DELIVERY_COMPLETE = "deliveryComplete";
    static final String RESOLUTION = "resolution";

    /** The fields of the Tasklist start form: the only variables a start may carry. */
    static final Set<String> START_FORM_FIELDS = Set.of("supplierId", "showId", "categoryId", "newCategoryName",
            "newCategoryType", "quantity", "unitCost", "plannedSalePrice", "justification");

    /** Registers the request: from the API's intake, or from the start form's fields and the engine's user. */
    @Bean
    JavaDelegate registerProcurementRequest(ProcurementService procurement, ProcurementProperties properties) {
        return execution -> {
            Optional<ProcurementService.Pending> pending = ProcessIntake.take(ProcurementCase.PROCESS_KEY,
                    ProcurementService.Pending.class);
            Set<String> sent = new TreeSet<>(execution.getVariableNames());
            NewProcurementRequest command;
            String user;
            if (pending.isPresent()) {
                if (!sent.isEmpty()) {
                    throw new InvalidField("variables", "a request submitted over the API starts with none, got " + sent);
                }
                command = pending.get().command();
                user = pending.get().user();
            } else {
                sent.removeAll(START_FORM_FIELDS);
                if (!sent.isEmpty()) {
                    throw new InvalidField(sent.iterator().next(), "can't be set when a request is started; only the"
                            + " start form's fields can (" + String.join(", ", new TreeSet<>(START_FORM_FIELDS)) + ")");
                }
                String newName = text(execution, "newCategoryName");
                command = new NewProcurementRequest(wholeNumber(execution, "supplierId"), wholeNumber(execution, "showId"),
                        newName == null ? wholeNumber(execution, "categoryId") : null,
                        newName == null ? null : new NewProcurementRequest.NewCategory(newName,
                                TicketType.valueOf(Optional.ofNullable(text(execution, "newCategoryType")).orElse("STANDARD"))),
                        Optional.ofNullable(wholeNumber(execution, "quantity")).map(Long::intValue).orElse(null),
                        amount(execution, "unitCost"), amount(execution, "plannedSalePrice"), text(execution, "justification"));
                Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
                user = authentication == null ? null : authentication.getUserId();
                START_FORM_FIELDS.forEach(execution::removeVariable); // the row holds them now
            }
            long id = procurement.register(pending.isPresent() ? pending.get() : new ProcurementService.Pending(command, user),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey(ProcurementCase.businessKey(id));
            execution.setVariable(REQUEST_ID, id);
            execution.setVariable(APPROVAL_REMINDER, properties.approvalReminder().toString());
        };
    }

    @Bean
    JavaDelegate checkProcurementSupplier(ProcurementService procurement) {
        return execution -> execution.setVariable(SUPPLIER_CHECK, procurement.checkSupplier(requestId(execution)));
    }

    @Bean
    TaskListener qualificationRecorded(ProcurementService procurement) {
        return task -> task.setVariable(SUPPLIER_QUALIFIED, procurement.recordQualification(requestId(task),
                text(task, "qualificationDecision"), date(task, "qualifiedUntil"), text(task, "qualificationComment"),
                actor(task)));
    }

    /** A new round of the chain: the groups in order, the first step's group for the task. */
    @Bean
    JavaDelegate decideApprovalChain(ProcurementService procurement) {
        return execution -> {
            List<String> groups = procurement.decideChain(requestId(execution));
            execution.setVariable(APPROVAL_STEPS, groups.size());
            execution.setVariable(APPROVAL_STEP, 1);
            execution.setVariable(APPROVER_GROUP, groups.get(0));
        };
    }

    @Bean
    JavaDelegate nextApprover(ProcurementService procurement) {
        return execution -> {
            int step = ((Number) execution.getVariable(APPROVAL_STEP)).intValue() + 1;
            String groups = procurement.request(requestId(execution)).approverGroups();
            execution.setVariable(APPROVAL_STEP, step);
            execution.setVariable(APPROVER_GROUP, groups.split(",")[step - 1]);
        };
    }

    @Bean
    TaskListener approvalRecorded(ProcurementService procurement) {
        return task -> {
            ProcurementStatus status = procurement.recordApproval(requestId(task),
                    ((Number) task.getVariable(APPROVAL_STEP)).intValue(), text(task, "approvalDecision"),
                    text(task, "approvalComment"), actor(task));
            task.setVariable(APPROVAL_STATUS, status.name());
            // recorded with the approval: the next step's approver starts from an empty form, never from this one's
            task.removeVariables(java.util.List.of("approvalDecision", "approvalComment"));
        };
    }

    @Bean
    TaskListener revisionRecorded(ProcurementService procurement) {
        return task -> procurement.revise(requestId(task),
                Optional.ofNullable(wholeNumber(task, "revisedQuantity")).map(Long::intValue).orElseThrow(() ->
                        new InvalidField("revisedQuantity", "is required")),
                required(amount(task, "revisedUnitCost"), "revisedUnitCost"),
                required(amount(task, "revisedPlannedSalePrice"), "revisedPlannedSalePrice"),
                text(task, "revisedJustification"), actor(task));
    }

    @Bean
    TaskListener contractSigned(ProcurementDelivery delivery) {
        return task -> delivery.signContract(requestId(task), text(task, "contractNumber"), date(task, "contractSignedOn"),
                text(task, "paymentTerms"), actor(task));
    }

    @Bean
    TaskListener deliveryInspected(ProcurementDelivery delivery) {
        return task -> task.setVariable(DELIVERY_COMPLETE, delivery.inspect(requestId(task),
                Optional.ofNullable(wholeNumber(task, "receivedCount")).map(Long::intValue).orElse(null),
                Optional.ofNullable(wholeNumber(task, "defectiveCount")).map(Long::intValue).orElse(null),
                text(task, "inspectionNotes"), actor(task)));
    }

    @Bean
    TaskListener deliveryResolved(ProcurementDelivery delivery) {
        return task -> task.setVariable(RESOLUTION, delivery.resolve(requestId(task), text(task, "resolution"),
                amount(task, "creditAmount"), actor(task)));
    }

    @Bean
    JavaDelegate addProcurementToInventory(ProcurementDelivery delivery) {
        return execution -> delivery.stock(requestId(execution));
    }

    @Bean
    JavaDelegate remindApprovers(ProcurementDelivery delivery) {
        return execution -> delivery.remind(requestId(execution), text(execution, APPROVER_GROUP),
                ((Number) execution.getVariable(APPROVAL_STEP)).intValue());
    }

    @Bean
    JavaDelegate withdrawProcurementRequest(ProcurementService procurement) {
        return execution -> procurement.closeWithdrawn(requestId(execution), text(execution, "withdrawnBy"));
    }

    /** Names each task after its request and puts the request's summary on the task for its form. */
    @Bean
    TaskListener procurementTaskCreated(ProcurementTaskContext context) {
        return task -> {
            long id = requestId(task);
            task.setName(context.taskName(task, id));
            context.formSummaries(id).forEach(task::setVariableLocal);
        };
    }

    static long requestId(VariableScope scope) {
        return ((Number) scope.getVariable(REQUEST_ID)).longValue();
    }

}
