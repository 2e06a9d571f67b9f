package org.ticketops.credit;

/** How far the center trusts a customer with credit: A best, D worst. */
public enum CreditTier {
    A, B, C, D
}
