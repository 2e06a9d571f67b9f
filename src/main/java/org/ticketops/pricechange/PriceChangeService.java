package org.ticketops.pricechange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.casework.ApprovalChain;
import org.ticketops.casework.CaseNotifications;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.CategoryPrices;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.ShowStatus;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DecisionSubject;
import org.ticketops.identity.FourEyesViolation;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.pricing.PricingProperties;
import org.ticketops.web.Display;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * Price changes from request to application: the checks a request must pass (nothing is written when one fails; one
 * open change per category, a unique key), the impact assessed before review, the chain the approval table decides
 * and each approver's decision under the four-eyes rule, the announcement and the customers told, the new price at
 * its time, and withdrawal or obsolescence before that.
 */
@Service
public class PriceChangeService {

    static final String WITHDRAWN_MESSAGE = "PriceChangeWithdrawn";
    static final String OBSOLETE_MESSAGE = "PriceChangeObsolete";
    private static final int MIN_JUSTIFICATION = 10;

    private final PriceChangeMapper changes;
    private final PriceChangeCase changeCase;
    private final CaseService cases;
    private final CatalogService catalog;
    private final CategoryPrices prices;
    private final CustomerService customers;
    private final CaseNotifications notifications;
    private final DecisionService decisions;
    private final PriceChangeApprovalTable approvalTable;
    private final PricingProperties pricing;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final Clock clock;
    private final ZoneId zone;

