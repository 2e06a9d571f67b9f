package org.ticketops.sales;

import java.math.BigDecimal;

import org.ticketops.catalog.TicketType;

public record Ticket(Long id, Long orderId, Long showId, Long categoryId, String categoryName, TicketType ticketType,
                     String seatLabel, BigDecimal pricePaid, TicketStatus status) {
}
