package org.ticketops.refund;

import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.identity.FourEyesViolation;
import org.ticketops.sales.Payment;
import org.ticketops.sales.PaymentDirection;
import org.ticketops.sales.PaymentGateway;
import org.ticketops.sales.SalesService;
import org.ticketops.web.InvalidField;

/**
 * Moves a refund's money out exactly once: through the connected payment provider, or, when none is
 * connected, as finance's manual payout with the bank's reference. Both use the idempotency key
 * {@code refund-request-{id}-payout}, so a retried job, a second node or a second record finds the first.
 */
@Service
public class RefundPayouts {

    private final RefundService refunds;
    private final SalesService sales;
    private final ObjectProvider<PaymentGateway> payments;
    private final AuditTrail audit;

    RefundPayouts(RefundService refunds, SalesService sales, ObjectProvider<PaymentGateway> payments, AuditTrail audit) {
        this.refunds = refunds;
        this.sales = sales;
        this.payments = payments;
        this.audit = audit;
    }

    /** Whether a payment provider is connected: then refunds are paid by it, else finance pays them by hand. */
    public boolean automaticPayouts() {
        PaymentGateway gateway = payments.getIfAvailable();
        return gateway != null && gateway.connected();
    }

    /** Pays the refund (or an exchange's money back) through the payment gateway, once per request. */
    @Transactional
    public Payment payRefund(long id) {
        RefundRequest request = refunds.request(id);
        String key = RefundService.reference(id) + "-payout";
        boolean first = sales.payment(key).isEmpty();
        PaymentGateway gateway = payments.getIfAvailable();
        if (gateway == null) {
            throw new IllegalStateException("No payment provider is connected; request " + id + " is paid out by finance");
        }
        Payment payment = gateway.payOut(new PaymentGateway.PayOut(request.orderId(), request.totalRefund(),
                request.type() == RefundRequestType.REFUND ? "REFUND" : "EXCHANGE_DIFFERENCE", RefundService.reference(id), key));
        if (first) {
            audit.record("system", "REFUND_PAID", RefundService.SUBJECT, id, payment.amount().toPlainString() + " (payment " + payment.id() + ")");
        }
        return payment;
    }

    /**
     * Finance paid the refund by hand (no provider connected) and entered the bank's or provider's
     * reference: recorded once, under the same idempotency key an automatic payout would use. The
     * requester may not record the payout of their own request.
     */
    @Transactional
    public Payment recordManualPayout(long id, String externalReference, String user) {
        RefundRequest request = refunds.request(id);
        FourEyesViolation.check(user, request.requestedBy(), "registered", "pay out", "request " + id);
        String ref = externalReference == null ? "" : externalReference.strip();
        if (!ref.matches("[A-Za-z0-9][A-Za-z0-9 ._/:#-]{2,99}")) {
            throw new InvalidField("payoutReference", "must be the bank's or provider's reference: 3 to 100 letters, digits and . _ / : # -");
        }
        String key = RefundService.reference(id) + "-payout";
        Optional<Payment> existing = sales.payment(key);
        if (existing.isPresent()) {
            return existing.get();
        }
        Payment payment = sales.recordPayment(request.orderId(), PaymentDirection.OUT, request.totalRefund(), "BANK_TRANSFER",
                request.type() == RefundRequestType.REFUND ? "REFUND" : "EXCHANGE_DIFFERENCE", RefundService.reference(id), ref, key, null);
        audit.record(user, "REFUND_PAID", RefundService.SUBJECT, id, payment.amount().toPlainString() + " by hand, reference " + ref
                + " (payment " + payment.id() + ")");
        return payment;
    }
}
