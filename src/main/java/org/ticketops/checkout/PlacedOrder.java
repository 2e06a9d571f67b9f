package org.ticketops.checkout;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.ticketops.billing.OrderInvoice;
import org.ticketops.sales.Order;
import org.ticketops.sales.Payment;
import org.ticketops.sales.Sale;
import org.ticketops.sales.Ticket;

/** An order as sold: the order, its lines, its tickets, the customer's payment and the invoice (none while a deposit is awaited). */
public record PlacedOrder(@JsonUnwrapped Order order, List<Sale.Line> lines, List<Ticket> tickets, List<Payment> payments,
                          OrderInvoice invoice) {
}
