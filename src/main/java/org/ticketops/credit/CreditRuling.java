package org.ticketops.credit;

/** What a row of the credit-tier table writes (its global {@code result}). */
public final class CreditRuling {

    private CreditTier tier;
    private int maxTicketsPerOrder;
    private int paymentTermDays;
    private boolean depositRequired;
    private boolean refundsNeedReview;

    public void setTier(CreditTier tier) {
        this.tier = tier;
    }

    public void setMaxTicketsPerOrder(int maxTicketsPerOrder) {
        this.maxTicketsPerOrder = maxTicketsPerOrder;
    }

    public void setPaymentTermDays(int paymentTermDays) {
        this.paymentTermDays = paymentTermDays;
    }

    public void setDepositRequired(boolean depositRequired) {
        this.depositRequired = depositRequired;
    }

    public void setRefundsNeedReview(boolean refundsNeedReview) {
        this.refundsNeedReview = refundsNeedReview;
    }

    boolean matched() {
        return tier != null;
    }

    CreditDecision decision() {
        return new CreditDecision(tier, maxTicketsPerOrder, paymentTermDays, depositRequired, refundsNeedReview);
    }
}
