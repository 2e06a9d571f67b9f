package org.ticketops.finance;

/** How much a risk indicator calls for: INFO nothing, WARN and ALERT a warning to finance and the general manager. */
public enum RiskLevel {
    INFO, WARN, ALERT
}
