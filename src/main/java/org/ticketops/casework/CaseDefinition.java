package org.ticketops.casework;

import java.util.Map;
import java.util.Set;

/**
 * What a process declares about its cases (a Spring bean per process): the case type, the process, the
 * statuses with the one a case starts in and the ones that close it, and which moves between statuses
 * are allowed. Everything else is refused by {@link CaseService}.
 */
public interface CaseDefinition {

    /** The case type, e.g. {@code REFUND_REQUEST}; also the subject type of the audit trail. */
    String type();

    /** The process key whose instances run these cases. */
    String processKey();

    String initialStatus();

    /** The statuses that end a case (no move leaves them). */
    Set<String> closedStatuses();

    /** Allowed moves: from each status, the statuses a case may go to. */
    Map<String, Set<String>> transitions();

    /**
     * The groups that candidate-group expressions in the process ({@code ${approverGroup}}, from a decision
     * table) may name. Authorizations are derived from these as from the static groups, so a group that a
     * table routes work to can open its tasks and read the process's variables.
     */
    default Set<String> dynamicCandidateGroups() {
        return Set.of();
    }

    default boolean allows(String from, String to) {
        return transitions().getOrDefault(from, Set.of()).contains(to);
    }
}
