package org.ticketops.procurement;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ticketops.casework.Approver;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.dao.DuplicateKeyException;
import org.ticketops.audit.AuditTrail;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.ShowStatus;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DecisionSubject;
import org.ticketops.identity.FourEyesViolation;
import org.ticketops.web.IdempotencyKeys;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * Procurement requests from submission to an approved chain: the checks a new request must pass (nothing is written
 * when one fails), the supplier check, the chain the approval table decides, each approver's decision under the
 * four-eyes rule, revisions and withdrawal. Contract, delivery and stock are {@link ProcurementDelivery}'s.
 */
@Service
public class ProcurementService {

    static final String WITHDRAWN_MESSAGE = "ProcurementWithdrawn";
    private static final int MIN_JUSTIFICATION = 20;

    private final ProcurementMapper requests;
    private final ProcurementCase procurementCase;
    private final CaseService cases;
    private final SupplierService suppliers;
    private final CatalogService catalog;
    private final DecisionService decisions;
    private final ProcurementApprovalTable approvalTable;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    ProcurementService(ProcurementMapper requests, ProcurementCase procurementCase, CaseService cases,
                       SupplierService suppliers, CatalogService catalog, DecisionService decisions,
                       ProcurementApprovalTable approvalTable, RuntimeService runtime, AuditTrail audit, ObjectMapper json,
                       Clock clock) {
        this.requests = requests;
        this.procurementCase = procurementCase;
        this.cases = cases;
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.decisions = decisions;
        this.approvalTable = approvalTable;
        this.runtime = runtime;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** What the API (or the start form) hands the process's first step, with the call's Idempotency-Key. */
    record Pending(NewProcurementRequest command, String user, String idempotencyKey, String idempotencyHash) {
        Pending(NewProcurementRequest command, String user) {
            this(command, user, null, null);
        }
    }

    public ProcurementRequest submit(NewProcurementRequest command, String user) {
        return submit(command, user, null);
    }

    /**
     * Submits a request over the API: checks it, then starts the process, whose first step registers it. With an
     * Idempotency-Key, a retry by the same user with the same body answers the first request, another body is
     * refused; of concurrent retries one registers (a unique key).
     */
    public ProcurementRequest submit(NewProcurementRequest command, String user, String idempotencyKey) {
        String key = IdempotencyKeys.checked(idempotencyKey);
        String hash = key == null ? null : IdempotencyKeys.hash(json, command);
        return IdempotencyKeys.once(key, hash, "procurement request", k -> requests.findByIdempotencyKey(user, k),
                id -> requests.find(id).orElseThrow(), () -> {
                    check(command);
                    String processInstanceId = ProcessIntake.start(runtime, ProcurementCase.PROCESS_KEY,
                            new Pending(command, user, key, hash));
                    return cases.ofProcessInstance(processInstanceId)
                            .flatMap(c -> requests.find(Long.parseLong(c.businessKey().substring(2))))
                            .orElseThrow(() -> new IllegalStateException("process " + processInstanceId + " registered no request"));
                });
    }

    /** The first step of the process: checks the request again, stores it and opens its case. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public long register(Pending intake, String processInstanceId) {
        NewProcurementRequest command = intake.command();
        String user = intake.user();
        if (user == null) {
            throw new InvalidField("user", "a procurement request needs an authenticated requester");
        }
        check(command);
        ProcurementMapper.Row row = new ProcurementMapper.Row();
        row.supplierId = command.supplierId();
        row.showId = command.showId();
        row.categoryId = command.categoryId();
        if (command.newCategory() != null) {
            row.newCategoryName = command.newCategory().name().strip();
            row.newCategoryType = command.newCategory().type().name();
        }
        row.quantity = command.quantity();
        row.unitCost = command.unitCost();
        row.plannedSalePrice = command.plannedSalePrice();
        row.total = total(command.quantity(), command.unitCost());
        row.justification = blankToNull(command.justification());
        row.requestedBy = user;
        row.requestedAt = clock.instant();
        row.processInstanceId = processInstanceId;
        row.idempotencyKey = intake.idempotencyKey();
        row.idempotencyHash = intake.idempotencyHash();
        requests.insert(row);
        var opened = cases.open(procurementCase, ProcurementCase.businessKey(row.id), processInstanceId, user);
        requests.attachCase(row.id, opened.id());
        audit.record(user, "PROCUREMENT_REQUESTED", ProcurementCase.TYPE, row.id, row.quantity + " x " + row.unitCost
                + " from supplier " + row.supplierId + " for show " + row.showId);
        return row.id;
    }

    /** Refuses a request that can't be made, naming the field; writes nothing. */
    void check(NewProcurementRequest c) {
        if (c.quantity() == null || c.quantity() <= 0) {
            throw new InvalidField("quantity", "must be above 0");
        }
        if (c.unitCost() == null || c.unitCost().signum() <= 0) {
            throw new InvalidField("unitCost", "must be above 0");
        }
        if (c.plannedSalePrice() == null || c.plannedSalePrice().signum() < 0) {
            throw new InvalidField("plannedSalePrice", "must be 0 or more");
        }
        if ((c.categoryId() == null) == (c.newCategory() == null)) {
            throw new InvalidField("categoryId", "name an existing category or describe a new one (newCategory), not both");
        }
        Supplier supplier = suppliers.supplier(c.supplierId());
        Show show = catalog.show(c.showId());
        if (show.status() == ShowStatus.CANCELLED) {
            throw new ProcurementProblems.ShowNotOpen(show.id(), "is cancelled");
        }
        if (!show.startsAt().isAfter(clock.instant())) {
            throw new ProcurementProblems.ShowNotOpen(show.id(), "has started");
        }
        if (c.categoryId() != null) {
            TicketCategory category = catalog.category(c.categoryId());
            if (!category.showId().equals(show.id())) {
                throw new InvalidField("categoryId", "is a category of another show");
            }
        }
        if (suppliers.scorecard(supplier.id()).standing() == SupplierStanding.BLOCKED) {
            throw new ProcurementProblems.SupplierBlocked(supplier.id());
        }
        if (!suppliers.approvedFor(supplier.id(), show.eventKind())) {
            throw new ProcurementProblems.SupplierNotApproved(supplier.id(), show.eventKind());
        }
        if (c.plannedSalePrice().compareTo(c.unitCost()) < 0
                && (c.justification() == null || c.justification().strip().length() < MIN_JUSTIFICATION)) {
            throw new InvalidField("justification", "is required (at least " + MIN_JUSTIFICATION
                    + " characters) when the planned sale price is below the unit cost");
        }
    }

    /** The supplier check: QUALIFIED (go on), QUALIFY (pending or expired: procurement qualifies it) or SUSPENDED (ends). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public String checkSupplier(long id) {
        ProcurementRequest request = request(id);
        Supplier supplier = suppliers.supplier(request.supplierId());
        if (supplier.qualification() == Supplier.Qualification.SUSPENDED) {
            cases.move(procurementCase, request.caseId(), ProcurementStatus.SUPPLIER_SUSPENDED.name(), "system",
                    "supplier " + supplier.id() + " is suspended");
            return "SUSPENDED";
        }
        if (supplier.qualifiedOn(suppliers.today())) {
            return "QUALIFIED";
        }
        cases.move(procurementCase, request.caseId(), ProcurementStatus.QUALIFYING.name(), "system",
                "supplier " + supplier.id() + " is " + (supplier.qualification() == Supplier.Qualification.PENDING
                        ? "pending" : "qualified only until " + supplier.qualifiedUntil()));
        return "QUALIFY";
    }

    /** Procurement's Qualify supplier task: QUALIFIED until a day (goes on) or REJECTED (ends the request). */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean recordQualification(long id, String decision, java.time.LocalDate until, String comment, String user) {
        ProcurementRequest request = request(id);
        if ("QUALIFIED".equals(decision)) {
            suppliers.qualify(request.supplierId(), until, user);
            return true;
        }
        if (!"REJECTED".equals(decision)) {
            throw new InvalidField("qualificationDecision", "must be QUALIFIED or REJECTED");
        }
        cases.move(procurementCase, request.caseId(), ProcurementStatus.SUPPLIER_NOT_QUALIFIED.name(), user, comment);
        return false;
    }

    /** A new round of the approval chain, decided by the approval table on the request as it is now. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public List<String> decideChain(long id) {
        ProcurementRequest request = request(id);
        SupplierStanding standing = suppliers.scorecard(request.supplierId()).standing();
        ProcurementApprovalInput input = new ProcurementApprovalInput(request.total(), request.eventKind(),
                standing == SupplierStanding.BLOCKED ? SupplierStanding.WATCH : standing, request.marginPercent());
        Decision<ProcurementApprovalDecision> decision = decisions.decide(approvalTable, null, input,
                new DecisionSubject(ProcurementCase.TYPE, String.valueOf(id), request.processInstanceId()));
        List<String> groups = decision.output().approvers().stream().map(Approver::group).toList();
        if (requests.startRound(id, request.approvalRound(), decision.tableVersion().version(), String.join(",", groups),
                clock.instant()) != 1) {
            throw new IllegalStateException("request " + id + " changed while its approval chain was decided");
        }
        cases.move(procurementCase, request.caseId(), ProcurementStatus.IN_APPROVAL.name(), "system",
                "round " + (request.approvalRound() + 1) + ": " + String.join(" → ", groups));
        return groups;
    }

    /**
     * An approver's decision on one step: the requester may not approve, nor one person two steps of a round
     * ({@link FourEyesViolation}, also a unique key); a rejection or a request for changes needs a comment.
     * Returns the request's status after it.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public ProcurementStatus recordApproval(long id, int step, String decision, String comment, String user) {
        ProcurementRequest request = request(id);
        List<String> chain = List.of(request.approverGroups().split(","));
        if (step < 1 || step > chain.size()) {
            throw new IllegalStateException("request " + id + " has no approval step " + step);
        }
        if (!List.of("APPROVE", "REJECT", "REQUEST_CHANGES").contains(decision)) {
            throw new InvalidField("approvalDecision", "must be APPROVE, REJECT or REQUEST_CHANGES");
        }
        String key = request.requestNumber();
        java.util.Map<Integer, String> approved = new java.util.TreeMap<>();
        for (ProcurementApproval earlier : requests.findApprovals(id)) {
            if (earlier.approvalRound() == request.approvalRound() && "APPROVE".equals(earlier.decision())) {
                approved.put(earlier.step(), earlier.decidedBy());
            }
        }
        org.ticketops.casework.ApprovalChain.checkFourEyes(user, request.requestedBy(), approved, key);
        if (!"APPROVE".equals(decision) && (comment == null || comment.isBlank())) {
            throw new InvalidField("approvalComment", "is required to " + (decision.equals("REJECT") ? "reject" : "ask for changes"));
        }
        try {
            requests.insertApproval(id, request.approvalRound(), step, chain.get(step - 1), decision, user,
                    "APPROVE".equals(decision) ? user : null, clock.instant(), blankToNull(comment));
        } catch (DuplicateKeyException e) {
            throw new FourEyesViolation(user, user + " already decided a step of " + key + " in this round");
        }
        ProcurementStatus next = switch (decision) {
            case "REJECT" -> ProcurementStatus.REJECTED;
            case "REQUEST_CHANGES" -> ProcurementStatus.CHANGES_REQUESTED;
            default -> step == chain.size() ? ProcurementStatus.APPROVED : ProcurementStatus.IN_APPROVAL;
        };
        cases.move(procurementCase, request.caseId(), next.name(), user, comment);
        audit.record(user, "PROCUREMENT_" + decision, ProcurementCase.TYPE, id, "round " + request.approvalRound()
                + ", step " + step + " (" + chain.get(step - 1) + ")" + (comment == null ? "" : ": " + comment));
        return next;
    }

    /** Procurement's revision after a request for changes; the chain is decided again on it. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void revise(long id, int quantity, BigDecimal unitCost, BigDecimal plannedSalePrice, String justification,
                       String user) {
        ProcurementRequest request = request(id);
        NewProcurementRequest revised = new NewProcurementRequest(request.supplierId(), request.showId(),
                request.categoryId(), request.categoryId() == null ? new NewProcurementRequest.NewCategory(
                request.newCategoryName(), request.newCategoryType()) : null, quantity, unitCost, plannedSalePrice, justification);
        check(revised);
        requests.revise(id, quantity, unitCost, plannedSalePrice, total(quantity, unitCost), blankToNull(justification),
                clock.instant());
        audit.record(user, "PROCUREMENT_REVISED", ProcurementCase.TYPE, id, quantity + " x " + unitCost + ", sale " + plannedSalePrice);
    }

    /** The requester withdraws before the contract is signed; afterwards the process has no such event any more: 409. */
    public ProcurementRequest withdraw(long id, String user) {
        ProcurementRequest request = request(id);
        if (!request.requestedBy().equals(user)) {
            throw new ProcurementProblems.NotRequester(request.requestNumber(), request.requestedBy());
        }
        try {
            runtime.createMessageCorrelation(WITHDRAWN_MESSAGE).processInstanceId(request.processInstanceId())
                    .setVariable("withdrawnBy", user).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ProcurementProblems.NotNow(request.requestNumber(), "withdrawing", ProcurementRequest.describe(
                    request(id).status()));
        }
        return request(id);
    }

    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void closeWithdrawn(long id, String user) {
        cases.move(procurementCase, request(id).caseId(), ProcurementStatus.WITHDRAWN.name(), user, "withdrawn by the requester");
    }

    public ProcurementRequest request(long id) {
        return requests.find(id).orElseThrow(() -> new NotFound("Procurement request", id));
    }

    public List<ProcurementApproval> approvals(long id) {
        return requests.findApprovals(id);
    }

    /** The approval trail of the current round, as one line per decision, for a task form. */
    String trail(long id) {
        List<ProcurementApproval> all = requests.findApprovals(id);
        return all.isEmpty() ? "No decision yet." : all.stream().map(a -> "Round " + a.approvalRound() + ", step " + a.step()
                + " (" + a.approverGroup() + "): " + a.decision() + " by " + a.decidedBy()
                + (a.comment() == null ? "" : " – " + a.comment())).collect(Collectors.joining("\n\n"));
    }

    static BigDecimal total(int quantity, BigDecimal unitCost) {
        return unitCost.multiply(BigDecimal.valueOf(quantity)).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
