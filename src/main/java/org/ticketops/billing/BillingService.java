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
    private final Clock clock;

    BillingService(BillingMapper billing, Clock clock) {
        this.billing = billing;
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
        billing.insertCreditNote(row);
        for (CreditNote.Line line : lines) {
            billing.insertLine(row.id, line);
        }
        return toCreditNote(row);
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
                billing.findLines(row.id));
    }
}
