package org.ticketops.pricing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param noticePeriod how far ahead a price change must take effect (customers are told in advance)
 * @param quoteValidity how long a quote given to a customer stands (a price change tells those with an open one)
 */
@ConfigurationProperties("ticketops.pricing")
public record PricingProperties(@DefaultValue("PT24H") Duration noticePeriod, @DefaultValue("PT24H") Duration quoteValidity) {
}
