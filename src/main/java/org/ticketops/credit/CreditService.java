package org.ticketops.credit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.billing.BillingService;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.decision.Decision;
import org.ticketops.decision.DecisionService;
import org.ticketops.decision.DecisionSubject;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.sales.SalesService;

/**
 * A customer's credit tier, decided by the credit-tier table from the customer's own records:
 * chargebacks and invoices (billing), refunds, tenure and net spend (sales).
 */
@Service
public class CreditService {

    private final CustomerService customers;
    private final BillingService billing;
    private final SalesService sales;
    private final RefundCounts refunds;
    private final DecisionService decisions;
    private final CreditTierTable table;
    private final ZoneId zone;
    private final Clock clock;

    CreditService(CustomerService customers, BillingService billing, SalesService sales, RefundCounts refunds,
                  DecisionService decisions, CreditTierTable table, TicketOpsProperties properties, Clock clock) {
        this.customers = customers;
        this.billing = billing;
        this.sales = sales;
        this.refunds = refunds;
        this.decisions = decisions;
        this.table = table;
        this.zone = properties.zone();
        this.clock = clock;
    }

    /** The inputs as the customer's records say now. */
    public CreditInput inputs(long customerId) {
        Customer customer = customers.get(customerId);
        Instant now = clock.instant();
        BillingService.PaymentRecord record = billing.paymentRecord(customerId, now);
        long months = ChronoUnit.MONTHS.between(customer.createdAt().atZone(zone), now.atZone(zone));
        return new CreditInput(customer.customerType(), record.chargebacks12m(), record.overdueInvoices(),
                record.maxDaysOverdue12m(), refunds.completedRefundsSince(customerId, now.minus(Duration.ofDays(90))),
                (int) Math.max(0, months), sales.netSpend(customerId, now.minus(Duration.ofDays(365))).max(java.math.BigDecimal.ZERO));
    }

    /** Looks the credit decision up without recording it (for the customer page). */
    public CreditCheck check(long customerId) {
        CreditInput inputs = inputs(customerId);
        return new CreditCheck(customerId, clock.instant(), inputs, decisions.evaluate(table, inputs));
    }

    /** Takes the credit decision for a business step (a quote, a refund) and logs it with the table version. */
    @Transactional
    public CreditCheck decide(long customerId, DecisionSubject subject) {
        CreditInput inputs = inputs(customerId);
        Decision<CreditDecision> decision = decisions.decide(table, null, inputs, subject);
        return new CreditCheck(customerId, clock.instant(), inputs, decision);
    }
}
