package org.ticketops.pricechange;

import java.net.URI;
import java.security.Principal;
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
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.catalog.CategoryPrices;
import org.ticketops.catalog.PriceAnnouncement;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;

/** Price changes: ticket-sales requests and withdraws; the approvers and finance read. */
@RestController
@Tag(name = "Pricing")
class PriceChangeController {

    private final PriceChangeService changes;
    private final CategoryPrices prices;
    private final TaskService tasks;
    private final DecisionService decisions;
    private final PriceChangeApprovalTable table;

    PriceChangeController(PriceChangeService changes, CategoryPrices prices, TaskService tasks, DecisionService decisions,
                          PriceChangeApprovalTable table) {
        this.changes = changes;
        this.prices = prices;
        this.tasks = tasks;
        this.decisions = decisions;
        this.table = table;
    }

    record ChangeView(PriceChange change, String status, List<String> currentSteps, List<PriceChangeApproval> approvals,
                      PriceAnnouncement announcement) {
    }

    @Operation(summary = "Request a price change (starts its review)")
    @PostMapping("/api/price-changes")
    ResponseEntity<ChangeView> submit(@Valid @RequestBody NewPriceChange command, Principal user) {
        PriceChange created = changes.submit(command, user.getName());
        return ResponseEntity.created(URI.create("/api/price-changes/" + created.id())).body(view(created.id()));
    }

    @GetMapping("/api/price-changes/{id}")
    ChangeView get(@PathVariable long id) {
        return view(id);
    }

    @Operation(summary = "Withdraw a price change before it applies (the requester only)")
    @PostMapping("/api/price-changes/{id}/withdraw")
    ChangeView withdraw(@PathVariable long id, Principal user) {
        changes.withdraw(id, user.getName());
        return view(id);
    }

    /** Who the price-change-approval table in force would ask to approve, for given inputs (nothing is stored). */
    @PostMapping("/api/decisions/price-change-approval/evaluate")
    Decision<PriceChangeApprovalDecision> evaluate(@Valid @RequestBody PriceChangeApprovalInput input) {
        return decisions.evaluate(table, input);
    }

    private ChangeView view(long id) {
        PriceChange c = changes.change(id);
        List<String> steps = c.processInstanceId() == null ? List.of() : tasks.createTaskQuery()
                .processInstanceId(c.processInstanceId()).list().stream().map(Task::getName).toList();
        PriceAnnouncement announcement = prices.announcements(c.showId()).stream().filter(a -> a.changeId() == id)
                .findFirst().orElse(null);
        return new ChangeView(c, c.status(), steps, changes.approvals(id), announcement);
    }
}
