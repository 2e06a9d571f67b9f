package org.ticketops.procurement;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.casework.CaseService;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.web.Display;
import org.ticketops.web.InvalidField;

/**
 * An approved request's contract, the inspection of each delivery (which feeds the supplier's scorecard), settling
 * a short or defective one with the supplier, and adding what was accepted to the category's stock exactly once.
 * Also the reminder to an approval group whose task waits too long.
 */
@Service
public class ProcurementDelivery {

    private final ProcurementMapper requests;
    private final ProcurementService procurement;
    private final ProcurementCase procurementCase;
    private final CaseService cases;
    private final SupplierService suppliers;
    private final CatalogService catalog;
    private final org.ticketops.casework.StaffNotifications staff;
    private final AuditTrail audit;
    private final Clock clock;

    ProcurementDelivery(ProcurementMapper requests, ProcurementService procurement, ProcurementCase procurementCase,
                        CaseService cases, SupplierService suppliers, CatalogService catalog,
                        org.ticketops.casework.StaffNotifications staff, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.procurement = procurement;
        this.procurementCase = procurementCase;
        this.cases = cases;
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    /** Procurement's Sign contract task: the contract number is unique across requests. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void signContract(long id, String number, LocalDate signedOn, String paymentTerms, String user) {
        ProcurementRequest request = procurement.request(id);
        if (number == null || !number.strip().matches("[A-Za-z0-9/_-]{1,64}")) {
            throw new InvalidField("contractNumber", "is required: letters, digits, / _ - (at most 64)");
        }
        if (signedOn == null || signedOn.isAfter(suppliers.today())) {
            throw new InvalidField("contractSignedOn", "is required and can't be in the future");
        }
        if (paymentTerms == null || paymentTerms.isBlank() || paymentTerms.length() > 200) {
            throw new InvalidField("paymentTerms", "is required (at most 200 characters)");
        }
        try {
            if (requests.signContract(id, number.strip(), signedOn, paymentTerms.strip(), user, clock.instant()) != 1) {
                throw new ProcurementProblems.NotNow(request.requestNumber(), "signing a contract", "already contracted");
            }
        } catch (DuplicateKeyException e) {
            throw new ProcurementProblems.ContractNumberTaken(number.strip());
        }
        cases.move(procurementCase, request.caseId(), ProcurementStatus.CONTRACTED.name(), user, "contract " + number.strip());
        audit.record(user, "PROCUREMENT_CONTRACTED", ProcurementCase.TYPE, id, number.strip() + ", " + paymentTerms.strip());
    }

    /**
     * Procurement's inspection of a delivery: what arrived and how much of it is defective. Feeds the supplier's
     * scorecard (which may block the supplier). True when everything ordered has now arrived in good order.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean inspect(long id, Integer received, Integer defective, String notes, String user) {
        ProcurementRequest request = procurement.request(id);
        int expected = request.quantity() - accepted(id);
        if (received == null || received < 0) {
            throw new InvalidField("receivedCount", "is required (0 or more)");
        }
        if (defective == null || defective < 0 || defective > received) {
            throw new InvalidField("defectiveCount", "is required, from 0 to the received count");
        }
        ProcurementMapper.ReceiptRow row = new ProcurementMapper.ReceiptRow();
        row.requestId = id;
        row.supplierId = request.supplierId();
        row.expected = expected;
        row.received = received;
        row.defective = defective;
        row.notes = notes == null || notes.isBlank() ? null : notes.strip();
        row.inspectedBy = user;
        row.inspectedAt = clock.instant();
        requests.insertReceipt(row);
        suppliers.reviewAfterInspection(request.supplierId(), user);
        boolean complete = received - defective >= expected;
        if (!complete) {
            cases.move(procurementCase, request.caseId(), ProcurementStatus.DELIVERY_PROBLEM.name(), user,
                    received + " of " + expected + " received, " + defective + " defective");
        }
        audit.record(user, "PROCUREMENT_INSPECTED", ProcurementCase.TYPE, id, received + " of " + expected
                + " received, " + defective + " defective");
        return complete;
    }

    /** Procurement settles a short or defective delivery: REPLACED (inspect again) or CREDITED (keep what is good). */
    @Transactional(propagation = Propagation.MANDATORY)
    public String resolve(long id, String resolution, BigDecimal creditAmount, String user) {
        ProcurementRequest request = procurement.request(id);
        List<ProcurementReceipt> receipts = requests.findReceipts(id);
        ProcurementReceipt latest = receipts.get(receipts.size() - 1);
        if ("CREDITED".equals(resolution)) {
            if (creditAmount == null || creditAmount.signum() <= 0 || creditAmount.compareTo(request.total()) > 0) {
                throw new InvalidField("creditAmount", "is required: above 0 and at most the request's total");
            }
        } else if (!"REPLACED".equals(resolution)) {
            throw new InvalidField("resolution", "must be REPLACED or CREDITED");
        }
        BigDecimal credit = "CREDITED".equals(resolution) ? creditAmount.setScale(2, java.math.RoundingMode.HALF_UP) : null;
        if (requests.resolve(latest.id(), resolution, credit, user, clock.instant()) != 1) {
            throw new ProcurementProblems.NotNow(request.requestNumber(), "settling the delivery", "already settled");
        }
        if ("REPLACED".equals(resolution)) {
            cases.move(procurementCase, request.caseId(), ProcurementStatus.CONTRACTED.name(), user,
                    "the supplier replaces what was missing or defective");
        }
        audit.record(user, "PROCUREMENT_DELIVERY_" + resolution, ProcurementCase.TYPE, id,
                credit == null ? "replacement to inspect" : "supplier credit " + credit);
        return resolution;
    }

    /**
     * Adds the accepted tickets to the category (a new one is created first) in one conditional update, with the
     * weighted average unit cost; marks the request stocked, once: a retried step adds nothing twice.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int stock(long id) {
        ProcurementRequest request = procurement.request(id);
        if (request.stockedAt() != null) {
            return request.acceptedQuantity();
        }
        int accepted = Math.min(request.quantity(), accepted(id));
        BigDecimal credit = requests.findReceipts(id).stream().map(ProcurementReceipt::creditAmount)
                .filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
        long categoryId = request.categoryId() != null ? request.categoryId()
                : catalog.createCategory(request.showId(), request.newCategoryName(), request.newCategoryType(),
                request.plannedSalePrice(), 0).id();
        Instant now = clock.instant();
        if (requests.markStocked(id, accepted, credit.signum() == 0 ? null : credit, categoryId, now) != 1) {
            return accepted; // stocked meanwhile by a retry
        }
        if (accepted > 0 && requests.addStock(categoryId, accepted, request.unitCost(), now) != 1) {
            throw new IllegalStateException("category " + categoryId + " is gone");
        }
        cases.move(procurementCase, request.caseId(), ProcurementStatus.STOCKED.name(), "system",
                accepted + " ticket(s) added to category " + categoryId);
        audit.record("system", "PROCUREMENT_STOCKED", ProcurementCase.TYPE, id, accepted + " ticket(s) into category "
                + categoryId + " at " + request.unitCost());
        return accepted;
    }

    /** Reminds every member of an approval group that a task waits (once per step and member). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int remind(long id, String group, int step) {
        ProcurementRequest request = procurement.request(id);
        Map<String, Object> payload = Map.of("requestNumber", request.requestNumber(), "approverGroup", group,
                "supplierName", request.supplierName(), "total", Display.money(request.total()),
                "eventName", request.eventName(), "quantity", request.quantity());
        int sent = staff.toGroup(procurementCase, id, group, "procurement-approval-reminder", payload,
                "procurement-remind-" + id + "-" + request.approvalRound() + "-" + step);
        audit.record("system", "PROCUREMENT_REMINDED", ProcurementCase.TYPE, id, group + ": " + sent + " reminder(s)");
        return sent;
    }

    public List<ProcurementReceipt> receipts(long id) {
        return requests.findReceipts(id);
    }

    public TicketCategory category(long categoryId) {
        return catalog.category(categoryId);
    }

    /** Good tickets over every inspection of the request. */
    private int accepted(long id) {
        return requests.findReceipts(id).stream().mapToInt(ProcurementReceipt::good).sum();
    }
}
