package org.ticketops.complaint;

import static org.ticketops.complaint.ComplaintEnums.Status.AWAITING_CONFIRMATION;
import static org.ticketops.complaint.ComplaintEnums.Status.CLOSING_UNRESOLVED;
import static org.ticketops.complaint.ComplaintEnums.Status.IN_INVESTIGATION;
import static org.ticketops.complaint.ComplaintEnums.Status.OPEN;
import static org.ticketops.complaint.ComplaintEnums.Status.RESOLVED;
import static org.ticketops.complaint.ComplaintEnums.Status.UNRESOLVED;
import static org.ticketops.complaint.ComplaintEnums.Status.WAITING_FOR_CUSTOMER;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.ticketops.casework.CaseDefinition;
import org.ticketops.identity.Groups;

/**
 * A complaint as a case: OPEN until acknowledged, IN_INVESTIGATION (at a level), WAITING_FOR_CUSTOMER while the clock
 * is paused, AWAITING_CONFIRMATION by the customer, CLOSING_UNRESOLVED for the general manager's sign-off, and
 * RESOLVED or UNRESOLVED.
 */
@Component
public class ComplaintCase implements CaseDefinition {

    public static final String TYPE = "COMPLAINT";
    public static final String PROCESS_KEY = "complaintHandling";

    /** {@code C-000042}. */
    static String businessKey(long id) {
        return CaseDefinition.number("C", id);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public String initialStatus() {
        return OPEN.name();
    }

    @Override
    public Map<String, Set<String>> transitions() {
        Map<String, Set<String>> moves = new LinkedHashMap<>();
        moves.put(OPEN.name(), names(EnumSet.of(IN_INVESTIGATION, WAITING_FOR_CUSTOMER)));
        moves.put(WAITING_FOR_CUSTOMER.name(), names(EnumSet.of(OPEN, IN_INVESTIGATION)));
        moves.put(IN_INVESTIGATION.name(), names(EnumSet.of(WAITING_FOR_CUSTOMER, AWAITING_CONFIRMATION)));
        moves.put(AWAITING_CONFIRMATION.name(), names(EnumSet.of(RESOLVED, IN_INVESTIGATION, CLOSING_UNRESOLVED)));
        moves.put(CLOSING_UNRESOLVED.name(), names(EnumSet.of(UNRESOLVED)));
        return moves;
    }

    @Override
    public Set<String> dynamicCandidateGroups() {
        return Set.of(Groups.TICKET_SALES, Groups.FINANCE, Groups.CUSTOMER_SERVICE, Groups.OPERATIONS_MANAGER,
                Groups.GENERAL_MANAGER);
    }

    @Override
    public Map<String, Set<String>> notificationTemplates() {
        return Map.of(org.ticketops.survey.SurveyService.TEMPLATE, org.ticketops.survey.SurveyService.FIELDS,
                "complaint-deadline-warning", Set.of("complaintNumber", "deadline", "dueAt", "category", "severity"),
                "complaint-deadline-breached", Set.of("complaintNumber", "deadline", "dueAt", "category", "severity"));
    }

    private static Set<String> names(Set<ComplaintEnums.Status> statuses) {
        return statuses.stream().map(Enum::name).collect(Collectors.toSet());
    }
}
