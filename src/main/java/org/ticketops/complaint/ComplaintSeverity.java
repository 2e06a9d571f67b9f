package org.ticketops.complaint;

/** How bad a complaint is: it sets the deadlines and the compensation. */
public enum ComplaintSeverity {
    LOW, MEDIUM, HIGH, CRITICAL
}
