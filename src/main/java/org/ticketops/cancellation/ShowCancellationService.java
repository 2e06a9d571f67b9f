package org.ticketops.cancellation;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.casework.Case;
import org.ticketops.casework.CaseNotifications;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.ShowCancellations;
import org.ticketops.customer.Customer;
import org.ticketops.customer.CustomerService;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.refund.NewRefundRequest;
import org.ticketops.refund.RefundCase;
import org.ticketops.refund.RefundReason;
import org.ticketops.refund.RefundRegistration;
import org.ticketops.refund.RefundRequestDetails;
import org.ticketops.refund.RefundRequestType;
import org.ticketops.refund.RefundService;
import org.ticketops.sales.OrderDetails;
import org.ticketops.sales.Ticket;
import org.ticketops.sales.TicketStatus;
import org.ticketops.sales.SalesService;
import org.ticketops.web.NotFound;

/**
 * Refunds a cancelled show's paid orders: the cancellation starts the process {@code showCancellation}
 * (in the transaction that cancels the show), whose first step registers the case, and whose batches
 * start a refund request with reason EVENT_CANCELLED for each paid order through the refund process,
 * and tell the customer. An order whose sold tickets are all in requests already is skipped, so a batch
 * that runs again starts nothing twice.
 */
@Service
public class ShowCancellationService implements ShowCancellations {


    /** What the API hands to the process's first step. */
    record Pending(long showId, String actor, long ordersToRefund) {
    }

    private final ShowCancellationMapper cancellations;
    private final ShowCancellationCase definition;
    private final CaseService cases;
    private final CaseNotifications notifications;
    private final CatalogService catalog;
    private final SalesService sales;
    private final CustomerService customers;
    private final RefundService refunds;
    private final RefundRegistration registration;
    private final AuditTrail audit;
    private final RuntimeService runtime;
    private final int batchSize;
    private final ZoneId zone;
    private final Clock clock;

    ShowCancellationService(ShowCancellationMapper cancellations, ShowCancellationCase definition, CaseService cases,
                            CaseNotifications notifications, CatalogService catalog, SalesService sales,
                            CustomerService customers, RefundService refunds, RefundRegistration registration,
                            AuditTrail audit, RuntimeService runtime,
                            @Value("${ticketops.cancellation.batch-size:50}") int batchSize, TicketOpsProperties ticketOps,
                            Clock clock) {
        this.cancellations = cancellations;
        this.definition = definition;
        this.cases = cases;
        this.notifications = notifications;
        this.catalog = catalog;
        this.sales = sales;
        this.customers = customers;
        this.refunds = refunds;
        this.registration = registration;
        this.audit = audit;
        this.runtime = runtime;
        this.batchSize = batchSize;
        this.zone = ticketOps.zone();
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Started cancelled(Show show, String actor) {
        long orders = sales.countPaidOrdersOfShow(show.id());
        ProcessIntake.with(ShowCancellationCase.PROCESS_KEY, new Pending(show.id(), actor, orders),
                () -> runtime.createProcessInstanceByKey(ShowCancellationCase.PROCESS_KEY).execute().getId());
        return new Started(ShowCancellationCase.businessKey(show.id()), orders);
    }

    public ShowCancellation get(long id) {
        return cancellations.find(id).orElseThrow(() -> new NotFound("show cancellation", id));
    }

    public java.util.Optional<ShowCancellation> ofShow(long showId) {
        return cancellations.findByShow(showId);
    }

    /** The process's first step: the cancellation's row and case, for the process instance that runs it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long register(Pending pending, String processInstanceId) {
        Case opened = cases.open(definition, ShowCancellationCase.businessKey(pending.showId()), processInstanceId,
                pending.actor());
        var row = new ShowCancellationMapper.Row();
        row.showId = pending.showId();
        row.caseId = opened.id();
        row.cancelledBy = pending.actor();
        row.cancelledAt = clock.instant();
        row.ordersTotal = (int) pending.ordersToRefund();
        cancellations.insert(row);
        audit.record(pending.actor(), "CANCELLATION_STARTED", ShowCancellationCase.TYPE, row.id,
                "show " + pending.showId() + ": " + pending.ordersToRefund() + " paid order(s) to refund");
        return row.id;
    }

    /**
     * Starts refund requests for the next batch of paid orders (one transaction: the batch and its cursor
     * commit together); answers whether more orders may follow.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean startNextBatch(long id) {
        ShowCancellation cancellation = get(id);
        Show show = catalog.show(cancellation.showId());
        List<OrderDetails> orders = sales.paidOrdersOfShow(show.id(), cancellation.lastOrderId(), batchSize);
        int started = 0;
        int skipped = 0;
        for (OrderDetails order : orders) {
            List<Long> sold = order.tickets().stream().filter(t -> t.status() == TicketStatus.SOLD).map(Ticket::id).toList();
            Set<Long> inRequests = refunds.ticketsInOpenRequests(sold);
            List<Long> open = sold.stream().filter(t -> !inRequests.contains(t)).toList();
            if (open.isEmpty()) {
                skipped++;
                continue;
            }
            RefundRequestDetails request = registration.open(new NewRefundRequest(order.order().id(), open,
                    RefundRequestType.REFUND, RefundReason.EVENT_CANCELLED, null, "The show was cancelled."),
                    cancellation.cancelledBy(), "show-cancelled-" + show.id() + "-order-" + order.order().id());
            tell(cancellation, show, order, request);
            started++;
        }
        long last = orders.isEmpty() ? cancellation.lastOrderId() : orders.get(orders.size() - 1).order().id();
        if (cancellations.advance(id, cancellation.lastOrderId(), last, started, skipped) != 1) {
            throw new IllegalStateException("Cancellation " + id + " moved on meanwhile");
        }
        return orders.size() == batchSize;
    }

    /** Every paid order has its request: the case is done. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void close(long id) {
        ShowCancellation cancellation = get(id);
        cases.move(definition, cancellation.caseId(), ShowCancellationCase.COMPLETED, "system",
                cancellation.refundsStarted() + " refund request(s) started, " + cancellation.ordersSkipped() + " skipped");
        audit.record("system", "CANCELLATION_COMPLETED", ShowCancellationCase.TYPE, id,
                cancellation.refundsStarted() + " refund request(s) started, " + cancellation.ordersSkipped() + " skipped");
    }

    private void tell(ShowCancellation cancellation, Show show, OrderDetails order, RefundRequestDetails request) {
        Customer customer = customers.get(order.order().customerId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("customerName", customer.name());
        payload.put("eventName", show.eventName());
        payload.put("venue", show.venue());
        payload.put("showStartsAt", org.ticketops.web.Display.time(show.startsAt(), zone));
        payload.put("orderId", order.order().id());
        payload.put("requestNumber", RefundCase.businessKey(request.request().id()));
        // a customer without an address or phone is not told here; the refund's own messages record that
        notifications.enqueueToCustomer(definition, cancellation.id(), customer.email(), customer.phone(), "show-cancelled",
                payload, "show-cancelled-" + show.id() + "-order-" + order.order().id());
    }
}
