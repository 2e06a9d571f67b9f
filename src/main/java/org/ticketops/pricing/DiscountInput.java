package org.ticketops.pricing;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.ticketops.catalog.TicketType;
import org.ticketops.credit.CreditTier;
import org.ticketops.customer.MemberTier;

/**
 * The input of the discount-eligibility table (also the fact its rules look at).
 *
 * @param daysBeforeShow whole days from the purchase to the show's start
 * @param birthdayMonth  the purchase falls in the customer's birthday month
 */
public record DiscountInput(
        @NotNull MemberTier memberTier,
        @NotNull TicketType ticketType,
        @NotNull CreditTier creditTier,
        @NotNull @Min(1) Integer quantity,
        @NotNull @Min(0) Integer daysBeforeShow,
        @NotNull Boolean birthdayMonth) {
}
