package org.ticketops.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.CategoryPrices;
import org.ticketops.catalog.StockLevels;
import org.ticketops.identity.FourEyesViolation;
import org.ticketops.identity.Groups;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * Stocktakes: what a count covers, each count's variance against the system's figure at the moment it is submitted
 * (sales go on during a count), the explanation, the approval (finance above the limits, else operations-manager;
 * never who counted or explained), and the approved difference applied to available in one conditional update with
 * its inventory movement.
 */
@Service
public class Stocktakes {

    private static final Logger log = LoggerFactory.getLogger(Stocktakes.class);
    static final Set<String> CAUSES = Set.of("LOST", "DAMAGED", "SYSTEM_ERROR", "SUPPLIER_ERROR", "OTHER");

    /** What a stocktake covers: one show, an event's shows on sale, or every show on sale. */
    public record Scope(String scope, Long showId, Long eventId) {
    }

    record Pending(Scope scope, String user) {
    }

    /** A registered stocktake and its counts, one per category in scope. */
    public record Registered(long stocktakeId, List<Long> countIds) {
    }

    private final StocktakeMapper mapper;
    private final CaseService cases;
    private final StocktakeCase definition;
    private final StockLevels stock;
    private final CatalogService catalog;
    private final CategoryPrices prices;
    private final RuntimeService runtime;
    private final InventoryProperties properties;
    private final Clock clock;

