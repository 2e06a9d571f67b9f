package org.ticketops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.customer.CustomerType;
import org.ticketops.customer.MemberTier;
import org.ticketops.sales.SalesService;
import org.ticketops.support.TicketOpsTest;
import org.ticketops.web.PageRequest;

/** The default profile's demo data: dated relative to now, every tier and type, about 40 orders. */
@TicketOpsTest
class DemoDataTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    CustomerService customers;
    @Autowired
    SalesService sales;
    @Autowired
    Clock clock;
    @Autowired
    org.ticketops.credit.CreditService credit;

    static final java.util.Set<String> DEMO_NAMES = java.util.Set.of("Li Wei", "Wang Fang", "Zhang Min", "Chen Jing",
            "Oriental Pearl Trading Co.", "Huaxia Bank Shanghai", "Happy Travel Agency", "Golden Bund Tours");

    private List<Customer> demoCustomers() {
        return DEMO_NAMES.stream().flatMap(name -> customers.list(name, new PageRequest(0, 5)).items().stream())
                .filter(c -> DEMO_NAMES.contains(c.name())).toList();
    }

    @Test
    void showsAreDatedRelativeToNow() {
        Instant now = clock.instant();
        List<Show> demo = catalog.shows(null, null, null).stream()
                .filter(s -> s.venue().startsWith("Shanghai") || s.venue().startsWith("Hongkou")).toList();
        assertThat(demo).anySatisfy(s -> assertThat(Duration.between(now, s.startsAt()).toDays()).isBetween(59L, 60L));
        assertThat(demo).anySatisfy(s -> assertThat(Duration.between(now, s.startsAt()).toDays()).isBetween(9L, 10L));
        assertThat(demo).anySatisfy(s -> assertThat(Duration.between(now, s.startsAt()).toHours()).isBetween(24L, 48L));
        // issue 7: shows start in the evening in the center's zone, never at 03:00
        assertThat(demo).allSatisfy(s -> assertThat(s.startsAt().atZone(java.time.ZoneId.of("Asia/Shanghai")).getHour())
                .isBetween(18, 21));
        assertThat(demo).anySatisfy(s -> assertThat(s.startsAt()).isBefore(now));
        assertThat(demo).allSatisfy(s -> {
            EnumSet<TicketType> types = EnumSet.noneOf(TicketType.class);
            catalog.showDetails(s.id()).categories().forEach(c -> types.add(c.type()));
            assertThat(types).containsExactlyInAnyOrder(TicketType.values());
        });
    }

    @Test
    void customersCoverEveryTierAndType() {
        List<Customer> demo = demoCustomers();
        assertThat(demo).hasSize(8);
        assertThat(demo).extracting(Customer::memberTier).contains(MemberTier.values());
        assertThat(demo).extracting(Customer::customerType).contains(CustomerType.values());
    }

    @Test
    void demoCustomersShowEveryCreditTier() {
        assertThat(demoCustomers()).extracting(c -> credit.check(c.id()).decision().output().tier())
                .contains(org.ticketops.credit.CreditTier.values());
    }

    @Test
    void thereAreAboutFortyOrdersWithTickets() {
        long demoOrders = demoCustomers().stream()
                .mapToLong(c -> sales.orders(c.id(), null, null, new PageRequest(0, 1)).totalItems()).sum();
        assertThat(demoOrders).isBetween(38L, 45L);
    }
}
