package org.ticketops.credit;

/** The credit-tier table's answer for a customer. */
public record CreditDecision(CreditTier tier, int maxTicketsPerOrder, int paymentTermDays, boolean depositRequired,
                             boolean refundsNeedReview) {
}
