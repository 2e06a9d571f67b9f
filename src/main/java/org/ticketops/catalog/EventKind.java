package org.ticketops.catalog;

public enum EventKind {
    CONCERT, SPORTS, THEATRE, EXHIBITION, OTHER
}
