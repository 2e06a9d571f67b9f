package org.ticketops.performance;

/** A review's grade: A well above expectations, B meets them, C partly, D below (an improvement plan follows). */
public enum Grade {
    A, B, C, D
}