    Stocktakes(StocktakeMapper mapper, CaseService cases, StocktakeCase definition, StockLevels stock, CatalogService catalog,
               CategoryPrices prices, RuntimeService runtime, InventoryProperties properties, Clock clock) {
        this.mapper = mapper;
        this.cases = cases;
        this.definition = definition;
        this.stock = stock;
        this.catalog = catalog;
        this.prices = prices;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a stocktake over the API; the first step registers it. */
    public Stocktake start(Scope scope, String user) {
        check(scope);
        String pid = ProcessIntake.start(runtime, StocktakeCase.PROCESS_KEY, new Pending(scope, user));
        return cases.ofProcessInstance(pid).map(c -> stocktake(Long.parseLong(c.businessKey().substring(3))))
                .orElseThrow(() -> new IllegalStateException("process " + pid + " registered no stocktake"));
    }

    /** The monthly stocktake of every show on sale ({@code ticketops.inventory.stocktake-cycle}, center's zone). */
    @Scheduled(cron = "${ticketops.inventory.stocktake-cycle:0 0 7 1 * *}", zone = "${ticketops.zone:Asia/Shanghai}")
    public void startScheduled() {
        Stocktake started = start(new Scope("ALL_ON_SALE", null, null), "system");
        log.info("Monthly stocktake {} started", started.businessKey());
    }

    Scope check(Scope scope) {
        if (scope == null || scope.scope() == null) {
            throw new InvalidField("scope", "is required: SHOW, EVENT or ALL_ON_SALE");
        }
        String s = scope.scope().strip().toUpperCase(Locale.ROOT);
        switch (s) {
            case "SHOW" -> {
                if (scope.showId() == null) {
                    throw new InvalidField("showId", "is required for a stocktake of a show");
                }
                catalog.show(scope.showId());
            }
            case "EVENT" -> {
                if (scope.eventId() == null) {
                    throw new InvalidField("eventId", "is required for a stocktake of an event");
                }
                catalog.event(scope.eventId());
            }
            case "ALL_ON_SALE" -> {
            }
            default -> throw new InvalidField("scope", "must be SHOW, EVENT or ALL_ON_SALE");
        }
        return new Scope(s, s.equals("SHOW") ? scope.showId() : null, s.equals("EVENT") ? scope.eventId() : null);
    }

    /** The first step: the stocktake, its case and a count per category in scope. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Registered register(Scope requested, String user, String processInstanceId) {
        if (user == null) {
            throw new InvalidField("user", "a stocktake needs an authenticated user");
        }
        Scope scope = check(requested);
        var row = new StocktakeMapper.StocktakeRow();
        row.scope = scope.scope();
        row.showId = scope.showId();
        row.eventId = scope.eventId();
        row.startedBy = user;
        row.startedAt = clock.instant();
        mapper.insertStocktake(row);
        var opened = cases.open(definition, StocktakeCase.businessKey(row.id), processInstanceId, user);
        mapper.attach(row.id, opened.id(), processInstanceId);
        List<Long> categories = switch (scope.scope()) {
            case "SHOW" -> stock.categoriesOfShow(scope.showId());
            case "EVENT" -> stock.categoriesOfEvent(scope.eventId(), clock.instant());
            default -> stock.categoriesOnSale(clock.instant());
        };
        categories.forEach(category -> mapper.insertCount(row.id, category));
        return new Registered(row.id, mapper.counts(row.id).stream().map(StockCount::id).toList());
    }

    /**
     * A count: the variance against available at this moment, valued at unit cost. Returns whether it is within the
     * tolerance (then nothing more is needed).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean count(long countId, Integer counted, String source, String user) {
        StockCount count = count(countId);
        if (counted == null || counted < 0) {
            throw new InvalidField("counted", "is required: the unsold tickets counted, 0 or more");
        }
        String from = source == null ? "ON_HAND" : source;
        if (!from.equals("ON_HAND") && !from.equals("SUPPLIER_STATEMENT")) {
            throw new InvalidField("countSource", "must be ON_HAND or SUPPLIER_STATEMENT");
        }
        int system = stock.available(count.categoryId());
        int variance = counted - system;
        BigDecimal cost = prices.unitCost(count.categoryId());
        BigDecimal value = (cost == null ? BigDecimal.ZERO : cost).multiply(BigDecimal.valueOf(variance))
                .setScale(2, RoundingMode.HALF_UP);
        if (mapper.recordCount(countId, from, counted, system, variance, cost, value, user, clock.instant()) != 1) {
            throw new InvalidField("counted", "this category was counted already");
        }
        return Math.abs(variance) <= properties.varianceTolerance();
    }

    /** Why the count differs; returns the group that approves the adjustment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public String explain(long countId, String cause, String explanation, String user) {
        StockCount count = count(countId);
        if (cause == null || !CAUSES.contains(cause)) {
            throw new InvalidField("cause", "must be one of LOST, DAMAGED, SYSTEM_ERROR, SUPPLIER_ERROR, OTHER");
        }
        String text = explanation == null || explanation.isBlank() ? null : explanation.strip();
        if (text == null || text.length() > 2000) {
            throw new InvalidField("explanation", "is required, up to 2,000 characters");
        }
        boolean large = Math.abs(count.variance()) > properties.financeAboveTickets()
                || count.varianceValue().abs().compareTo(properties.financeAboveValue()) > 0;
        String group = large ? Groups.FINANCE : Groups.OPERATIONS_MANAGER;
        if (mapper.explain(countId, cause, text, user, group) != 1) {
            throw new InvalidField("cause", "this variance was explained already");
        }
        return group;
    }

    /** APPROVE or REJECT, with a comment; never by who counted or explained. Returns whether it was approved. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean decide(long countId, String decision, String comment, String user) {
        StockCount count = count(countId);
        FourEyesViolation.check(user, count.countedBy(), "counted", "approve the adjustment of", "this category");
        FourEyesViolation.check(user, count.explainedBy(), "explained", "approve the adjustment of", "this category");
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new InvalidField("adjustmentDecision", "must be APPROVE or REJECT");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text == null || text.length() > 2000) {
            throw new InvalidField("adjustmentComment", "is required, up to 2,000 characters");
        }
        String result = decision.equals("APPROVE") ? "APPROVED" : "REJECTED";
        if (mapper.decide(countId, result, text, user, clock.instant()) != 1) {
            throw new InvalidField("adjustmentDecision", "this adjustment was decided already");
        }
        return result.equals("APPROVED");
    }

    /**
     * The approved difference applied to available (a difference, not the counted figure: sales since the count stay
     * counted) in one conditional update, with its movement. Returns false when it would leave 0..capacity; then
     * nothing moves and the count says so.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean apply(long countId) {
        StockCount count = count(countId);
        if (!"APPROVED".equals(count.decision()) || count.movementId() != null) {
            return count.movementId() != null;
        }
        var moved = stock.move(count.categoryId(), count.variance());
        if (moved.isEmpty()) {
            log.warn("Stock count {}: a difference of {} would take category {} out of 0..capacity; not applied",
                    countId, count.variance(), count.categoryId());
            return false;
        }
        var movement = new StocktakeMapper.MovementRow();
        movement.categoryId = count.categoryId();
        movement.kind = "STOCKTAKE_ADJUSTMENT";
        movement.quantity = count.variance();
        movement.beforeQty = moved.get().before();
        movement.afterQty = moved.get().after();
        movement.reason = count.cause() + ": " + count.explanation();
        movement.actor = count.decidedBy();
        movement.reference = "count-" + countId;
        movement.createdAt = clock.instant();
        mapper.insertMovement(movement);
        mapper.adjusted(countId, movement.id);
        return true;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void close(long stocktakeId) {
        Stocktake stocktake = stocktake(stocktakeId);
        var current = cases.ofProcessInstance(stocktake.processInstanceId()).orElseThrow();
        cases.move(definition, current.id(), StocktakeCase.CLOSED, "system", "every count settled");
    }

    public Stocktake stocktake(long id) {
        Stocktake stocktake = mapper.stocktake(id);
        if (stocktake == null) {
            throw new NotFound("stocktake", id);
        }
        return stocktake;
    }

    public StockCount count(long id) {
        StockCount count = mapper.count(id);
        if (count == null) {
            throw new NotFound("stock count", id);
        }
        return count;
    }

    public List<StockCount> counts(long stocktakeId) {
        return mapper.counts(stocktakeId);
    }

    public List<Movement> movements(long categoryId) {
        return mapper.movements(categoryId);
    }
}
