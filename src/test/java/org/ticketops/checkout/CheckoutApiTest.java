package org.ticketops.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.billing.BillingService;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.catalog.TicketType;
import org.ticketops.customer.Customer;
import org.ticketops.customer.MemberTier;
import org.ticketops.refund.NewRefundRequest;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRegistration;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.support.Api;
import org.ticketops.support.Engine;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** Selling over the API: priced as a quote, seats taken, tickets, payment and invoice in one go, and every refusal. */
@TicketOpsTest
class CheckoutApiTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    CatalogService catalog;
    @Autowired
    BillingService billing;
    @Autowired
    CheckoutService checkout;
    @Autowired
    RefundRegistration registration;
    @Autowired
    Engine engine;
    @Autowired
    JdbcTemplate jdbc;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(rest);
    }

    @AfterEach
    void resetClock() {
        engine.resetClock();
    }

    private static Map<String, Object> order(long customerId, List<Map<String, Object>> lines, String method, String reference) {
        Map<String, Object> payment = new java.util.LinkedHashMap<>();
        payment.put("method", method);
        if (reference != null) {
            payment.put("externalReference", reference);
        }
        return Map.of("customerId", customerId, "channel", "BOX_OFFICE", "lines", lines, "payment", payment);
    }

    private static Map<String, Object> line(TicketCategory category, int quantity) {
        return Map.of("categoryId", category.id(), "quantity", quantity);
    }

    @Test
    void anOrderIsPricedAsAQuoteAndItsMoneyMatchesTheHandComputedFigures() throws Exception {
        Customer gold = data.customer(MemberTier.GOLD);
        Show show = data.show(data.event(), Duration.ofDays(20));
        TicketCategory stand = data.category(show, TicketType.STANDARD, "480.00", 50);
        TicketCategory vip = data.category(show, TicketType.VIP, "1280.00", 10);

        JsonNode placed = api.post("sam", "/api/orders", order(gold.id(), List.of(line(stand, 2), line(vip, 1)), "CASH", null))
                .hasStatus(201).tree();
        long id = placed.path("id").asLong();
        assertThat(placed.path("status").asText()).isEqualTo("PAID");
        assertThat(placed.path("soldBy").asText()).isEqualTo("sam");
        assertThat(placed.path("channel").asText()).isEqualTo("BOX_OFFICE");
        assertThat(placed.path("appliedDiscounts").asText()).isEqualTo("MEMBER");
        assertThat(placed.path("discountTableVersion").asInt()).isPositive();
        assertThat(placed.path("creditTableVersion").asInt()).isPositive();
        assertThat(placed.path("refundFeesVersion").asInt()).isPositive();
        // gold member: 5 % off each line; 2 × 480.00 = 960.00 − 48.00 = 912.00; 1 × 1280.00 − 64.00 = 1216.00
        assertThat(placed.path("subtotal").asText()).isEqualTo("2240.00");
        assertThat(placed.path("discountAmount").asText()).isEqualTo("112.00");
        assertThat(placed.path("total").asText()).isEqualTo("2128.00");
        assertThat(placed.path("lines").findValuesAsText("total")).containsExactly("912.00", "1216.00");
        assertThat(placed.path("tickets").findValuesAsText("pricePaid")).containsExactlyInAnyOrder("456.00", "456.00", "1216.00");
        assertThat(placed.path("tickets").findValuesAsText("seatLabel")).doesNotHaveDuplicates().hasSize(3);
        assertThat(placed.path("payments")).singleElement().satisfies(p -> {
            assertThat(p.path("amount").asText()).isEqualTo("2128.00");
            assertThat(p.path("method").asText()).isEqualTo("CASH");
        });
        // the same as POST /api/quotes for each line
        JsonNode quote = api.post("sam", "/api/quotes", Map.of("customerId", gold.id(), "categoryId", stand.id(), "quantity", 2))
                .hasStatus(200).tree();
        assertThat(quote.path("total").asText()).isEqualTo("912.00");
        assertThat(catalog.category(stand.id()).available()).isEqualTo(48);

        // VAT 6 % is in the prices: 912.00 / 1.06 = 860.38 net, 51.62 tax; 1216.00 / 1.06 = 1147.17 net, 68.83 tax
        JsonNode invoice = api.get("amy", "/api/orders/" + id + "/invoice").hasStatus(200).tree();
        assertThat(invoice.path("number").asText()).matches("INV-\\d{8}-\\d{5}");
        assertThat(invoice.path("lines").findValuesAsText("net")).containsExactly("860.38", "1147.17");
        assertThat(invoice.path("lines").findValuesAsText("tax")).containsExactly("51.62", "68.83");
        assertThat(invoice.path("net").asText()).isEqualTo("2007.55");
        assertThat(invoice.path("tax").asText()).isEqualTo("120.45");
        assertThat(invoice.path("gross").asText()).isEqualTo("2128.00");
        assertThat(invoice.path("discount").asText()).isEqualTo("112.00");
        assertThat(invoice.path("taxRate").asText()).isEqualTo("0.06");

        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("amy", "amy");
        headers.setAccept(List.of(MediaType.APPLICATION_PDF));
        var pdf = rest.exchange("/api/orders/" + id + "/invoice", HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "invoices"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "invoices", "invoice-sample.pdf"), pdf.getBody());
        String text = new PdfTextExtractor(new PdfReader(pdf.getBody())).getTextFromPage(1);
        assertThat(text).contains(invoice.path("number").asText()).contains("2,128.00").contains("120.45");

        // a refund's credit note names the invoice it corrects
        long ticket = placed.path("tickets").get(0).path("id").asLong();
        var request = registration.open(new NewRefundRequest(id, List.of(ticket), RefundRequestType.REFUND,
                RefundReason.TICKET_DEFECT, null, null), "amy", null);
        engine.executeJobs(request.request().processInstanceId());
        // a ticket defect waits for a review; the credit note comes once the refund is paid
        org.camunda.bpm.engine.TaskService tasks = engine.engine().getTaskService();
        var review = tasks.createTaskQuery().processInstanceId(request.request().processInstanceId()).singleResult();
        tasks.complete(review.getId(), Map.of("reviewDecision", "APPROVE", "reviewComment", "Defect confirmed"));
        engine.executeJobs(request.request().processInstanceId());
        assertThat(billing.ofOrder(id)).singleElement()
                .satisfies(note -> assertThat(note.invoiceNumber()).isEqualTo(invoice.path("number").asText()));
    }

    @Test
    void aRetryWithTheKeyAnswersTheFirstOrderAndAnotherBodyIsRefused() {
        Customer customer = data.customer(MemberTier.NONE);
        TicketCategory category = data.category(data.show(data.event(), Duration.ofDays(20)), TicketType.STANDARD, "300.00", 10);
        String key = TestData.unique("k").replace(' ', '-');
        Map<String, Object> body = order(customer.id(), List.of(line(category, 2)), "TRANSFER", "BANK-123");
        long first = api.post("sam", "/api/orders", body, Map.of("Idempotency-Key", key)).hasStatus(201).tree().path("id").asLong();
        long again = api.post("sam", "/api/orders", body, Map.of("Idempotency-Key", key)).hasStatus(201).tree().path("id").asLong();
        assertThat(again).isEqualTo(first);
        assertThat(catalog.category(category.id()).available()).isEqualTo(8);
        assertThat(api.post("sam", "/api/orders", order(customer.id(), List.of(line(category, 3)), "TRANSFER", "BANK-123"),
                Map.of("Idempotency-Key", key)).isProblem(422).code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(catalog.category(category.id()).available()).isEqualTo(8);
    }

    @Test
    void invoiceNumbersStayGaplessAcrossConcurrentOrders() throws Exception {
        TicketCategory category = data.category(data.show(data.event(), Duration.ofDays(20)), TicketType.STANDARD, "100.00", 100);
        List<Customer> buyers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            buyers.add(data.customer(MemberTier.NONE));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Long>> orders = new ArrayList<>();
        for (Customer buyer : buyers) {
            orders.add(pool.submit((Callable<Long>) () -> {
                go.await();
                return api.post("sam", "/api/orders", order(buyer.id(), List.of(line(category, 1)), "CASH", null))
                        .hasStatus(201).tree().path("id").asLong();
            }));
        }
        go.countDown();
        List<Integer> numbers = new ArrayList<>();
        String day = null;
        for (Future<Long> order : orders) {
            String number = billing.invoiceOfOrder(order.get()).orElseThrow().number();
            day = number.substring(0, 12);
            numbers.add(Integer.parseInt(number.substring(13)));
        }
        pool.shutdown();
        numbers.sort(null);
        assertThat(numbers.get(numbers.size() - 1) - numbers.get(0)).isEqualTo(7);
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_invoices WHERE number LIKE ?", Long.class, day + "%"))
                .isEqualTo((long) numbers.get(numbers.size() - 1));
    }

    @Test
    void aCustomerWhoMustPayADepositGetsHeldSeatsUntilTheyPayOrTheHoldRunsOut() {
        Customer risky = data.customer(MemberTier.NONE);
        billing.recordChargeback(risky.id(), null, new BigDecimal("80.00"), "disputed", null);
        billing.recordChargeback(risky.id(), null, new BigDecimal("90.00"), "disputed", null);
        TicketCategory category = data.category(data.show(data.event(), Duration.ofDays(20)), TicketType.STANDARD, "300.00", 10);

        JsonNode held = api.post("sam", "/api/orders", order(risky.id(), List.of(line(category, 2)), "CASH", null))
                .hasStatus(201).tree();
        assertThat(held.path("status").asText()).isEqualTo("AWAITING_DEPOSIT");
        assertThat(held.path("creditTier").asText()).isEqualTo("D");
        assertThat(held.path("tickets")).isEmpty();
        assertThat(held.path("invoice").isNull()).isTrue();
        assertThat(held.path("holdExpiresAt").asText()).isNotBlank();
        assertThat(catalog.category(category.id()).available()).isEqualTo(8);

        JsonNode paid = api.post("sam", "/api/orders/" + held.path("id").asLong() + "/payment", Map.of("method", "CASH"))
                .hasStatus(200).tree();
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("tickets")).hasSize(2);
        assertThat(paid.path("invoice").path("gross").asText()).isEqualTo("600.00");

        // a second held order runs out: its seats go back on sale and a late payment is refused
        long late = api.post("sam", "/api/orders", order(risky.id(), List.of(line(category, 2)), "CASH", null))
                .hasStatus(201).tree().path("id").asLong();
        assertThat(catalog.category(category.id()).available()).isEqualTo(6);
        engine.advance(Duration.ofHours(2).plusMinutes(1));
        assertThat(checkout.expireHolds()).contains(late);
        assertThat(catalog.category(category.id()).available()).isEqualTo(8);
        assertThat(api.post("sam", "/api/orders/" + late + "/payment", Map.of("method", "CASH")).isProblem(409).code())
                .isEqualTo("DEPOSIT_NOT_AWAITED");
        assertThat(api.get("sam", "/api/orders/" + late).hasStatus(200).tree().path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void badOrdersAreRefusedNamingTheFieldAndWriteNothing() {
        Customer customer = data.customer(MemberTier.NONE);
        Show show = data.show(data.event(), Duration.ofDays(20));
        TicketCategory category = data.category(show, TicketType.STANDARD, "300.00", 3);
        TicketCategory elsewhere = data.category(data.show(data.event(), Duration.ofDays(21)), TicketType.STANDARD, "300.00", 3);
        long orders = jdbc.queryForObject("SELECT COUNT(*) FROM to_orders", Long.class);

        api.post("sam", "/api/orders", order(customer.id(), List.of(), "CASH", null)).isProblem(400, "lines");
        api.post("sam", "/api/orders", order(customer.id(), List.of(line(category, 0)), "CASH", null)).isProblem(400);
        api.post("sam", "/api/orders", order(customer.id(), List.of(line(category, 1), line(elsewhere, 1)), "CASH", null))
                .isProblem(400, "lines");
        api.post("sam", "/api/orders", order(customer.id(), List.of(line(category, 1)), "CHEQUE", null)).isProblem(400);
        api.post("sam", "/api/orders", order(customer.id(), List.of(line(category, 1)), "TRANSFER", null))
                .isProblem(400, "payment.externalReference");
        api.post("sam", "/api/orders", order(customer.id(), List.of(Map.of("categoryId", 99999999L, "quantity", 1)), "CASH", null))
                .isProblem(404);
        assertThat(api.post("sam", "/api/orders", order(customer.id(), List.of(line(category, 4)), "CASH", null))
                .isProblem(409).code()).isEqualTo("NOT_ENOUGH_TICKETS");
        api.post("sam", "/api/orders", "{\"customerId\": 1, \"channel\": ").isProblem(400);
        api.post("amy", "/api/orders", order(customer.id(), List.of(line(category, 1)), "CASH", null)).isProblem(403);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_orders", Long.class)).isEqualTo(orders);
        assertThat(catalog.category(category.id()).available()).isEqualTo(3);
    }

    /**
     * A payment provider as real ones are: idempotent by the key it is given. The first charge takes the money and
     * its answer is lost on the way back (a time-out), so the sale rolls back and the clerk sends it again.
     */
    static final class ProviderThatLosesAnAnswer implements org.ticketops.sales.PaymentGateway {
        final Map<String, BigDecimal> taken = new java.util.concurrent.ConcurrentHashMap<>();
        private final org.ticketops.sales.SalesService sales;
        private boolean answerLost;

        ProviderThatLosesAnAnswer(org.ticketops.sales.SalesService sales) {
            this.sales = sales;
        }

        @Override
        public org.ticketops.sales.Payment charge(Charge request) {
            taken.putIfAbsent(request.idempotencyKey(), request.amount());
            if (!answerLost) {
                answerLost = true;
                throw new Unavailable("no answer within 30 s (the money was taken)");
            }
            return sales.recordPayment(request.orderId(), org.ticketops.sales.PaymentDirection.IN, request.amount(),
                    request.method(), request.purpose(), request.reference(), "PSP-" + request.idempotencyKey(),
                    request.idempotencyKey(), null);
        }

        @Override
        public org.ticketops.sales.Payment payOut(PayOut request) {
            throw new UnsupportedOperationException();
        }
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aSaleSentAgainAfterTheProvidersAnswerWasLostIsChargedOnce() {
        ProviderThatLosesAnAnswer provider = new ProviderThatLosesAnAnswer(context.getBean(org.ticketops.sales.SalesService.class));
        var providers = new org.springframework.beans.factory.support.StaticListableBeanFactory(Map.of("psp", provider));
        CheckoutService withProvider = new CheckoutService(context.getBean(org.ticketops.pricing.QuoteService.class),
                context.getBean(PresaleService.class), context.getBean(org.ticketops.customer.CustomerService.class),
                context.getBean(org.ticketops.sales.SalesService.class), catalog, billing,
                providers.getBeanProvider(org.ticketops.sales.PaymentGateway.class),
                context.getBean(org.ticketops.audit.AuditTrail.class), context.getBean(SalesProperties.class),
                context.getBean(org.springframework.transaction.PlatformTransactionManager.class),
                context.getBean(com.fasterxml.jackson.databind.ObjectMapper.class), context.getBean(java.time.Clock.class));
        Customer customer = data.customer(MemberTier.NONE);
        TicketCategory category = data.category(data.show(data.event(), Duration.ofDays(12)), TicketType.STANDARD, "300.00", 10);
        NewOrder sale = new NewOrder(customer.id(), org.ticketops.sales.SalesChannel.BOX_OFFICE,
                List.of(new NewOrder.Line(category.id(), 2)), new NewOrder.PaymentDetails(NewOrder.PaymentMethod.CARD, null));
        String key = "card-sale-" + System.nanoTime();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> withProvider.place(sale, "sam", key))
                .isInstanceOf(org.ticketops.sales.PaymentGateway.Unavailable.class);
        PlacedOrder placed = withProvider.place(sale, "sam", key);

        assertThat(placed.payments()).singleElement().satisfies(p -> assertThat(p.amount()).isEqualByComparingTo("600.00"));
        assertThat(provider.taken).as("what the provider took, by key").hasSize(1);
        assertThat(catalog.category(category.id()).available()).isEqualTo(8);
    }
}
