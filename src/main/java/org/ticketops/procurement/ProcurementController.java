package org.ticketops.procurement;

import java.math.BigDecimal;
import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Procurement requests: procurement submits and withdraws; the approvers and finance read. */
@RestController
@Tag(name = "Procurement")
class ProcurementController {

    private final ProcurementService procurement;
    private final ProcurementDelivery delivery;
    private final TaskService tasks;
    private final org.ticketops.decision.DecisionService decisions;
    private final ProcurementApprovalTable approvalTable;

    ProcurementController(ProcurementService procurement, ProcurementDelivery delivery, TaskService tasks,
                          org.ticketops.decision.DecisionService decisions, ProcurementApprovalTable approvalTable) {
        this.procurement = procurement;
        this.delivery = delivery;
        this.tasks = tasks;
        this.decisions = decisions;
        this.approvalTable = approvalTable;
    }

    /** Who the procurement-approval table in force would ask to approve, for given inputs (nothing is stored). */
    @PostMapping("/api/decisions/procurement-approval/evaluate")
    org.ticketops.decision.Decision<ProcurementApprovalDecision> evaluate(@Valid @RequestBody ProcurementApprovalInput input) {
        return decisions.evaluate(approvalTable, input);
    }

    /** A request with where it stands: the open step, the approval trail, the contract and the receipts. */
    record RequestView(ProcurementRequest request, String status, List<String> currentSteps, BigDecimal marginPercent,
                       List<ProcurementApproval> approvals, Contract contract, List<ProcurementReceipt> receipts) {
    }

    record Contract(String number, LocalDate signedOn, String paymentTerms, String signedBy) {
    }

    @Operation(summary = "Submit a procurement request (starts its approval)")
    @PostMapping("/api/procurement-requests")
    ResponseEntity<RequestView> submit(@Valid @RequestBody NewProcurementRequest command, Principal user,
                                       @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ProcurementRequest created = procurement.submit(command, user.getName(), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/procurement-requests/" + created.id())).body(view(created.id()));
    }

    @GetMapping("/api/procurement-requests/{id}")
    RequestView get(@PathVariable long id) {
        return view(id);
    }

    @Operation(summary = "Withdraw a request before its contract is signed (the requester only)")
    @PostMapping("/api/procurement-requests/{id}/withdraw")
    RequestView withdraw(@PathVariable long id, Principal user) {
        procurement.withdraw(id, user.getName());
        return view(id);
    }

    private RequestView view(long id) {
        ProcurementRequest r = procurement.request(id);
        List<String> steps = r.processInstanceId() == null ? List.of() : tasks.createTaskQuery()
                .processInstanceId(r.processInstanceId()).list().stream().map(Task::getName).toList();
        Contract contract = r.contractNumber() == null ? null
                : new Contract(r.contractNumber(), r.contractSignedOn(), r.paymentTerms(), r.contractSignedBy());
        return new RequestView(r, r.status(), steps, r.marginPercent(), procurement.approvals(id), contract,
                delivery.receipts(id));
    }
}
