package org.ticketops.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/** A price change announced to customers: a category's old and new price from a time; withdrawn ones stay, marked. */
public record PriceAnnouncement(Long id, long changeId, long categoryId, String categoryName, BigDecimal oldPrice,
                                BigDecimal newPrice, Instant effectiveAt, Instant publishedAt, Instant withdrawnAt) {

    public boolean withdrawn() {
        return withdrawnAt != null;
    }
}
