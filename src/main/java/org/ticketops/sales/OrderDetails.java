package org.ticketops.sales;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** An order with its tickets. */
public record OrderDetails(@JsonUnwrapped Order order, List<Ticket> tickets) {
}
