package org.ticketops.performance;

import java.time.Instant;

/** A month's performance cycle; its status is its case's. */
public record Cycle(long id, String period, long caseId, String businessKey, String status, String processInstanceId,
                    String startedBy, Instant startedAt, String calibratedBy, Instant calibratedAt, String overrunReason) {
}
