package org.ticketops.inventory;

import java.math.BigDecimal;
import java.time.Instant;

/** One category's count in a stocktake: what was counted, the system's figure then, the variance and its fate. */
public record StockCount(long id, long stocktakeId, long categoryId, String categoryName, long showId, String eventName,
                         Instant showStartsAt, String source, Integer counted, Integer systemAvailable, Integer variance,
                         BigDecimal unitCost, BigDecimal varianceValue, String countedBy, Instant countedAt, String cause,
                         String explanation, String explainedBy, String approverGroup, String decision,
                         String decisionComment, String decidedBy, Instant decidedAt, Long movementId) {
}
