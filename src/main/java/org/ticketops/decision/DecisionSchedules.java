package org.ticketops.decision;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every node looks for due scheduled activations each second; the one that takes a schedule puts it in force. */
@Component
@ConditionalOnProperty(name = "ticketops.decisions.schedule-enabled", havingValue = "true", matchIfMissing = true)
class DecisionSchedules {

    private final ScheduledActivations scheduled;

    DecisionSchedules(ScheduledActivations scheduled) {
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelayString = "${ticketops.decisions.schedule-poll:PT1S}", initialDelayString = "PT5S")
    void fire() {
        scheduled.fireDue();
    }
}
