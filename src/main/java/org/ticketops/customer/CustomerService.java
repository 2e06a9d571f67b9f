package org.ticketops.customer;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.web.NotFound;
import org.ticketops.web.Page;
import org.ticketops.web.PageRequest;

@Service
public class CustomerService {

    private final CustomerMapper customers;
    private final Clock clock;

    CustomerService(CustomerMapper customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    public Customer get(long id) {
        return customers.find(id).orElseThrow(() -> new NotFound("customer", id));
    }

    public Page<Customer> list(String query, PageRequest page) {
        return Page.of(customers.findPage(query, page.offset(), page.size()), page.page(), page.size(),
                customers.count(query));
    }

    @Transactional
    public Customer register(String name, String phone, String email, MemberTier tier, LocalDate birthday,
                             CustomerType type) {
        return register(name, phone, email, tier, birthday, type, null);
    }

    /** Registers a customer who has been one since {@code since} (imports, demo data); now when null. */
    @Transactional
    public Customer register(String name, String phone, String email, MemberTier tier, LocalDate birthday,
                             CustomerType type, java.time.Instant since) {
        var row = new CustomerMapper.CustomerRow();
        row.name = name;
        row.phone = phone;
        row.email = email;
        row.memberTier = tier;
        row.birthday = birthday;
        row.customerType = type;
        row.createdAt = since == null ? clock.instant() : since;
        customers.insert(row);
        return get(row.id);
    }
}
