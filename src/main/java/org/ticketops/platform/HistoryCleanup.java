package org.ticketops.platform;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's history cleanup runs every night in {@code ticketops.history.cleanup-window} ("22:00-06:00", the
 * center's time): it removes the history of process instances past their process's history time to live (every
 * BPMN sets one; the engine refuses a process without). The window is handed to the engine with the center's
 * offset. The monitor's aggregates are not history: they keep their figures.
 */
@Component
class HistoryCleanup extends AbstractProcessEnginePlugin {

    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");
    private final String start;
    private final String end;

    HistoryCleanup(@Value("${ticketops.history.cleanup-window:22:00-06:00}") String window, TicketOpsProperties ticketOps) {
        String[] parts = window.split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("ticketops.history.cleanup-window must be HH:mm-HH:mm, not " + window);
        }
        ZoneOffset offset = ticketOps.zone().getRules().getOffset(Instant.now());
        String zone = offset.getId().equals("Z") ? "+0000" : offset.getId().replace(":", "");
        try {
            this.start = LocalTime.parse(parts[0].strip()).format(HOURS) + zone;
            this.end = LocalTime.parse(parts[1].strip()).format(HOURS) + zone;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("ticketops.history.cleanup-window must be HH:mm-HH:mm, not " + window, e);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryCleanupBatchWindowStartTime(start);
        configuration.setHistoryCleanupBatchWindowEndTime(end);
        configuration.setHistoryCleanupStrategy("removalTimeBased");
    }

    String window() {
        return start + "-" + end;
    }
}
