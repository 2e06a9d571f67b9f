package org.ticketops.decision;

/** Names of the shipped decision tables, for capabilities that refer to a table they do not own. */
public final class DecisionTableNames {

    public static final String REFUND_FEES = "refund-fees";
    public static final String CREDIT_TIERS = "credit-tiers";
    public static final String REFUND_REVIEW = "refund-review";
    public static final String DISCOUNT_ELIGIBILITY = "discount-eligibility";
    public static final String PROCUREMENT_APPROVAL = "procurement-approval";
    public static final String PRICE_CHANGE_APPROVAL = "price-change-approval";
    public static final String COMPLAINT_COMPENSATION = "complaint-compensation";
    public static final String PERFORMANCE_GRADES = "performance-grades";
    public static final String RISK_WARNINGS = "risk-warnings";

    private DecisionTableNames() {
    }
}
