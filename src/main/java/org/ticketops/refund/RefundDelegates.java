package org.ticketops.refund;

import static org.ticketops.casework.TaskInputs.actor;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.DelegateExecution;
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

    /** The fields of the Tasklist start form: the only variables a start may carry. */
    static final Set<String> START_FORM_FIELDS = Set.of(RefundVariables.ORDER_ID, RefundVariables.TICKET_IDS,
            RefundVariables.REQUEST_TYPE, RefundVariables.REASON, RefundVariables.TARGET_CATEGORY_ID, RefundVariables.NOTE);

    /**
     * The first step of every start: registers a new case for this process instance. A start over our API
     * hands its command and authenticated user over {@link RefundIntake}; a Tasklist start brings the
     * start form's fields and the user the engine authenticated. Nothing else a starter sends is
     * accepted: no request id (a start can't take over an existing request), no user name, no variable
     * the process sets itself; the initiator is never read from a variable.
     */
    @Bean
    JavaDelegate registerRefundRequest(RefundRegistration registration) {
        return execution -> {
            Optional<RefundIntake.Pending> pending = RefundIntake.take();
            Set<String> sent = new TreeSet<>(execution.getVariableNames());
            if (pending.isPresent()) {
                if (!sent.isEmpty()) {
                    throw new InvalidField("variables", "a request registered over the API starts with none, got " + sent);
                }
            } else {
                sent.removeAll(START_FORM_FIELDS);
                if (!sent.isEmpty()) {
                    throw new InvalidField(sent.iterator().next(), "can't be set when a request is started; only the"
                            + " start form's fields can (" + String.join(", ", new TreeSet<>(START_FORM_FIELDS)) + ")");
                }
            }
            NewRefundRequest command;
            String user;
            long id;
            if (pending.isPresent()) {
                command = pending.get().command();
                user = pending.get().user();
                id = registration.registerForProcess(command, user, pending.get().idempotencyKey(), pending.get().bodyHash(),
                        execution.getProcessInstanceId());
            } else {
                command = new NewRefundRequest(
                        number(execution, RefundVariables.ORDER_ID, true),
                        ticketIds(RefundVariables.string(execution, RefundVariables.TICKET_IDS)),
                        enumValue(RefundRequestType.class, execution, RefundVariables.REQUEST_TYPE),
                        enumValue(RefundReason.class, execution, RefundVariables.REASON),
                        number(execution, RefundVariables.TARGET_CATEGORY_ID, false),
                        note(RefundVariables.string(execution, RefundVariables.NOTE)));
                Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                        .getCurrentAuthentication();
                user = authentication == null ? null : authentication.getUserId();
                id = registration.registerForProcess(command, user, null, null, execution.getProcessInstanceId());
                // the note is kept with the request; the process needs no copy of the customer's words
                execution.removeVariable(RefundVariables.NOTE);
            }
            execution.setProcessBusinessKey(String.valueOf(id));
            execution.setVariable(RefundVariables.REQUEST_ID, id);
            // references and what the gateways route on, nothing else: the request row holds the data
            execution.setVariable(RefundVariables.REQUEST_TYPE, command.type().name());
        };
    }


    @Bean
    JavaDelegate evaluateRefundFees(RefundAssessment assessment) {
        return execution -> {
            long id = RefundVariables.requestId(execution);
            RefundAssessment.Evaluation evaluation = assessment.evaluate(id);
            execution.setVariable(RefundVariables.ALLOWED, evaluation.allowed());
            if (!evaluation.allowed()) {
                execution.setVariable(RefundVariables.REJECTION_CODE, evaluation.rejectionCode());
            }
            setRouting(execution, evaluation);
            execution.setVariable(RefundVariables.REVIEW_NEEDED, evaluation.reviewNeeded());
            if (evaluation.reviewNeeded()) { // the review task's timer, due date and form
                execution.setVariable(RefundVariables.REVIEW_REASONS, evaluation.reviewReasons());
                execution.setVariable(RefundVariables.REVIEW_DEADLINE, evaluation.reviewDeadline().toString());
                execution.setVariable(RefundVariables.REVIEW_DUE_AT, Date.from(evaluation.reviewDueAt()));
            }
        };
    }

    /** Checks and records a reviewer's decision as the review task completes (an invalid one is refused). */
    @Bean
    TaskListener reviewCompleted(RefundAssessment assessment, RefundTaskContext context) {
        return task -> {
            String decision = RefundVariables.string(task, RefundVariables.REVIEW_DECISION);
            String comment = RefundVariables.string(task, RefundVariables.REVIEW_COMMENT);
            String user = actor(task);
            assessment.recordReview(RefundVariables.requestId(task), decision, comment, user);
            task.setVariable(RefundVariables.REVIEWED_BY, user);
            task.setVariable(RefundVariables.REVIEW_OUTCOME, context.reviewOutcome(decision, user, comment));
            if ("REJECT".equals(decision)) {
                task.setVariable(RefundVariables.REJECTION_CODE, RefundService.REVIEW_REJECTED);
            }
        };
    }

    @Bean
    JavaDelegate applyReviewDecision(RefundAssessment assessment) {
        return execution -> {
            RefundAssessment.Evaluation evaluation = assessment.applyReview(RefundVariables.requestId(execution),
                    RefundVariables.string(execution, RefundVariables.REVIEW_DECISION),
                    RefundVariables.string(execution, RefundVariables.REVIEWED_BY));
            setRouting(execution, evaluation);
        };
    }

    @Bean
    TaskListener financeDecided(RefundAssessment assessment) {
        return task -> {
            String decision = RefundVariables.string(task, RefundVariables.FINANCE_DECISION);
            String user = actor(task);
            assessment.recordFinanceDecision(RefundVariables.requestId(task), decision,
                    RefundVariables.string(task, RefundVariables.FINANCE_COMMENT), user,
                    RefundVariables.string(task, RefundVariables.REVIEWED_BY));
            task.setVariable(RefundVariables.APPROVED_BY, user);
            if ("REJECT".equals(decision)) {
                task.setVariable(RefundVariables.REJECTION_CODE, RefundService.FINANCE_REJECTED);
            }
        };
    }

    @Bean
    JavaDelegate holdExchangeSeats(RefundExchanges exchanges) {
        return execution -> {
            RefundExchanges.HoldResult hold = exchanges.holdSeats(RefundVariables.requestId(execution));
            execution.setVariable(RefundVariables.SOLD_OUT, hold.soldOut());
            execution.setVariable(RefundVariables.CUSTOMER_OWES, hold.customerOwes());
            execution.setVariable(RefundVariables.REFUND_DUE, hold.refundDue());
            execution.setVariable(RefundVariables.PAYMENT_DEADLINE,
                    hold.paymentDeadline() == null ? null : Date.from(hold.paymentDeadline()));
            if (hold.soldOut()) {
                execution.setVariable(RefundVariables.REJECTION_CODE, RefundService.EXCHANGE_SOLD_OUT);
            }
        };
    }

    @Bean
    JavaDelegate payRefund(RefundPayouts payouts) {
        return execution -> payouts.payRefund(RefundVariables.requestId(execution));
    }

    /** {@code ${payouts.automatic}}: whether a payment provider pays refunds, or finance pays them by hand. */
    @Bean
    Payouts payouts(RefundPayouts payouts) {
        return new Payouts(payouts);
    }

    /**
     * When a review or approval task is created: its name tells it apart in the list, and its form's
     * context is computed now, as task variables (not frozen into the process at the start).
     */
    @Bean
    TaskListener refundTaskCreated(RefundTaskContext context) {
        return task -> {
            long id = RefundVariables.requestId(task);
            task.setName(context.taskName(task.getName(), id));
            context.formSummaries(id).forEach(task::setVariableLocal);
        };
    }

    /** The payout task's name and summary, computed when the task is created (amount, customer, how they paid). */
    @Bean
    TaskListener payoutTaskCreated(RefundTaskContext context) {
        return task -> {
            long id = RefundVariables.requestId(task);
            task.setVariableLocal(RefundVariables.PAYOUT_SUMMARY, context.payoutSummary(id));
            task.setVariableLocal(RefundVariables.REQUEST_TITLE, "Refund request " + RefundCase.businessKey(id));
            task.setName(context.taskName(task.getName(), id));
        };
    }

    /** Finance paid by hand and entered the reference: recorded once (requester excluded). */
    @Bean
    TaskListener payoutRecorded(RefundPayouts payouts) {
        return task -> payouts.recordManualPayout(RefundVariables.requestId(task),
                RefundVariables.string(task, RefundVariables.PAYOUT_REFERENCE), actor(task));
    }

    @Bean
    JavaDelegate settleTickets(RefundService refunds) {
        return execution -> refunds.settleTickets(RefundVariables.requestId(execution));
    }

    @Bean
    JavaDelegate issueCreditNote(RefundService refunds) {
        return execution -> refunds.issueCreditNote(RefundVariables.requestId(execution));
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

    /** What the gateways after an evaluation route on (amounts and fee lines stay in the request row). */
    private static void setRouting(DelegateExecution execution, RefundAssessment.Evaluation evaluation) {
        execution.setVariable(RefundVariables.LARGE_REFUND, evaluation.largeRefund());
        execution.setVariable(RefundVariables.REFUND_DUE, evaluation.refundDue());
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

    private static String note(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (text.length() > 1000) {
            throw new InvalidField(RefundVariables.NOTE, "must be at most 1000 characters");
        }
        return text;
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
