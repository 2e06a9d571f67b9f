package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.decision.DecisionService;
import org.ticketops.refund.RefundFeeInput;
import org.ticketops.refund.RefundFeeTable;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.SalesService;
import org.ticketops.support.MySqlTest;
import org.ticketops.support.TestData;

/** The Flyway schema, the mappers and the decision store on MySQL/MariaDB. */
@MySqlTest
class MySqlDataTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestData data;
    @Autowired
    CatalogService catalog;
    @Autowired
    SalesService sales;
    @Autowired
    DecisionService decisions;
    @Autowired
    RefundFeeTable refundFees;
    @Autowired
    TestRestTemplate rest;

    @Test
    void theEngineTablesAreUtf8mb4AndKeepTheirForeignKeys() {
        Integer notUtf8mb4 = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND UPPER(TABLE_NAME) LIKE 'ACT\\_%' AND TABLE_COLLATION NOT LIKE 'utf8mb4%'", Integer.class);
        assertThat(notUtf8mb4).isZero();
        Integer engineTables = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'", Integer.class);
        assertThat(engineTables).isGreaterThan(40);
        // Camunda 7.24's MySQL schema has 40-odd foreign keys; they were dropped and added back around the conversion
        Integer foreignKeys = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.REFERENTIAL_CONSTRAINTS"
                + " WHERE CONSTRAINT_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'", Integer.class);
        assertThat(foreignKeys).isGreaterThan(30);
    }

    @Test
    void flywayCreatedTheSchemaBesideCamundasTables() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1", Integer.class))
                .isPositive();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_PROCDEF", Integer.class)).isNotNull();
        assertThat(jdbc.queryForObject("SELECT DATABASE()", String.class)).isNotBlank();
    }

    @Test
    void mappersWriteAndReadTheCentersData() {
        Customer customer = data.customer(MemberTier.GOLD);
        Show show = data.show(data.event(), Duration.ofDays(15));
        TicketCategory category = data.category(show, TicketType.VIP, "1280.00", 10);
        OrderDetails order = data.order(customer, category, 2);

        OrderDetails read = sales.orderDetails(order.order().id());
        assertThat(read.order().total()).isEqualByComparingTo("2560.00");
        assertThat(read.order().customerName()).isEqualTo(customer.name());
        assertThat(read.tickets()).hasSize(2).allSatisfy(t -> assertThat(t.ticketType()).isEqualTo(TicketType.VIP));
        assertThat(catalog.category(category.id()).available()).isEqualTo(8);
        assertThat(sales.orders(customer.id(), null, null, new org.ticketops.web.PageRequest(0, 10)).totalItems()).isEqualTo(1);
    }

    @Test
    void timesAreStoredInUtc() {
        Instant startsAt = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        Show show = catalog.createShow(data.event().id(), "UTC hall", startsAt);
        LocalDateTime stored = jdbc.queryForObject("SELECT starts_at FROM to_shows WHERE id = ?", LocalDateTime.class, show.id());
        assertThat(stored).isEqualTo(LocalDateTime.ofInstant(startsAt, ZoneOffset.UTC));
        assertThat(catalog.show(show.id()).startsAt()).isEqualTo(startsAt);
    }

    @Test
    void theShippedTableWasSeededAndDecides() {
        assertThat(decisions.versions("refund-fees")).isNotEmpty();
        var decision = decisions.evaluate(refundFees, new RefundFeeInput(RefundRequestType.REFUND, RefundReason.CUSTOMER_CHOICE,
                100, TicketType.VIP, MemberTier.GOLD, new BigDecimal("1280.00")));
        assertThat(decision.output().fee()).isEqualByComparingTo("192.00");
        assertThat(decision.tableVersion().version()).isPositive();
    }

    @Test
    void theFirstAdministratorComesFromTheEnvironment() {
        assertThat(rest.withBasicAuth("admin", "Tick3t-Ops!Strong").getForEntity("/api/shows", String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(rest.withBasicAuth("amy", "amy").getForEntity("/api/shows", String.class).getStatusCode().value())
                .as("no demo users on the mysql profile").isEqualTo(401);
        assertThat(identityService.createUserQuery().userIdIn(org.ticketops.identity.DemoUsers.USERS.keySet().toArray(String[]::new))
                .count()).as("no demo user exists").isZero();
        // no default password: the administrator's comes only from the environment (an empty one stops the start,
        // IdentitySetup); a wrong-password probe here would lock the administrator out for the tests after this one
    }

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Autowired
    org.ticketops.credit.CreditService credit;
    @Autowired
    org.ticketops.billing.BillingService billing;

    @Test
    void creditIsDerivedFromTheRecordsOnMySql() {
        Customer customer = data.customer(MemberTier.SILVER, org.ticketops.customer.CustomerType.CORPORATE);
        Instant now = Instant.now();
        billing.issueInvoice(customer.id(), null, new BigDecimal("300.00"), now.minus(Duration.ofDays(90)),
                now.minus(Duration.ofDays(60)), now.minus(Duration.ofDays(20)));
        billing.recordChargeback(customer.id(), null, new BigDecimal("20.00"), "disputed", now.minus(Duration.ofDays(5)));
        var check = credit.check(customer.id());
        assertThat(check.inputs().maxDaysOverdue12m()).isEqualTo(40);
        assertThat(check.inputs().chargebacks12m()).isEqualTo(1);
        assertThat(check.decision().output().tier()).isEqualTo(org.ticketops.credit.CreditTier.C);
    }

    @Test
    void parallelBuyersNeverOversellOnMySql() throws Exception {
        TicketCategory category = data.category(data.show(data.event(), Duration.ofDays(3)), TicketType.STANDARD, "50.00", 30);
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger sold = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        for (int t = 0; t < 12; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < 6; i++) {
                        try {
                            catalog.take(category.id(), 1);
                            sold.incrementAndGet();
                        } catch (org.ticketops.catalog.NotEnoughTickets e) {
                            // expected once sold out
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(sold.get()).isEqualTo(30);
        assertThat(catalog.category(category.id()).available()).isZero();
    }
}
