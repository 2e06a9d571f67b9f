package org.ticketops.sales;

public enum SalesChannel {
    WEB, APP, BOX_OFFICE, PARTNER
}
