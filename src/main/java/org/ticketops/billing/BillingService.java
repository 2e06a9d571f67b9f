package org.ticketops.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Credit notes (and later invoices): documents of money owed and given back, numbered in sequence. */
@Service
public class BillingService {

    static final String CREDIT_NOTE_COUNTER = "credit-note";
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
        if (billing.increment(CREDIT_NOTE_COUNTER) != 1) {
            throw new IllegalStateException("Counter " + CREDIT_NOTE_COUNTER + " is missing");
        }
        var row = new BillingMapper.CreditNoteRow();
        row.number = String.format("CN-%06d", billing.current(CREDIT_NOTE_COUNTER));
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
