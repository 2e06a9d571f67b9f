package org.ticketops.refund;

/** {@code ${payouts.automatic}} in the process: whether a connected payment provider pays refunds. */
public class Payouts {

    private final RefundPayouts payouts;

    Payouts(RefundPayouts payouts) {
        this.payouts = payouts;
    }

    public boolean isAutomatic() {
        return payouts.automaticPayouts();
    }
}
