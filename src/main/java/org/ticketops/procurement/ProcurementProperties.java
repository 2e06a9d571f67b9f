package org.ticketops.procurement;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param approvalReminder how long an approval task may stay open before its group is reminded (once; the task stays)
 * @param scorecard        the thresholds of a supplier's standing (who approves is in {@code rules/procurement-approval.xlsx})
 */
@ConfigurationProperties("ticketops.procurement")
public record ProcurementProperties(
        @DefaultValue("PT48H") Duration approvalReminder,
        @DefaultValue Scorecard scorecard) {

    /**
     * Rates over the inspections of the last {@code window}: defective tickets of those received, and tickets not
     * delivered of those expected. At a watch rate the supplier is on WATCH (finance joins every approval chain); an
     * inspection that brings a rate to a block rate BLOCKS the supplier until procurement lifts it with a reason.
     */
    public record Scorecard(
            @DefaultValue("P365D") Duration window,
            @DefaultValue("0.02") BigDecimal watchDefectRate,
            @DefaultValue("0.10") BigDecimal blockDefectRate,
            @DefaultValue("0.05") BigDecimal watchShortRate,
            @DefaultValue("0.20") BigDecimal blockShortRate) {
    }
}
