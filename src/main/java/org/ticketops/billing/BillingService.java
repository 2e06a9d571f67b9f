package org.ticketops.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Credit notes (and later invoices): documents of money owed and given back, numbered in sequence. */
@Service
public class BillingService {

    static final String CREDIT_NOTE_COUNTER = "credit-note";
    static final String INVOICE_COUNTER = "invoice";
    private final BillingMapper billing;
    private final DailyCounters dailyCounters;
    private final java.time.ZoneId zone;
    private final Clock clock;

    BillingService(BillingMapper billing, DailyCounters dailyCounters, org.ticketops.platform.TicketOpsProperties ticketOps,
                   Clock clock) {
        this.billing = billing;
        this.dailyCounters = dailyCounters;
        this.zone = ticketOps.zone();
        this.clock = clock;
    }

    /**
     * Issues a credit note for money given back, once per reference: issuing again for the same
     * reference returns the first note. Lines are the reversed invoice lines (positive amounts credited).
     */
    @Transactional
    public CreditNote issueCreditNote(long orderId, long customerId, String reference, List<CreditNote.Line> lines) {
        Optional<CreditNote> existing = byReference(reference);
        if (existing.isPresent()) {
            return existing.get();
        }
        BigDecimal amount = lines.stream().map(CreditNote.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("A credit note needs a positive amount, not " + amount);
        }
        var row = new BillingMapper.CreditNoteRow();
        row.number = nextNumber(CREDIT_NOTE_COUNTER, "CN-%06d");
        row.orderId = orderId;
        row.customerId = customerId;
        row.reference = reference;
        row.amount = amount;
        row.issuedAt = clock.instant();
        row.invoiceNumber = billing.findOrderInvoice(orderId).map(i -> i.number).orElse(null);
        billing.insertCreditNote(row);
        for (CreditNote.Line line : lines) {
            billing.insertLine(row.id, line);
        }
        return toCreditNote(row);
    }

    /**
     * Issues the invoice of a paid order: numbered without gaps per calendar day in the center's zone
     * ({@code INV-20261124-00042}); per line net and tax worked out of the gross amount (prices include VAT),
     * half-up to cents. Once per order: a second call returns the first invoice.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public OrderInvoice invoiceOrder(long customerId, long orderId, List<OrderInvoice.Draft> drafts, BigDecimal taxRate,
                                     Instant issuedAt) {
        Optional<OrderInvoice> existing = invoiceOfOrder(orderId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Instant at = issuedAt == null ? clock.instant() : issuedAt;
        String day = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd").format(at.atZone(zone).toLocalDate());
        String counter = INVOICE_COUNTER + "-" + day;
        dailyCounters.ensure(counter);
        List<OrderInvoice.Line> lines = new java.util.ArrayList<>();
        BigDecimal divisor = BigDecimal.ONE.add(taxRate);
        for (OrderInvoice.Draft draft : drafts) {
            BigDecimal gross = draft.gross().setScale(2, java.math.RoundingMode.HALF_UP);
            BigDecimal net = gross.divide(divisor, 2, java.math.RoundingMode.HALF_UP);
            lines.add(new OrderInvoice.Line(lines.size() + 1, draft.description(), draft.quantity(), draft.unitPrice(),
                    draft.discount(), net, gross.subtract(net), gross));
        }
        var row = new BillingMapper.OrderInvoiceRow();
        row.number = nextNumber(counter, "INV-" + day + "-%05d");
        row.orderId = orderId;
        row.customerId = customerId;
        row.issuedAt = at;
        row.taxRate = taxRate;
        row.discount = sumOf(lines, OrderInvoice.Line::discount);
        row.net = sumOf(lines, OrderInvoice.Line::net);
        row.tax = sumOf(lines, OrderInvoice.Line::tax);
        row.gross = sumOf(lines, OrderInvoice.Line::gross);
        billing.insertOrderInvoice(row);
        lines.forEach(line -> billing.insertInvoiceLine(row.id, line));
        return invoiceOfOrder(orderId).orElseThrow();
    }

    public Optional<OrderInvoice> invoiceOfOrder(long orderId) {
        return billing.findOrderInvoice(orderId).map(r -> new OrderInvoice(r.id, r.number, r.orderId, r.customerId,
                r.issuedAt, r.taxRate, r.discount, r.net, r.tax, r.gross, billing.findInvoiceLines(r.id)));
    }

    private static BigDecimal sumOf(List<OrderInvoice.Line> lines, java.util.function.Function<OrderInvoice.Line, BigDecimal> f) {
        return lines.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Issues an invoice payable by {@code dueAt}; {@code paidAt} null while unpaid. */
    @Transactional
    public Invoice issueInvoice(long customerId, Long orderId, BigDecimal amount, Instant issuedAt,
                                Instant dueAt, Instant paidAt) {
        var row = new Invoice.Row();
        row.number = nextNumber(INVOICE_COUNTER, "INV-%06d");
        row.customerId = customerId;
        row.orderId = orderId;
        row.amount = amount;
        row.issuedAt = issuedAt == null ? clock.instant() : issuedAt;
        row.dueAt = dueAt;
        row.paidAt = paidAt;
        billing.insertInvoice(row);
        return billing.findInvoice(row.id).orElseThrow();
    }

    @Transactional
    public void markInvoicePaid(long invoiceId, Instant paidAt) {
        billing.markInvoicePaid(invoiceId, paidAt == null ? clock.instant() : paidAt);
    }

    @Transactional
    public void recordChargeback(long customerId, Long orderId, BigDecimal amount, String reason,
                                 Instant occurredAt) {
        billing.insertChargeback(customerId, orderId, amount, reason, occurredAt == null ? clock.instant() : occurredAt);
    }

    /** The customer's payment record as of {@code now}: what credit decisions are made from. */
    public PaymentRecord paymentRecord(long customerId, Instant now) {
        Instant yearAgo = now.minus(Duration.ofDays(365));
        long maxDaysLate = 0;
        for (Invoice invoice : billing.findDueSince(customerId, yearAgo, now)) {
            Instant settled = invoice.paidAt() == null ? now : invoice.paidAt();
            long late = Duration.between(invoice.dueAt(), settled).toDays();
            maxDaysLate = Math.max(maxDaysLate, late);
        }
        return new PaymentRecord(billing.countChargebacks(customerId, yearAgo), billing.countOverdue(customerId, now),
                (int) maxDaysLate);
    }

    /**
     * @param chargebacks12m    chargebacks in the last 365 days
     * @param overdueInvoices   invoices past their due date and unpaid now
     * @param maxDaysOverdue12m the most whole days an invoice due in the last 365 days was (or is) paid late
     */
    public record PaymentRecord(int chargebacks12m, int overdueInvoices, int maxDaysOverdue12m) {
    }

    /** The next number of a gapless sequence; the counter's row stays locked until the transaction ends. */
    private String nextNumber(String counter, String format) {
        if (billing.increment(counter) != 1) {
            throw new IllegalStateException("Counter " + counter + " is missing");
        }
        return String.format(format, billing.current(counter));
    }

    public Optional<CreditNote> byReference(String reference) {
        return billing.findByReference(reference).map(this::toCreditNote);
    }

    public List<CreditNote> ofOrder(long orderId) {
        return billing.findByOrder(orderId).stream().map(this::toCreditNote).toList();
    }

    private CreditNote toCreditNote(BillingMapper.CreditNoteRow row) {
        return new CreditNote(row.id, row.number, row.orderId, row.customerId, row.reference, row.amount, row.issuedAt,
                row.invoiceNumber, billing.findLines(row.id));
    }
}