    PriceChangeService(PriceChangeMapper changes, PriceChangeCase changeCase, CaseService cases, CatalogService catalog,
                       CategoryPrices prices, CustomerService customers, CaseNotifications notifications,
                       DecisionService decisions, PriceChangeApprovalTable approvalTable, PricingProperties pricing,
                       RuntimeService runtime, AuditTrail audit, Clock clock, TicketOpsProperties ticketOps) {
        this.changes = changes;
        this.changeCase = changeCase;
        this.cases = cases;
        this.catalog = catalog;
        this.prices = prices;
        this.customers = customers;
        this.notifications = notifications;
        this.decisions = decisions;
        this.approvalTable = approvalTable;
        this.pricing = pricing;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    record Pending(NewPriceChange command, String user) {
    }

    /** Submits a change over the API: checks it, then starts the process, whose first step registers it. */
    public PriceChange submit(NewPriceChange command, String user) {
        check(command);
        String processInstanceId = ProcessIntake.start(runtime, PriceChangeCase.PROCESS_KEY, new Pending(command, user));
        return cases.ofProcessInstance(processInstanceId).map(c -> change(Long.parseLong(c.businessKey().substring(3))))
                .orElseThrow(() -> new IllegalStateException("process " + processInstanceId + " registered no price change"));
    }

    /** The process's first step: checks again, stores the change (the open key refuses a second one) and opens its case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long register(NewPriceChange command, String user, String processInstanceId) {
        if (user == null) {
            throw new InvalidField("user", "a price change needs an authenticated requester");
        }
        TicketCategory category = check(command);
        PriceChangeMapper.Row row = new PriceChangeMapper.Row();
        row.categoryId = category.id();
        row.showId = category.showId();
        row.oldPrice = category.price();
        row.newPrice = command.newPrice().setScale(2, RoundingMode.UNNECESSARY);
        row.reason = command.reason().name();
        row.effectiveAt = command.effectiveAt().toInstant();
        row.justification = command.justification().strip();
        row.requestedBy = user;
        row.requestedAt = clock.instant();
        row.processInstanceId = processInstanceId;
        try {
            changes.insert(row);
        } catch (DuplicateKeyException e) {
            throw new PriceChangeProblems.ChangeOpen(category.id(), changes.openFor(category.id()).orElse(null));
        }
        var opened = cases.open(changeCase, PriceChangeCase.businessKey(row.id), processInstanceId, user);
        changes.attachCase(row.id, opened.id());
        audit.record(user, "PRICE_CHANGE_REQUESTED", PriceChangeCase.TYPE, row.id, category.id() + ": " + row.oldPrice
                + " → " + row.newPrice + " from " + row.effectiveAt + " (" + row.reason + ")");
        return row.id;
    }

    /** Refuses a change that can't be made, naming the field; writes nothing. */
    TicketCategory check(NewPriceChange c) {
        if (c.newPrice() == null || c.newPrice().signum() < 0 || c.newPrice().scale() > 2) {
            throw new InvalidField("newPrice", "must be an amount of 0 or more with at most two decimals");
        }
        if (c.justification() == null || c.justification().strip().length() < MIN_JUSTIFICATION) {
            throw new InvalidField("justification", "is required (at least " + MIN_JUSTIFICATION + " characters)");
        }
        TicketCategory category = catalog.category(c.categoryId());
        if (category.price().compareTo(c.newPrice()) == 0) {
            throw new InvalidField("newPrice", "is the price in force already");
        }
        Show show = catalog.show(category.showId());
        Instant effective = c.effectiveAt().toInstant();
        Duration notice = pricing.noticePeriod();
        if (effective.isBefore(clock.instant().plus(notice))) {
            throw new InvalidField("effectiveAt", "must be at least " + notice.toHours() + " h ahead (customers are told first)");
        }
        if (show.status() == ShowStatus.CANCELLED || !effective.isBefore(show.startsAt())) {
            throw new InvalidField("effectiveAt", "must be before the show starts (" + Display.time(show.startsAt(), zone) + ")");
        }
        changes.openFor(category.id()).ifPresent(open -> {
            throw new PriceChangeProblems.ChangeOpen(category.id(), open);
        });
        return category;
    }

    /** The impact, assessed once before review and stored with the change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public PriceChange.Impact assess(long id) {
        PriceChange change = change(id);
        TicketCategory category = catalog.category(change.categoryId());
        Instant now = clock.instant();
        BigDecimal old = change.oldPrice();
        BigDecimal percent = old.signum() == 0 ? BigDecimal.valueOf(100).setScale(2)
                : change.newPrice().subtract(old).multiply(BigDecimal.valueOf(100)).divide(old, 2, RoundingMode.HALF_UP);
        BigDecimal unitCost = prices.unitCost(category.id());
        BigDecimal margin = unitCost == null ? null : change.newPrice().subtract(unitCost);
        boolean rise = change.newPrice().compareTo(old) > 0;
        PriceChange.Impact impact = new PriceChange.Impact(percent, unitCost, margin, prices.sold(category.id()),
                category.available(), change.newPrice().subtract(old).multiply(BigDecimal.valueOf(category.available())),
                changes.openQuotes(category.id(), now), changes.heldSeats(category.id(), now),
                rise ? changes.unpaidHoldCustomers(category.id(), now).size() : 0, now);
        changes.assess(id, impact);
        return impact;
    }

    /** The approval chain from the table, on the assessed change; the case goes into review. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> decideChain(long id) {
        PriceChange change = change(id);
        int days = (int) Math.max(0, Duration.between(clock.instant(), change.showStartsAt()).toDays());
        PriceChangeApprovalInput input = new PriceChangeApprovalInput(change.impact().changePercent(),
                change.impact().belowCost(), days, change.reason());
        Decision<PriceChangeApprovalDecision> decision = decisions.decide(approvalTable, null, input,
                new DecisionSubject(PriceChangeCase.TYPE, String.valueOf(id), change.processInstanceId()));
        List<String> groups = decision.output().approvers().stream().map(a -> a.group()).toList();
        changes.setChain(id, decision.tableVersion().version(), String.join(",", groups), clock.instant());
        cases.move(changeCase, change.caseId(), PriceChangeStatus.IN_REVIEW.name(), "system", String.join(" → ", groups));
        return groups;
    }

    /** An approver's APPROVE or REJECT, always with a comment, under the four-eyes rule; the status after it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public PriceChangeStatus recordApproval(long id, int step, String decision, String comment, String user) {
        PriceChange change = change(id);
        List<String> chain = List.of(change.approverGroups().split(","));
        if (!List.of("APPROVE", "REJECT").contains(decision)) {
            throw new InvalidField("approvalDecision", "must be APPROVE or REJECT");
        }
        Map<Integer, String> approved = new TreeMap<>();
        changes.findApprovals(id).stream().filter(a -> "APPROVE".equals(a.decision()))
                .forEach(a -> approved.put(a.step(), a.decidedBy()));
        ApprovalChain.checkFourEyes(user, change.requestedBy(), approved, change.changeNumber());
        if (comment == null || comment.isBlank()) {
            throw new InvalidField("approvalComment", "is required: say why");
        }
        try {
            changes.insertApproval(id, step, chain.get(step - 1), decision, user, "APPROVE".equals(decision) ? user : null,
                    clock.instant(), comment.strip());
        } catch (DuplicateKeyException e) {
            throw new FourEyesViolation(user, user + " already decided a step of " + change.changeNumber());
        }
        audit.record(user, "PRICE_CHANGE_" + decision, PriceChangeCase.TYPE, id, "step " + step + " (" + chain.get(step - 1)
                + "): " + comment.strip());
        if ("REJECT".equals(decision)) {
            close(change, PriceChangeStatus.REJECTED, user, comment.strip());
            return PriceChangeStatus.REJECTED;
        }
        return step == chain.size() ? PriceChangeStatus.ANNOUNCED : PriceChangeStatus.IN_REVIEW;
    }

    /**
     * The approved change is announced on the show, and every customer who holds unpaid seats or an open quote of the
     * category and agreed to be contacted is told (through the outbox, once).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int announce(long id) {
        PriceChange change = change(id);
        prices.announce(id, change.categoryId(), change.oldPrice(), change.newPrice(), change.effectiveAt());
        cases.move(changeCase, change.caseId(), PriceChangeStatus.ANNOUNCED.name(), "system",
                "in force from " + change.effectiveAt());
        Instant now = clock.instant();
        Set<Long> told = new LinkedHashSet<>(changes.unpaidHoldCustomers(change.categoryId(), now));
        told.addAll(changes.openQuoteCustomers(change.categoryId(), now));
        int queued = 0;
        for (long customerId : told) {
            Customer customer = customers.get(customerId);
            if (!customer.consentToContact() || !customer.active()) {
                continue;
            }
            Map<String, Object> payload = Map.of("customerName", customer.name(), "eventName", change.eventName(),
                    "categoryName", change.categoryName(), "oldPrice", Display.money(change.oldPrice()),
                    "newPrice", Display.money(change.newPrice()), "effectiveAt", Display.time(change.effectiveAt(), zone));
            if (notifications.enqueueToCustomer(changeCase, id, customer.email(), customer.phone(), "price-change-announced",
                    payload, "price-change-" + id + "-customer-" + customerId).queued()) {
                queued++;
            }
        }
        audit.record("system", "PRICE_CHANGE_ANNOUNCED", PriceChangeCase.TYPE, id, queued + " customer(s) told");
        return queued;
    }

    /** Whether the change may still apply: the show is not cancelled and has not started. */
    public boolean stillValid(long id) {
        PriceChange change = change(id);
        Show show = catalog.show(change.showId());
        return show.status() != ShowStatus.CANCELLED && show.startsAt().isAfter(clock.instant());
    }

    /** The new price, over the old one only (tickets sold keep their price; quotes from now on use the new one). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(long id) {
        PriceChange change = change(id);
        if (change.appliedAt() != null) {
            return;
        }
        if (!prices.apply(change.categoryId(), change.oldPrice(), change.newPrice(), "system", change.changeNumber())) {
            throw new IllegalStateException(change.changeNumber() + ": the price of category " + change.categoryId()
                    + " is not " + change.oldPrice() + " any more");
        }
        changes.markApplied(id, clock.instant());
        close(change, PriceChangeStatus.APPLIED, "system", "new price in force");
    }

    /** The requester withdraws before the change applies; afterwards the process has no such event: 409. */
    public PriceChange withdraw(long id, String user) {
        PriceChange change = change(id);
        if (!change.requestedBy().equals(user)) {
            throw new PriceChangeProblems.NotRequester(change.changeNumber(), change.requestedBy());
        }
        try {
            runtime.createMessageCorrelation(WITHDRAWN_MESSAGE).processInstanceId(change.processInstanceId())
                    .setVariable("withdrawnBy", user).correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new PriceChangeProblems.NotWithdrawable(change.changeNumber(), PriceChange.describe(change(id).status()));
        }
        return change(id);
    }

    /** Closes a withdrawn or obsolete change: the announcement (if any) is marked withdrawn, the price stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void closeUnapplied(long id, PriceChangeStatus status, String user) {
        PriceChange change = change(id);
        prices.withdrawAnnouncement(id);
        close(change, status, user, status == PriceChangeStatus.WITHDRAWN ? "withdrawn by the requester"
                : "the show was cancelled or starts before the change");
    }

    /** The open changes of a show that was cancelled or moved before their time end OBSOLETE. */
    public int obsoleteFor(Show show) {
        int ended = 0;
        for (long id : changes.openForShow(show.id())) {
            PriceChange change = change(id);
            boolean obsolete = show.status() == ShowStatus.CANCELLED || !change.effectiveAt().isBefore(show.startsAt());
            if (obsolete && change.processInstanceId() != null) {
                try {
                    runtime.createMessageCorrelation(OBSOLETE_MESSAGE).processInstanceId(change.processInstanceId())
                            .correlateWithResult();
                    ended++;
                } catch (MismatchingMessageCorrelationException e) {
                    // already past the point where it could end so; the apply step checks the show again
                }
            }
        }
        return ended;
    }

    public PriceChange change(long id) {
        return changes.find(id).map(PriceChangeMapper.Stored::change).orElseThrow(() -> new NotFound("Price change", id));
    }

    public List<PriceChangeApproval> approvals(long id) {
        return changes.findApprovals(id);
    }

    String trail(long id) {
        List<PriceChangeApproval> all = changes.findApprovals(id);
        return all.isEmpty() ? "No decision yet." : all.stream().map(a -> "Step " + a.step() + " (" + a.approverGroup()
                + "): " + a.decision() + " by " + a.decidedBy() + " – " + a.comment()).collect(Collectors.joining("\n\n"));
    }

    private void close(PriceChange change, PriceChangeStatus status, String actor, String reason) {
        cases.move(changeCase, change.caseId(), status.name(), actor, reason);
        changes.close(change.id(), clock.instant());
    }
}
