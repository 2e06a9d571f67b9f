package org.ticketops.checkout;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.ticketops.sales.SalesChannel;

/** What a clerk sells: for a customer, through a channel, lines of one show, and how the customer pays. */
public record NewOrder(
        @NotNull @Positive Long customerId,
        @NotNull SalesChannel channel,
        @NotEmpty @Size(max = 20) List<@NotNull @Valid Line> lines,
        @NotNull @Valid PaymentDetails payment) {

    public record Line(@NotNull @Positive Long categoryId, @NotNull @Min(1) @Max(10000) Integer quantity) {
    }

    /**
     * @param externalReference the card terminal's slip, the wallet's or the bank's reference: required for a
     *                          transfer, and for a card or wallet when no payment provider is connected
     */
    public record PaymentDetails(@NotNull PaymentMethod method, @Size(max = 100) String externalReference) {
    }

    public enum PaymentMethod {
        CARD, CASH, TRANSFER, WALLET
    }
}
