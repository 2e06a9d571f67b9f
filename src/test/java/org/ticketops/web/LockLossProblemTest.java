package org.ticketops.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/**
 * A lock wait lost for good is a 409 the desk can send again, whether Spring translated it or the engine wrapped its
 * own SQL's failure in its exception; any other failure stays a 500.
 */
class LockLossProblemTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void aLostLockWaitIsAConcurrentChangeEvenInsideTheEnginesException() {
        var translated = advice.onUnexpected(new CannotAcquireLockException("lock wait timeout",
                new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
        var wrapped = advice.onUnexpected(new ProcessEngineException("ENGINE-03004 flush failed",
                new SQLException("Deadlock found when trying to get lock", "40001", 1213)));
        for (var answer : java.util.List.of(translated, wrapped)) {
            assertThat(answer.getStatusCode().value()).isEqualTo(409);
            assertThat(answer.getBody().getProperties()).containsEntry("code", "CONCURRENT_CHANGE");
        }
        var other = advice.onUnexpected(new ProcessEngineException("flush failed",
                new SQLException("Duplicate entry", "23000", 1062)));
        assertThat(other.getStatusCode().value()).isEqualTo(500);
    }
}
