package org.ticketops.refund;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param policyBinding        PURCHASE: decide with the refund-fee table version in force when the order was bought;
 *                             REQUEST: with the version in force now
 * @param frequentWindow       the window in which completed refunds are counted for the refund-review table
 *                             (which refunds need a review, finance's approval and the review deadline are in
 *                             {@code rules/refund-review.xlsx})
 */
@ConfigurationProperties("ticketops.refund")
public record RefundProperties(
        @DefaultValue("PURCHASE") PolicyBinding policyBinding,
        @DefaultValue("P90D") Duration frequentWindow) {

    public enum PolicyBinding {
        PURCHASE, REQUEST
    }
}
