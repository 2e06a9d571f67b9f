package org.ticketops.refund;

/** {@code ${payouts.automatic}} in the process: whether a connected payment provider pays refunds. */
public class Payouts {

    private final RefundService refunds;

    Payouts(RefundService refunds) {
        this.refunds = refunds;
    }

    public boolean isAutomatic() {
        return refunds.automaticPayouts();
    }
}
