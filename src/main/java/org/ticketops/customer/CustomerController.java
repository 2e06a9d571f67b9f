package org.ticketops.customer;

import java.net.URI;
import java.security.Principal;

import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
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
    private final CustomerImport imports;

    CustomerController(CustomerService customers, CustomerImport imports) {
        this.customers = customers;
        this.imports = imports;
    }

    /** Customers by name, optionally filtered by a part of the name, phone or e-mail. */
    @GetMapping
    Page<Customer> list(@RequestParam(required = false) String query, @RequestParam(required = false) String q,
                        @RequestParam(defaultValue = "0") int page,
                        @RequestParam(defaultValue = "50") int size) {
        return customers.list(query != null ? query : q, new PageRequest(page, size));
    }

    /** Imports a CSV file of customers (UTF-8, header row): all rows or none; refused rows named by line and field. */
    @PostMapping(path = "/import", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<CustomerImport.Imported> importCsv(@RequestParam("file") org.springframework.web.multipart.MultipartFile file,
                                                      Principal user) throws java.io.IOException {
        return ResponseEntity.status(201).body(imports.importCsv(file.getBytes(), user.getName()));
    }

    @PostMapping
    ResponseEntity<Customer> create(@Valid @RequestBody CustomerCommands.NewCustomer customer, Principal user) {
        Customer created = customers.create(customer, user.getName());
        return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
    }

    /** Changes a record: only the fields sent; an empty phone or e-mail clears it; {@code active: false} retires it. */
    @PatchMapping("/{id}")
    Customer update(@PathVariable long id, @Valid @RequestBody CustomerCommands.CustomerChanges changes, Principal user) {
        return customers.update(id, changes, user.getName());
    }

    @GetMapping("/{id}")
    Customer get(@PathVariable long id) {
        return customers.get(id);
    }
}
