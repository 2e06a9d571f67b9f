package org.ticketops.refund;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketops.web.InvalidField;

/**
 * The delegates and listeners of {@code processes/refund-exchange.bpmn}, each a bean named after what it
 * does. They read and write process variables and call {@link RefundService}; the logic is there.
 */
@Configuration(proxyBeanMethods = false)
class RefundDelegates {

    /** Registers a request started from the Tasklist start form (a request started over REST is registered already). */
    @Bean
    JavaDelegate registerRefundRequest(RefundService refunds) {
        return execution -> {
            if (execution.getVariable(RefundVariables.REQUEST_ID) != null) {
                return;
            }
            NewRefundRequest command = new NewRefundRequest(
                    number(execution, RefundVariables.ORDER_ID, true),
                    ticketIds(RefundVariables.string(execution, RefundVariables.TICKET_IDS)),
                    enumValue(RefundRequestType.class, execution, RefundVariables.REQUEST_TYPE),
                    enumValue(RefundReason.class, execution, RefundVariables.REASON),
                    number(execution, RefundVariables.TARGET_CATEGORY_ID, false),
                    RefundVariables.string(execution, RefundVariables.NOTE));
            String user = RefundVariables.string(execution, RefundVariables.REQUESTED_BY);
            long id = refunds.registerForProcess(command, user, execution.getProcessInstanceId());
            execution.setProcessBusinessKey(String.valueOf(id));
            execution.setVariable(RefundVariables.REQUEST_ID, id);
        };
    }

    @Bean
    JavaDelegate evaluateRefundFees(RefundService refunds, RefundProperties properties, ObjectMapper json) {
        return execution -> {
            long id = RefundVariables.requestId(execution);
            RefundService.Evaluation evaluation = refunds.evaluate(id);
            execution.setVariable(RefundVariables.ALLOWED, evaluation.allowed());
            execution.setVariable(RefundVariables.REJECTION_CODE, evaluation.rejectionCode());
            setTotals(execution, evaluation, json);
            execution.setVariable(RefundVariables.TABLE_VERSION, evaluation.tableVersion());
            execution.setVariable(RefundVariables.REVIEW_NEEDED, evaluation.reviewNeeded());
            execution.setVariable(RefundVariables.REVIEW_REASONS, evaluation.reviewReasons());
            execution.setVariable(RefundVariables.REVIEW_DEADLINE, properties.reviewDeadline().toString());
            execution.setVariable(RefundVariables.REVIEW_DUE_AT, Date.from(evaluation.reviewDueAt()));
            refunds.formSummaries(id).forEach(execution::setVariable);
        };
    }

    /** Checks and records a reviewer's decision as the review task completes (an invalid one is refused). */
    @Bean
    TaskListener reviewCompleted(RefundService refunds) {
        return task -> {
            String decision = RefundVariables.string(task, RefundVariables.REVIEW_DECISION);
            String comment = RefundVariables.string(task, RefundVariables.REVIEW_COMMENT);
            String user = actor(task);
            refunds.recordReview(RefundVariables.requestId(task), decision, comment, user);
            task.setVariable(RefundVariables.REVIEWED_BY, user);
            if ("REJECT".equals(decision)) {
                task.setVariable(RefundVariables.REJECTION_CODE, RefundService.REVIEW_REJECTED);
            }
        };
    }

    @Bean
    JavaDelegate applyReviewDecision(RefundService refunds, ObjectMapper json) {
        return execution -> {
            RefundService.Evaluation evaluation = refunds.applyReview(RefundVariables.requestId(execution),
                    RefundVariables.string(execution, RefundVariables.REVIEW_DECISION),
                    RefundVariables.string(execution, RefundVariables.REVIEWED_BY));
            setTotals(execution, evaluation, json);
            refunds.formSummaries(RefundVariables.requestId(execution)).forEach(execution::setVariable);
        };
    }

    @Bean
    TaskListener financeDecided(RefundService refunds) {
        return task -> {
            String decision = RefundVariables.string(task, RefundVariables.FINANCE_DECISION);
            String user = actor(task);
            refunds.recordFinanceDecision(RefundVariables.requestId(task), decision,
                    RefundVariables.string(task, RefundVariables.FINANCE_COMMENT), user);
            task.setVariable(RefundVariables.APPROVED_BY, user);
            if ("REJECT".equals(decision)) {
                task.setVariable(RefundVariables.REJECTION_CODE, RefundService.FINANCE_REJECTED);
            }
        };
    }

