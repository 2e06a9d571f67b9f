package org.ticketops.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.customer.CustomerCommands.CustomerChanges;
import org.ticketops.customer.CustomerCommands.NewCustomer;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.NotFound;
import org.ticketops.web.Page;
import org.ticketops.web.PageRequest;
import org.ticketops.web.ProblemException;

/**
 * Customer records. Phones are stored in E.164 and e-mail addresses in lower case, and both are unique
 * among active customers: the database's unique keys decide, and a clash answers 409 naming the customer
 * who has them. Every write is in the audit trail (who, when, before → after).
 */
@Service
public class CustomerService {

    public static final String SUBJECT = "CUSTOMER";
    private final CustomerMapper customers;
    private final AuditTrail audit;
    private final String region;
    private final Clock clock;

    CustomerService(CustomerMapper customers, AuditTrail audit, TicketOpsProperties ticketOps, Clock clock) {
        this.customers = customers;
        this.audit = audit;
        this.region = ticketOps.region();
        this.clock = clock;
    }

    public Customer get(long id) {
        return customers.find(id).orElseThrow(() -> new NotFound("customer", id));
    }

    /** Customers whose name, phone or e-mail contains {@code query} (a phone also as typed with spaces or dashes). */
    public Page<Customer> list(String query, PageRequest page) {
        String q = query == null || query.isBlank() ? null : query.strip();
        String digits = q == null ? null : q.replaceAll("[^0-9]", "");
        if (digits != null && (digits.length() < 3 || !q.matches("[0-9+()\\s.-]+"))) {
            digits = null;
        }
        return Page.of(customers.findPage(q, digits, page.offset(), page.size()), page.page(), page.size(),
                customers.count(q, digits));
    }

    @Transactional
    public Customer register(String name, String phone, String email, MemberTier tier, LocalDate birthday,
                             CustomerType type) {
        return register(name, phone, email, tier, birthday, type, null);
    }

    /** Registers a customer who has been one since {@code since} (imports, demo data); now when null. */
    @Transactional
    public Customer register(String name, String phone, String email, MemberTier tier, LocalDate birthday,
                             CustomerType type, Instant since) {
        return create(new NewCustomer(name, phone, email, tier, type, birthday, false), "system", since);
    }

    @Transactional
    public Customer create(NewCustomer command, String actor) {
        return create(command, actor, null);
    }

    private Customer create(NewCustomer command, String actor, Instant since) {
        var row = new CustomerMapper.CustomerRow();
        row.name = command.name();
        row.phone = PhoneNumbers.normalise(command.phone(), region, "phone");
        row.email = email(command.email());
        row.memberTier = command.memberTier();
        row.birthday = command.birthday();
        row.customerType = command.customerType();
        row.consentToContact = Boolean.TRUE.equals(command.consentToContact());
        row.createdAt = since == null ? clock.instant() : since;
        refuseTaken(row.phone, row.email, null);
        try {
            customers.insert(row);
        } catch (DuplicateKeyException e) {
            refuseTaken(row.phone, row.email, null); // a concurrent registration won: name it
            throw e;
        }
        audit.record(actor, "CUSTOMER_CREATED", SUBJECT, row.id, row.name + (row.phone == null ? "" : ", " + row.phone)
                + (row.email == null ? "" : ", " + row.email));
        return get(row.id);
    }

    /** Changes a record: only the fields sent; an empty phone or e-mail clears it; {@code active: false} retires it. */
    @Transactional
    public Customer update(long id, CustomerChanges changes, String actor) {
        Customer before = get(id);
        String phone = changes.phone() == null ? before.phone() : PhoneNumbers.normalise(changes.phone(), region, "phone");
        String email = changes.email() == null ? before.email() : email(changes.email());
        Customer after = new Customer(id, or(changes.name(), before.name()), phone, email,
                or(changes.memberTier(), before.memberTier()), or(changes.birthday(), before.birthday()),
                or(changes.customerType(), before.customerType()),
                or(changes.consentToContact(), before.consentToContact()), or(changes.active(), before.active()),
                before.createdAt(), clock.instant());
        List<String> changed = new ArrayList<>();
        diff(changed, "name", before.name(), after.name());
        diff(changed, "phone", before.phone(), after.phone());
        diff(changed, "email", before.email(), after.email());
        diff(changed, "memberTier", before.memberTier(), after.memberTier());
        diff(changed, "birthday", before.birthday(), after.birthday());
        diff(changed, "customerType", before.customerType(), after.customerType());
        diff(changed, "consentToContact", before.consentToContact(), after.consentToContact());
        diff(changed, "active", before.active(), after.active());
        if (changed.isEmpty()) {
            return before;
        }
        if (after.active()) {
            refuseTaken(after.phone(), after.email(), id);
        }
        try {
            if (customers.update(after, before.updatedAt()) != 1) {
                throw new ChangedMeanwhile(id);
            }
        } catch (DuplicateKeyException e) {
            refuseTaken(after.phone(), after.email(), id);
            throw e;
        }
        audit.record(actor, "CUSTOMER_CHANGED", SUBJECT, id, String.join("; ", changed));
        return get(id);
    }

    private void refuseTaken(String phone, String email, Long exceptId) {
        if (phone == null && email == null) {
            return;
        }
        for (Customer other : customers.findActiveByPhoneOrEmail(phone, email, exceptId)) {
            String field = phone != null && phone.equals(other.phone()) ? "phone" : "email";
            throw new CustomerExists(field, other);
        }
    }

    private static String email(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip().toLowerCase(Locale.ROOT);
    }

    private static void diff(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + ": " + (before == null ? "–" : before) + " → " + (after == null ? "–" : after));
        }
    }

    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }

    /** The phone or e-mail belongs to another active customer: 409 naming them. */
    static final class CustomerExists extends ProblemException {
        CustomerExists(String field, Customer existing) {
            super(Kind.CONFLICT, "CUSTOMER_EXISTS", "Customer exists", "Customer " + existing.id() + " (" + existing.name()
                    + ") already has this " + (field.equals("phone") ? "phone number" : "e-mail address") + ".",
                    java.util.Map.of("field", field, "existingCustomerId", existing.id(), "existingCustomerName",
                            existing.name()));
        }
    }

    /** The record changed while this change was made: 409. */
    static final class ChangedMeanwhile extends ProblemException {
        ChangedMeanwhile(long id) {
            super(Kind.CONFLICT, "CHANGED_MEANWHILE", "Changed meanwhile",
                    "Customer " + id + " changed while this change was made; reload it and try again.", java.util.Map.of("id", id));
        }
    }
}
