package org.ticketops.checkout;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires held orders whose deposit window has run out, on every node (the conditional update lets one win). */
@Component
@ConditionalOnProperty(name = "ticketops.sales.hold-sweep-enabled", havingValue = "true", matchIfMissing = true)
class DepositHolds {

    private final CheckoutService checkout;

    DepositHolds(CheckoutService checkout) {
        this.checkout = checkout;
    }

    @Scheduled(fixedDelayString = "${ticketops.sales.hold-sweep:PT1M}", initialDelayString = "${ticketops.sales.hold-sweep:PT1M}")
    void sweep() {
        checkout.expireHolds();
    }
}
