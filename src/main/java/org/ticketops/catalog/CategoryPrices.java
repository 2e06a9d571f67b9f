package org.ticketops.catalog;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;

/**
 * What a reviewed price change does to the catalog: the announcement customers read on the show, and the new price
 * itself (one conditional update; tickets sold keep the price they were sold at). Only the price-change process
 * calls these; a sold category's price is never changed by a PATCH.
 */
@Service
public class CategoryPrices {

    private final CategoryPriceMapper prices;
    private final AuditTrail audit;
    private final Clock clock;

    CategoryPrices(CategoryPriceMapper prices, AuditTrail audit, Clock clock) {
        this.prices = prices;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void announce(long changeId, long categoryId, BigDecimal oldPrice, BigDecimal newPrice, Instant effectiveAt) {
        prices.announce(changeId, categoryId, oldPrice, newPrice, effectiveAt, clock.instant());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void withdrawAnnouncement(long changeId) {
        prices.withdraw(changeId, clock.instant());
    }

    /** The new price, over the old one only; false when the price is not the old one any more. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean apply(long categoryId, BigDecimal oldPrice, BigDecimal newPrice, String actor, String why) {
        if (prices.setPrice(categoryId, oldPrice, newPrice, clock.instant()) != 1) {
            return false;
        }
        audit.record(actor, "CATEGORY_PRICE_CHANGED", CatalogService.CATEGORY, categoryId, oldPrice.toPlainString() + " → "
                + newPrice.toPlainString() + " (" + why + ")");
        return true;
    }

    public List<PriceAnnouncement> announcements(long showId) {
        return prices.ofShow(showId);
    }

    /** What a category's tickets cost the center (weighted average of what procurement stocked), or null. */
    public BigDecimal unitCost(long categoryId) {
        return prices.unitCost(categoryId);
    }

    public int sold(long categoryId) {
        return prices.sold(categoryId);
    }
}
