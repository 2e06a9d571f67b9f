package org.ticketops.procurement;

import org.ticketops.casework.Approver;
import static org.ticketops.procurement.ProcurementStatus.APPROVED;
import static org.ticketops.procurement.ProcurementStatus.CHANGES_REQUESTED;
import static org.ticketops.procurement.ProcurementStatus.CONTRACTED;
import static org.ticketops.procurement.ProcurementStatus.DELIVERY_PROBLEM;
import static org.ticketops.procurement.ProcurementStatus.IN_APPROVAL;
import static org.ticketops.procurement.ProcurementStatus.QUALIFYING;
import static org.ticketops.procurement.ProcurementStatus.REJECTED;
import static org.ticketops.procurement.ProcurementStatus.STOCKED;
import static org.ticketops.procurement.ProcurementStatus.SUBMITTED;
import static org.ticketops.procurement.ProcurementStatus.SUPPLIER_NOT_QUALIFIED;
import static org.ticketops.procurement.ProcurementStatus.SUPPLIER_SUSPENDED;
import static org.ticketops.procurement.ProcurementStatus.WITHDRAWN;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.ticketops.casework.Case;
import org.ticketops.casework.CaseDefinition;

/**
 * A procurement request as a case: SUBMITTED, then QUALIFYING (a supplier to qualify first), IN_APPROVAL through the
 * chain the approval table decides (CHANGES_REQUESTED sends it back), APPROVED, CONTRACTED, DELIVERY_PROBLEM while a
 * short or defective delivery is settled, and STOCKED. Rejections, an unqualified or suspended supplier and a
 * withdrawal close it.
 */
@Component
public class ProcurementCase implements CaseDefinition {

    public static final String TYPE = "PROCUREMENT_REQUEST";
    public static final String PROCESS_KEY = "procurementApproval";

    private final ProcurementMapper requests;

    ProcurementCase(ProcurementMapper requests) {
        this.requests = requests;
    }

    /** {@code P-000042}. */
    static String businessKey(long id) {
        return CaseDefinition.number("P", id);
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
        return SUBMITTED.name();
    }

    @Override
    public Map<String, Set<String>> transitions() {
        Map<String, Set<String>> moves = new LinkedHashMap<>();
        moves.put(SUBMITTED.name(), names(EnumSet.of(QUALIFYING, IN_APPROVAL, SUPPLIER_SUSPENDED, WITHDRAWN)));
        moves.put(QUALIFYING.name(), names(EnumSet.of(IN_APPROVAL, SUPPLIER_NOT_QUALIFIED, WITHDRAWN)));
        moves.put(IN_APPROVAL.name(), names(EnumSet.of(CHANGES_REQUESTED, APPROVED, REJECTED, WITHDRAWN)));
        moves.put(CHANGES_REQUESTED.name(), names(EnumSet.of(IN_APPROVAL, WITHDRAWN)));
        moves.put(APPROVED.name(), names(EnumSet.of(CONTRACTED, WITHDRAWN)));
        moves.put(CONTRACTED.name(), names(EnumSet.of(DELIVERY_PROBLEM, STOCKED)));
        moves.put(DELIVERY_PROBLEM.name(), names(EnumSet.of(CONTRACTED, STOCKED)));
        return moves;
    }

    @Override
    public Set<String> dynamicCandidateGroups() {
        return Arrays.stream(Approver.values()).map(Approver::group).collect(Collectors.toSet());
    }

    @Override
    public Map<String, Set<String>> notificationTemplates() {
        return Map.of("procurement-approval-reminder", Set.of("requestNumber", "approverGroup", "supplierName", "total",
                "eventName", "quantity"));
    }

    @Override
    public String outcome(Case opened) {
        return requests.find(Long.parseLong(opened.businessKey().substring(2)))
                .map(r -> opened.businessKey() + " · " + r.quantity() + " ticket(s) from " + r.supplierName() + " for "
                        + org.ticketops.web.Display.money(r.total()) + ": " + ProcurementRequest.describe(opened.status()) + ".")
                .orElseGet(() -> CaseDefinition.super.outcome(opened));
    }

    private static Set<String> names(Set<ProcurementStatus> statuses) {
        return statuses.stream().map(Enum::name).collect(Collectors.toSet());
    }
}
