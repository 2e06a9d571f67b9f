package org.ticketops.refund;

import java.math.BigDecimal;

/**
 * What the rows of the refund-fee table write (the table's global {@code result}); one per evaluation.
 * {@link #matched()} tells whether any row of the main rule table matched.
 */
public final class RefundFeeRuling {

    private Boolean allowed;
    private String rejectionCode;
    private int feePercent;
    private BigDecimal minimumFee = BigDecimal.ZERO;

    public void setAllowed(boolean allowed) {
        this.allowed = allowed;
    }

    public void setRejectionCode(String rejectionCode) {
        this.rejectionCode = rejectionCode;
    }

    public void setFeePercent(int feePercent) {
        this.feePercent = feePercent;
    }

    public void setMinimumFee(BigDecimal minimumFee) {
        this.minimumFee = minimumFee;
    }

    public boolean matched() {
        return allowed != null;
    }

    public boolean allowed() {
        return Boolean.TRUE.equals(allowed);
    }

    public String rejectionCode() {
        return rejectionCode;
    }

    public int feePercent() {
        return feePercent;
    }

    public BigDecimal minimumFee() {
        return minimumFee;
    }
}
