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

    /**
     * The statuses that end a case: those no move leaves. Derived from {@link #transitions()}, so a status can't be
     * declared closed and still have a way out.
     */
    default Set<String> closedStatuses() {
        Map<String, Set<String>> moves = transitions();
        Set<String> statuses = new java.util.HashSet<>(Set.of(initialStatus()));
        moves.values().forEach(statuses::addAll);
        statuses.removeIf(status -> !closes(status));
        return Set.copyOf(statuses);
    }

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

    /**
     * The customer messages this process's cases send: each template
     * ({@code notification-templates/<template>.txt}) with the payload fields it needs. {@link CaseNotifications}
     * refuses a template that is not declared here or a payload without a declared field, and a test checks
     * that every placeholder of a template is declared.
     */
    default Map<String, Set<String>> notificationTemplates() {
        return Map.of();
    }

    /**
     * What the person who opened a case reads right after it was opened (Tasklist shows it after a start
     * form is submitted): its number and how it stands, in a sentence. The default names the status.
     */
    default String outcome(Case opened) {
        return opened.businessKey() + " is " + opened.status().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ".";
    }

    /** A case number: the prefix and the id, at least six digits ({@code R-000123}, {@code P-1234567}). */
    static String number(String prefix, long id) {
        return String.format(java.util.Locale.ROOT, "%s-%06d", prefix, id);
    }

    /** Whether a case that moved to {@code status} is closed by it: no move leaves it. */
    default boolean closes(String status) {
        return transitions().getOrDefault(status, Set.of()).isEmpty();
    }

    default boolean allows(String from, String to) {
        return transitions().getOrDefault(from, Set.of()).contains(to);
    }
}
