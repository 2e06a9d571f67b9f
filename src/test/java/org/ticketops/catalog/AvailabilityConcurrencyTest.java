package org.ticketops.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** On H2: many threads take and give back tickets at once; availability never leaves [0, capacity]. */
@TicketOpsTest
class AvailabilityConcurrencyTest {

    @Autowired
    CatalogService catalog;
    @Autowired
    TestData data;

    @Test
    void parallelBuyersNeverOversell() throws Exception {
        TicketCategory category = data.category(data.show(data.event(), Duration.ofDays(3)), TicketType.STANDARD, "50.00", 25);
        AvailabilityRace.Outcome outcome = AvailabilityRace.buy(catalog, category.id(), 16, 10);
        assertThat(outcome.sold()).isEqualTo(25);
        assertThat(outcome.refused()).isEqualTo(16 * 10 - 25);
        assertThat(catalog.category(category.id()).available()).isZero();
    }

    @Test
    void parallelReturnsNeverExceedCapacity() throws Exception {
        TicketCategory category = data.category(data.show(data.event(), Duration.ofDays(3)), TicketType.VIP, "50.00", 20);
        catalog.take(category.id(), 5);
        AvailabilityRace.Outcome outcome = AvailabilityRace.giveBack(catalog, category.id(), 8, 5);
        assertThat(outcome.sold()).isEqualTo(5);
        assertThat(catalog.category(category.id()).available()).isEqualTo(20);
    }
}
