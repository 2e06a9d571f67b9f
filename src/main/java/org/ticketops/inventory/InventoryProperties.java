package org.ticketops.inventory;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketops.inventory.*}.
 *
 * @param varianceTolerance        a count that differs from the system by at most this many tickets closes at once
 * @param financeAboveTickets      an adjustment of more tickets than this is approved by finance (else operations-manager)
 * @param financeAboveValue        ... or of more than this value at unit cost
 * @param stocktakeCycle           the monthly stocktake of every show on sale (Spring cron in ticketops.zone; "-" off)
 * @param writeOffApprovalAbove    a write-off of more than this value at cost waits for finance's approval
 */
@ConfigurationProperties("ticketops.inventory")
public record InventoryProperties(@DefaultValue("0") int varianceTolerance,
                                  @DefaultValue("10") int financeAboveTickets,
                                  @DefaultValue("5000.00") BigDecimal financeAboveValue,
                                  @DefaultValue("0 0 7 1 * *") String stocktakeCycle,
                                  @DefaultValue("10000.00") BigDecimal writeOffApprovalAbove) {
}
