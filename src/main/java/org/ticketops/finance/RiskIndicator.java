package org.ticketops.finance;

/** The night's financial risk indicators (see rules/risk-warnings.xlsx for their levels). */
public enum RiskIndicator {
    /** The day's revenue against the same weekday of the last 4 weeks, in percent (-30 = 30 % below). */
    REVENUE_CHANGE_PERCENT,
    /** Money paid back against money taken on the day, in percent. */
    REFUND_RATE_PERCENT,
    /** Chargebacks against money taken on the day, in percent. */
    CHARGEBACK_RATE_PERCENT,
    /** Deposits past their hold time and still unpaid, in CNY. */
    UNPAID_DEPOSITS,
    /** What the day's settlement mismatches add up to, in CNY. */
    UNMATCHED_AMOUNT,
    /** Per show in the next 30 days: days its stock lasts at the last week's sales, minus days until the show. */
    DAYS_OF_SUPPLY_OVER_SHOW,
    /** Procurement stocked this month against this month's revenue, in percent. */
    PROCUREMENT_COST_RATIO_PERCENT
}
