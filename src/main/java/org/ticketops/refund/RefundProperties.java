package org.ticketops.refund;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param policyBinding        PURCHASE: decide with the refund-fee table version in force when the order was bought;
 *                             REQUEST: with the version in force now
 * @param reviewDeadline       after this a review task moves to the operations managers
 * @param reviewAbove          refunds above this total need a review
 * @param financeApprovalAbove refunds above this total need finance's approval after the review
 * @param frequentRefunds      this many completed refunds within {@code frequentWindow} make the next one need a review
 */
@ConfigurationProperties("ticketops.refund")
public record RefundProperties(
        @DefaultValue("PURCHASE") PolicyBinding policyBinding,
        @DefaultValue("PT24H") Duration reviewDeadline,
        @DefaultValue("2000.00") BigDecimal reviewAbove,
        @DefaultValue("10000.00") BigDecimal financeApprovalAbove,
        @DefaultValue("3") int frequentRefunds,
        @DefaultValue("P90D") Duration frequentWindow) {

    public enum PolicyBinding {
        PURCHASE, REQUEST
    }
}
