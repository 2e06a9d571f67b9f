package org.ticketops.finance;

/** The night's financial risk indicators (see rules/risk-warnings.xlsx for their levels). */
public enum RiskIndicator {
    /** The day's revenue against the same weekday of the last 4 weeks, in percent (-30 = 30 % below). */
    REVENUE_CHANGE_PERCENT("Revenue against the usual (%)"),
    /** Money paid back against money taken on the day, in percent. */
    REFUND_RATE_PERCENT("Refund rate (%)"),
    /** Chargebacks against money taken on the day, in percent. */
    CHARGEBACK_RATE_PERCENT("Chargeback rate (%)"),
    /** Deposits past their hold time and still unpaid, in CNY. */
    UNPAID_DEPOSITS("Unpaid deposits (CNY)"),
    /** What the day's settlement mismatches add up to, in CNY. */
    UNMATCHED_AMOUNT("Unmatched settlement (CNY)"),
    /** Per show in the next 30 days: days its stock lasts at the last week's sales, minus days until the show. */
    DAYS_OF_SUPPLY_OVER_SHOW("Stock beyond the show (days)"),
    /** Procurement stocked this month against this month's revenue, in percent. */
    PROCUREMENT_COST_RATIO_PERCENT("Procurement cost ratio (%)");

    private final String label;

    RiskIndicator(String label) {
        this.label = label;
    }

    /** How the monitor page names it. */
    public String label() {
        return label;
    }
}
