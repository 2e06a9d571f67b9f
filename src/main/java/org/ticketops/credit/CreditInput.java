package org.ticketops.credit;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.ticketops.customer.CustomerType;

/** The input of the credit-tier table (also the fact its rules look at). */
public record CreditInput(
        @NotNull CustomerType customerType,
        @NotNull @Min(0) Integer chargebacks12m,
        @NotNull @Min(0) Integer overdueInvoices,
        @NotNull @Min(0) Integer maxDaysOverdue12m,
        @NotNull @Min(0) Integer refunds90d,
        @NotNull @Min(0) Integer monthsAsCustomer,
        @NotNull @DecimalMin("0.00") @Digits(integer = 12, fraction = 2) BigDecimal spend12m) {
}
