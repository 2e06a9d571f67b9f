package org.ticketops.customer;

public enum CustomerType {
    INDIVIDUAL, CORPORATE, AGENCY
}
