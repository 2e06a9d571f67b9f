package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.EventKind;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.pricechange.NewPriceChange;
import org.ticketops.pricechange.PriceChange;
import org.ticketops.pricechange.PriceChangeReason;
import org.ticketops.pricechange.PriceChangeService;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.MySqlTest;
import org.ticketops.web.ProblemException;

/** A price change on MySQL/MariaDB: one open change per category (the unique key), announced, applied at its time. */
@MySqlTest
class MySqlPriceChangeTest {

    @Autowired
    PriceChangeService changes;
    @Autowired
    CatalogService catalog;
    @Autowired
    TaskService tasks;
    @Autowired
    Engine engine;
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    @Test
    void aChangeIsApprovedAnnouncedAndAppliedAndASecondOpenOneIsRefused() {
        var event = catalog.createEvent(TestData.unique("Price event"), EventKind.THEATRE);
        var show = catalog.createShow(event.id(), "Hall", clock.instant().plus(Duration.ofDays(10)));
        TicketCategory category = catalog.createCategory(show.id(), "Stalls", TicketType.STANDARD, new BigDecimal("300.00"), 40);
        PriceChange change = changes.submit(new NewPriceChange(category.id(), new BigDecimal("315.00"), PriceChangeReason.MARKET,
                clock.instant().plus(Duration.ofDays(2)).atOffset(ZoneOffset.ofHours(8)), "Demand above plan"), "seller");
        assertThatThrownBy(() -> changes.submit(new NewPriceChange(category.id(), new BigDecimal("320.00"), PriceChangeReason.MARKET,
                clock.instant().plus(Duration.ofDays(3)).atOffset(ZoneOffset.ofHours(8)), "Another thought"), "seller"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("PRICE_CHANGE_OPEN"));

        Task task = tasks.createTaskQuery().processInstanceId(change.processInstanceId()).singleResult();
        tasks.setAssignee(task.getId(), "manager");
        tasks.complete(task.getId(), Map.of("approvalDecision", "APPROVE", "approvalComment", "Agreed"));
        assertThat(changes.change(change.id()).status()).isEqualTo("ANNOUNCED");
        assertThat(catalog.showDetails(show.id()).priceAnnouncements()).hasSize(1);

        engine.advance(Duration.ofDays(2).plusMinutes(1));
        engine.executeJobs(change.processInstanceId());
        assertThat(changes.change(change.id()).status()).isEqualTo("APPLIED");
        assertThat(catalog.category(category.id()).price()).isEqualByComparingTo("315.00");
    }
}