    @Bean
    JavaDelegate holdExchangeSeats(RefundService refunds) {
        return execution -> {
            RefundService.HoldResult hold = refunds.holdSeats(RefundVariables.requestId(execution));
            execution.setVariable(RefundVariables.SOLD_OUT, hold.soldOut());
            execution.setVariable(RefundVariables.CUSTOMER_OWES, hold.customerOwes());
            execution.setVariable(RefundVariables.AMOUNT_DUE, hold.amountDue().toPlainString());
            execution.setVariable(RefundVariables.REFUND_DUE, hold.refundDue());
            execution.setVariable(RefundVariables.TOTAL_REFUND, hold.refundBack().toPlainString());
            execution.setVariable(RefundVariables.PAYMENT_DEADLINE,
                    hold.paymentDeadline() == null ? null : Date.from(hold.paymentDeadline()));
            if (hold.soldOut()) {
                execution.setVariable(RefundVariables.REJECTION_CODE, RefundService.EXCHANGE_SOLD_OUT);
            }
        };
    }

    @Bean
    JavaDelegate payRefund(RefundService refunds) {
        return execution -> refunds.payRefund(RefundVariables.requestId(execution));
    }

    @Bean
    JavaDelegate settleTickets(RefundService refunds) {
        return execution -> refunds.settleTickets(RefundVariables.requestId(execution));
    }

    @Bean
    JavaDelegate issueCreditNote(RefundService refunds) {
        return execution -> refunds.issueCreditNote(RefundVariables.requestId(execution))
                .ifPresent(note -> execution.setVariable("creditNoteNumber", note.number()));
    }

    @Bean
    JavaDelegate notifyCustomer(RefundService refunds) {
        return execution -> refunds.notifyCompleted(RefundVariables.requestId(execution));
    }

    @Bean
    JavaDelegate rejectRefundRequest(RefundService refunds) {
        return execution -> refunds.reject(RefundVariables.requestId(execution),
                RefundVariables.string(execution, RefundVariables.REJECTION_CODE));
    }

    @Bean
    JavaDelegate expireRefundRequest(RefundService refunds) {
        return execution -> refunds.expire(RefundVariables.requestId(execution));
    }

    @Bean
    JavaDelegate withdrawRefundRequest(RefundService refunds) {
        return execution -> refunds.closeWithdrawn(RefundVariables.requestId(execution),
                RefundVariables.string(execution, RefundVariables.WITHDRAWN_BY),
                RefundVariables.string(execution, RefundVariables.WITHDRAW_REASON));
    }

    /** {@code ${refundStatus.set(execution, 'AWAITING_REVIEW')}}: the status a waiting step shows. */
    @Bean
    RefundStatus refundStatus(RefundService refunds) {
        return new RefundStatus(refunds);
    }

    private static void setTotals(DelegateExecution execution, RefundService.Evaluation evaluation, ObjectMapper json)
            throws JsonProcessingException {
        execution.setVariable(RefundVariables.TOTAL_FEE, evaluation.totalFee().toPlainString());
        execution.setVariable(RefundVariables.TOTAL_REFUND, evaluation.totalRefund().toPlainString());
        execution.setVariable(RefundVariables.FEE_LINES, json.writeValueAsString(evaluation.feeLines()));
        execution.setVariable(RefundVariables.LARGE_REFUND, evaluation.largeRefund());
        execution.setVariable(RefundVariables.REFUND_DUE, evaluation.refundDue());
    }

    /** Who completed a task: the logged-in Tasklist user, else its assignee. */
    private static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() == null ? "unknown" : task.getAssignee();
    }

    private static Long number(DelegateExecution execution, String name, boolean required) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            if (required) {
                throw new InvalidField(name, "is required");
            }
            return null;
        }
        if (value instanceof Number n) {
            if (n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new InvalidField(name, "must be a whole number");
            }
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new InvalidField(name, "must be a whole number");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, DelegateExecution execution, String name) {
        String value = RefundVariables.string(execution, name);
        if (value == null) {
            throw new InvalidField(name, "is required");
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static List<Long> ticketIds(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidField(RefundVariables.TICKET_IDS, "is required");
        }
        try {
            return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        } catch (NumberFormatException e) {
            throw new InvalidField(RefundVariables.TICKET_IDS, "must be ticket ids separated by commas");
        }
    }

}
