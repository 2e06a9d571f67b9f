package org.ticketops.checkout;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param vatRate          the VAT in the center's prices (they include it), for invoices
 * @param depositWindow    how long the seats of a customer who must pay a deposit first are held
 * @param holdSweep        how often held orders whose window ran out are expired
 * @param holdSweepEnabled whether this node expires them (tests do it themselves)
 */
@ConfigurationProperties("ticketops.sales")
public record SalesProperties(
        @DefaultValue("0.06") BigDecimal vatRate,
        @DefaultValue("PT2H") Duration depositWindow,
        @DefaultValue("PT1M") Duration holdSweep,
        @DefaultValue("true") boolean holdSweepEnabled) {
}
