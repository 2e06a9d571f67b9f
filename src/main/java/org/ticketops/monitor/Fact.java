package org.ticketops.monitor;

import java.time.Instant;

/**
 * What the monitor learns from one history event: a process instance started ({@code START}) or ended
 * ({@code END}, {@code nodeId} its end event), or a flow node ended ({@code NODE}, a user task with its task id).
 */
record Fact(Long id, String kind, String processKey, String processDefinitionId, String processInstanceId,
            String nodeId, String nodeType, String taskId, Instant startedAt, Instant happenedAt, Long durationMs) {

    static final String START = "START";
    static final String END = "END";
    static final String NODE = "NODE";
    /** The end "event" of an instance that was cancelled or deleted rather than ending at an end event. */
    static final String CANCELLED = "(cancelled)";
}
