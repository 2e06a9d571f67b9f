package org.ticketops.cancellation;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketops.casework.ProcessIntake;

/** The steps of {@code showCancellation}; the variables hold the cancellation's id and where the batches are. */
@Configuration(proxyBeanMethods = false)
class ShowCancellationDelegates {

    static final String CANCELLATION_ID = "cancellationId";
    static final String MORE_ORDERS = "moreOrders";

    /** Only the API starts a cancellation (by cancelling the show): without what it hands over, the step refuses. */
    @Bean
    JavaDelegate registerShowCancellation(ShowCancellationService cancellations) {
        return execution -> {
            ShowCancellationService.Pending pending = ProcessIntake.take(ShowCancellationCase.PROCESS_KEY,
                    ShowCancellationService.Pending.class).orElseThrow(() -> new IllegalStateException(
                    "A show cancellation starts only by cancelling the show (PATCH /api/shows/{id})"));
            long id = cancellations.register(pending, execution.getProcessInstanceId());
            execution.setProcessBusinessKey(ShowCancellationCase.businessKey(pending.showId()));
            execution.setVariable(CANCELLATION_ID, id);
        };
    }

    @Bean
    JavaDelegate startCancellationRefunds(ShowCancellationService cancellations) {
        return execution -> execution.setVariable(MORE_ORDERS,
                cancellations.startNextBatch(((Number) execution.getVariable(CANCELLATION_ID)).longValue()));
    }

    @Bean
    JavaDelegate closeShowCancellation(ShowCancellationService cancellations) {
        return execution -> cancellations.close(((Number) execution.getVariable(CANCELLATION_ID)).longValue());
    }
}
