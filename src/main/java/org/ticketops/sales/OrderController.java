package org.ticketops.sales;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.web.Page;
import org.ticketops.web.PageRequest;

@RestController
@RequestMapping("/api/orders")
class OrderController {

    private final SalesService sales;

    OrderController(SalesService sales) {
        this.sales = sales;
    }

    /** Orders, newest first, filtered by customer, show and status. */
    @GetMapping
    Page<Order> list(@RequestParam(required = false) Long customerId,
                     @RequestParam(required = false) Long showId,
                     @RequestParam(required = false) OrderStatus status,
                     @RequestParam(defaultValue = "0") int page,
                     @RequestParam(defaultValue = "20") int size) {
        return sales.orders(customerId, showId, status, new PageRequest(page, size));
    }

    /** One order with its tickets. */
    @GetMapping("/{id}")
    OrderDetails get(@PathVariable long id) {
        return sales.orderDetails(id);
    }
}
