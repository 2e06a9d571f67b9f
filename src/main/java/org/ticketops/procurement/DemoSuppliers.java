package org.ticketops.procurement;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.ticketops.catalog.EventKind;

/**
 * The demo's suppliers (default profile only), so that procurement can start a request in Tasklist at once: one
 * qualified for every kind of event, one pending qualification, one suspended.
 */
@Component
@ConditionalOnProperty(name = "ticketops.demo.enabled", havingValue = "true")
class DemoSuppliers {

    private final SupplierService suppliers;

    DemoSuppliers(SupplierService suppliers) {
        this.suppliers = suppliers;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void load() {
        if (!suppliers.list().isEmpty()) {
            return;
        }
        LocalDate today = suppliers.today();
        List<NewSupplier.ApprovedKind> everything = Arrays.stream(EventKind.values())
                .map(k -> new NewSupplier.ApprovedKind(k, today.minusMonths(6), today.plusYears(2))).toList();
        suppliers.create(new NewSupplier("Damai Wholesale", "91310000MA1FL0001A", "wholesale@damai.example",
                Supplier.Qualification.QUALIFIED, today.plusYears(1), everything), "system");
        suppliers.create(new NewSupplier("Orient Stage Agency", "91310000MA1FL0002B", "+86 21 5555 0102",
                Supplier.Qualification.PENDING, null, List.of(new NewSupplier.ApprovedKind(EventKind.THEATRE,
                today.minusMonths(1), today.plusYears(1)))), "system");
        suppliers.create(new NewSupplier("Quick Seats Ltd", "91310000MA1FL0003C", "ops@quickseats.example",
                Supplier.Qualification.SUSPENDED, today.plusMonths(3), everything), "system");
    }
}
