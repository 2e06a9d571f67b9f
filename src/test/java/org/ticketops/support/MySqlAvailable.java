package org.ticketops.support;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs the MySQL tests only when TICKETOPS_TEST_MYSQL_URL names a database; says once when it does not. */
public class MySqlAvailable implements ExecutionCondition {

    public static final String VARIABLE = "TICKETOPS_TEST_MYSQL_URL";
    private static final AtomicBoolean SAID = new AtomicBoolean();

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String url = System.getenv(VARIABLE);
        if (url != null && !url.isBlank()) {
            return ConditionEvaluationResult.enabled(VARIABLE + " is set");
        }
        if (SAID.compareAndSet(false, true)) {
            System.out.println("MySQL tests skipped: " + VARIABLE + " is not set (bash .ci/run sets it).");
        }
        return ConditionEvaluationResult.disabled(VARIABLE + " is not set");
    }
}
