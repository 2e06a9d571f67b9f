package org.ticketops.checkout;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.web.InvalidField;
import org.ticketops.web.ProblemException;

/**
 * Presales: while one is open, only customers of its member tiers may buy tickets of the show, each at most
 * its limit over the whole presale (across orders and channels; a conditional update on the customer's counter,
 * so parallel orders can't pass it together). Outside a presale the show sells to everyone.
 */
@Service
public class PresaleService {

    public record NewPresale(@NotNull OffsetDateTime opensAt, @NotNull OffsetDateTime closesAt,
                             @NotEmpty List<@NotNull MemberTier> eligibleTiers,
                             @NotNull @Min(1) @Max(100) Integer limitPerCustomer) {
    }

    private final PresaleMapper presales;
    private final PresaleCounters counters;
    private final CatalogService catalog;
    private final AuditTrail audit;
    private final Clock clock;

    PresaleService(PresaleMapper presales, PresaleCounters counters, CatalogService catalog, AuditTrail audit, Clock clock) {
        this.presales = presales;
        this.counters = counters;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Presale create(long showId, NewPresale command, String actor) {
        Show show = catalog.show(showId);
        Instant opens = command.opensAt().toInstant();
        Instant closes = command.closesAt().toInstant();
        if (!closes.isAfter(opens)) {
            throw new InvalidField("closesAt", "must be after opensAt");
        }
        if (closes.isAfter(show.startsAt())) {
            throw new InvalidField("closesAt", "must not be after the show starts");
        }
        if (!closes.isAfter(clock.instant())) {
            throw new InvalidField("closesAt", "must be in the future");
        }
        if (presales.countOverlapping(showId, opens, closes) > 0) {
            throw new InvalidField("opensAt", "overlaps another presale of this show");
        }
        var row = new PresaleMapper.Row();
        row.showId = showId;
        row.opensAt = opens;
        row.closesAt = closes;
        row.eligibleTiers = command.eligibleTiers().stream().distinct().map(Enum::name).collect(Collectors.joining(","));
        row.limitPerCustomer = command.limitPerCustomer();
        row.createdBy = actor;
        row.createdAt = clock.instant();
        presales.insert(row);
        audit.record(actor, "PRESALE_CREATED", "SHOW", showId, opens + " – " + closes + ", " + row.eligibleTiers
                + ", at most " + row.limitPerCustomer + " per customer");
        return toPresale(row);
    }

    public List<Presale> ofShow(long showId) {
        catalog.show(showId);
        return presales.findOfShow(showId).stream().map(PresaleService::toPresale).toList();
    }

    /** The presale of a show open at {@code at}, if any. */
    public Optional<Presale> openAt(long showId, Instant at) {
        return presales.findOfShow(showId).stream().map(PresaleService::toPresale).filter(p -> p.openAt(at)).findFirst();
    }

    /**
     * Lets a customer buy {@code quantity} tickets of a show now: during a presale only an eligible customer,
     * and only within the limit (counted in the caller's transaction, so a refused sale counts nothing).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void admit(long showId, Customer customer, int quantity, Instant at) {
        Optional<Presale> open = openAt(showId, at);
        if (open.isEmpty()) {
            return;
        }
        Presale presale = open.get();
        if (!presale.eligibleTiers().contains(customer.memberTier())) {
            throw new NotEligible(presale, customer);
        }
        if (quantity > presale.limitPerCustomer()) {
            throw new LimitReached(presale, quantity, 0);
        }
        counters.ensure(presale.id(), customer.id());
        if (presales.count(presale.id(), customer.id(), quantity, presale.limitPerCustomer()) == 1) {
            return;
        }
        Integer bought = presales.bought(presale.id(), customer.id());
        throw new LimitReached(presale, quantity, bought == null ? 0 : bought);
    }

    private static Presale toPresale(PresaleMapper.Row row) {
        return new Presale(row.id, row.showId, row.opensAt, row.closesAt,
                Arrays.stream(row.eligibleTiers.split(",")).map(MemberTier::valueOf).toList(), row.limitPerCustomer,
                row.createdBy, row.createdAt);
    }

    /** Outside the presale's member tiers: 422. */
    static final class NotEligible extends ProblemException {
        NotEligible(Presale presale, Customer customer) {
            super(Kind.UNPROCESSABLE, "PRESALE_NOT_ELIGIBLE", "Not eligible for the presale",
                    "Until " + presale.closesAt() + " only " + presale.eligibleTiers() + " members may buy; customer "
                            + customer.id() + " is " + customer.memberTier() + ".",
                    Map.of("presaleId", presale.id(), "eligibleTiers", presale.eligibleTiers().stream().map(Enum::name).toList(),
                            "closesAt", presale.closesAt().toString()));
        }
    }

    /** Past the presale's limit per customer: 422 naming the limit and what is left. */
    static final class LimitReached extends ProblemException {
        LimitReached(Presale presale, int asked, int bought) {
            super(Kind.UNPROCESSABLE, "PRESALE_LIMIT", "Presale limit",
                    "The presale allows " + presale.limitPerCustomer() + " ticket(s) per customer; " + bought
                            + " bought, " + Math.max(0, presale.limitPerCustomer() - bought) + " left, " + asked + " asked for.",
                    Map.of("presaleId", presale.id(), "limit", presale.limitPerCustomer(), "bought", bought,
                            "left", Math.max(0, presale.limitPerCustomer() - bought)));
        }
    }
}
