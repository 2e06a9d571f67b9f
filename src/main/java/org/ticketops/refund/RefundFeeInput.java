package org.ticketops.refund;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.MemberTier;

/**
 * The input of the refund-fee table, one ticket at a time (also the fact its rules look at).
 *
 * @param hoursBeforeShow whole hours from the request to the show's start, rounded down; negative after the start
 */
public record RefundFeeInput(
        @NotNull RefundRequestType requestType,
        @NotNull RefundReason reason,
        @NotNull Integer hoursBeforeShow,
        @NotNull TicketType ticketType,
        @NotNull MemberTier memberTier,
        @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal ticketPrice) {
}
