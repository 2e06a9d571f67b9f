package org.ticketops.customer;

/** Loyalty level of a customer. */
public enum MemberTier {
    NONE, SILVER, GOLD, PLATINUM
}
