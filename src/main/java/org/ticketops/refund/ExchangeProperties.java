package org.ticketops.refund;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param paymentWindow how long a customer has to pay an exchange's difference (never past the new show's start) */
@ConfigurationProperties("ticketops.exchange")
public record ExchangeProperties(@DefaultValue("PT48H") Duration paymentWindow) {
}
