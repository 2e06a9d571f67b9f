package org.ticketops.customer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ticketops.web.Page;
import org.ticketops.web.PageRequest;

@RestController
@RequestMapping("/api/customers")
class CustomerController {

    private final CustomerService customers;

    CustomerController(CustomerService customers) {
        this.customers = customers;
    }

    /** Customers by name, optionally filtered by a part of the name, phone or e-mail. */
    @GetMapping
    Page<Customer> list(@RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        return customers.list(q, new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    Customer get(@PathVariable long id) {
        return customers.get(id);
    }
}
