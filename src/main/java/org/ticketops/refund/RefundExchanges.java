package org.ticketops.refund;

import static java.math.BigDecimal.ZERO;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.SeatHolds;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.sales.PaymentDirection;
import org.ticketops.sales.SalesService;

/**
 * An exchange's seats and money: holds the new seats (a catalog seat hold kept by the request's case),
 * works out the difference and takes the customer's payment of it.
 */
@Service
public class RefundExchanges {

    private final RefundService refunds;
    private final RefundMapper requests;
    private final SeatHolds seats;
    private final CatalogService catalog;
    private final SalesService sales;
    private final AuditTrail audit;
    private final ExchangeProperties exchange;
    private final ZoneId zone;
    private final Clock clock;

    RefundExchanges(RefundService refunds, RefundMapper requests, SeatHolds seats, CatalogService catalog, SalesService sales,
                    AuditTrail audit, ExchangeProperties exchange, TicketOpsProperties ticketOps, Clock clock) {
        this.refunds = refunds;
        this.requests = requests;
        this.seats = seats;
        this.catalog = catalog;
        this.sales = sales;
        this.audit = audit;
        this.exchange = exchange;
        this.zone = ticketOps.zone();
        this.clock = clock;
    }

    /** What holding seats found: sold out, or the money that moves in which direction and by when. */
    public record HoldResult(boolean soldOut, BigDecimal amountDue, BigDecimal refundBack, Instant paymentDeadline) {
        public boolean customerOwes() {
            return amountDue.signum() > 0;
        }

        public boolean refundDue() {
            return refundBack.signum() > 0;
        }
    }

    /**
     * Holds seats of the target category (none left: sold out) and works out the difference: the sum
     * of new minus old prices plus the fees. Positive: the customer pays it within the payment window
     * (never past the new show's start); negative: the center pays it back.
     */
    @Transactional
    public HoldResult holdSeats(long id) {
        RefundRequest request = refunds.request(id);
        List<FeeLine> lines = requests.findLines(id);
        TicketCategory target = catalog.category(request.targetCategoryId());
        if (seats.of(request.caseId()).isEmpty()) {
            if (!seats.hold(request.caseId(), target.id(), lines.size())) {
                requests.setRejectionCode(id, RefundService.EXCHANGE_SOLD_OUT, clock.instant());
                audit.record("system", "SOLD_OUT", RefundService.SUBJECT, id, "category " + target.id() + " has "
                        + catalog.category(target.id()).available() + " seat(s) left, " + lines.size() + " needed");
                return new HoldResult(true, ZERO, ZERO, null);
            }
            audit.record("system", "SEATS_HELD", RefundService.SUBJECT, id, lines.size() + " seat(s) of category " + target.id());
        }
        BigDecimal difference = request.totalFee() == null ? ZERO : request.totalFee();
        for (FeeLine line : lines) {
            requests.updateLineExchange(id, line.ticketId(), target.price(), null);
            difference = difference.add(target.price().subtract(line.pricePaid()));
        }
        BigDecimal due = difference.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        BigDecimal back = difference.negate().max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        Instant deadline = null;
        if (due.signum() > 0) {
            Instant windowEnd = clock.instant().plus(exchange.paymentWindow());
            Instant showStart = catalog.show(target.showId()).startsAt();
            deadline = windowEnd.isBefore(showStart) ? windowEnd : showStart;
            refunds.notifyCustomer(id, "exchange-payment-requested", Map.of("amountDue", due.toPlainString(),
                    "payBy", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(deadline.atZone(zone))));
            refunds.moveTo(id, RefundRequestStatus.AWAITING_PAYMENT, "system", "the customer owes " + due.toPlainString());
            refunds.setDue(id, deadline);
        }
        requests.updateTotals(id, request.tableVersion(), request.totalFee(), back, due, deadline, clock.instant());
        return new HoldResult(false, due, back, deadline);
    }

    /** The customer paid an exchange's difference: records the payment once and lets the process go on. */
    @Transactional
    public RefundRequestDetails receivePayment(long id, BigDecimal amount, String method, String externalReference,
                                               String user) {
        RefundRequest request = refunds.request(id);
        String key = RefundService.reference(id) + "-payin";
        if (sales.payment(key).isPresent()) {
            return refunds.details(id);
        }
        if (request.status() != RefundRequestStatus.AWAITING_PAYMENT) {
            throw new RefundProblems.WrongRequestState("PAYMENT_NOT_EXPECTED", id, request.status(),
                    "no payment is awaited");
        }
        if (amount.compareTo(request.amountDue()) != 0) {
            throw new RefundProblems.WrongPaymentAmount(id, request.amountDue(), amount);
        }
        sales.recordPayment(request.orderId(), PaymentDirection.IN, amount, method, "EXCHANGE_DIFFERENCE", RefundService.reference(id),
                externalReference, key, null);
        audit.record(user, "PAYMENT_RECEIVED", RefundService.SUBJECT, id, amount.toPlainString() + " by " + method);
        refunds.moveTo(id, RefundRequestStatus.OPEN, user, "payment of " + amount.toPlainString() + " received");
        refunds.correlate(id, request, "ExchangePaymentReceived", Map.of("paymentReceivedBy", user), "REQUEST_CHANGED",
                "the request moved on meanwhile; reload it");
        return refunds.details(id);
    }
}
