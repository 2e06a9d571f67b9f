package org.ticketops.refund;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.audit.AuditTrail;
import org.ticketops.casework.CaseService;
import org.ticketops.catalog.CatalogService;
import org.ticketops.catalog.Show;
import org.ticketops.catalog.TicketCategory;
import org.ticketops.platform.LockLosers;
import org.ticketops.sales.Order;
import org.ticketops.sales.SalesService;
import org.ticketops.sales.Ticket;
import org.ticketops.sales.TicketStatus;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * The one way a refund or exchange request comes in: over the API ({@link #open}) or from the Tasklist
 * start form, both through the process's first step ({@link #registerForProcess}), which checks the
 * order, tickets and exchange target and registers a new request for the authenticated user.
 * Idempotency-Keys are the user's and belong to one body.
 */
@Service
public class RefundRegistration {

    private final RefundMapper requests;
    private final RefundService refunds;
    private final CaseService cases;
    private final RefundCase refundCase;
    private final SalesService sales;
    private final CatalogService catalog;
    private final AuditTrail audit;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;

    RefundRegistration(RefundMapper requests, RefundService refunds, CaseService cases, RefundCase refundCase,
                       SalesService sales, CatalogService catalog,
                       AuditTrail audit, RuntimeService runtime, PlatformTransactionManager transactionManager,
                       ObjectMapper json, Clock clock) {
        this.requests = requests;
        this.refunds = refunds;
        this.cases = cases;
        this.refundCase = refundCase;
        this.sales = sales;
        this.catalog = catalog;
        this.audit = audit;
        this.runtime = runtime;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
    }

    /**
     * Registers a request and starts its process, which decides the fees before this returns. The process
     * starts with no variables: its first step registers the case from what this call hands it (see
     * {@link RefundIntake}), the same step a Tasklist start goes through. With an idempotency key, a retry
     * by the same user with the same body returns the first request, with another body it is refused; of
     * concurrent retries one registers and the others answer its request. A start that the database rolled back
     * as a deadlock's loser runs again ({@link LockLosers}).
     */
    public RefundRequestDetails open(NewRefundRequest command, String user, String idempotencyKey) {
        String hash = null;
        if (idempotencyKey != null) {
            if (idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
                throw new InvalidField("Idempotency-Key", "must be 1 to 100 characters");
            }
            hash = bodyHash(command);
            Optional<RefundMapper.Keyed> first = requests.findByIdempotencyKey(user, idempotencyKey);
            if (first.isPresent()) {
                return replay(first.get(), hash, idempotencyKey);
            }
        }
        RefundIntake.Pending pending = new RefundIntake.Pending(command, user, idempotencyKey, hash);
        try {
            String processInstanceId = LockLosers.again("refund request", () -> transactions.execute(status ->
                    RefundIntake.with(pending, () -> runtime.createProcessInstanceByKey(RefundService.PROCESS_KEY).execute().getId())));
            return refunds.details(refunds.byProcessInstance(processInstanceId).orElseThrow().id());
        } catch (DuplicateKeyException | RefundProblems.TicketAlreadyInRequest
                 | org.springframework.dao.ConcurrencyFailureException e) {
            if (idempotencyKey == null) {
                throw e;
            }
            return awaitFirst(user, idempotencyKey, hash, e);
        }
    }

    /** A concurrent call with the same key won: wait (briefly) until its request is committed and answer it. */
    private RefundRequestDetails awaitFirst(String user, String key, String hash, RuntimeException lost) {
        for (int attempt = 0; attempt < 100; attempt++) {
            Optional<RefundMapper.Keyed> first = requests.findByIdempotencyKey(user, key);
            if (first.isPresent()) {
                return replay(first.get(), hash, key);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw lost;
    }

    private RefundRequestDetails replay(RefundMapper.Keyed first, String hash, String key) {
        if (first.idempotencyHash() != null && !first.idempotencyHash().equals(hash)) {
            throw new RefundProblems.IdempotencyKeyReused(key, first.id());
        }
        return refunds.details(first.id());
    }

    private String bodyHash(NewRefundRequest command) {
        try {
            return org.ticketops.decision.DecisionService.sha256(json.writeValueAsBytes(command));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The process's first step: registers a new case for the process instance that runs it. Nothing the
     * starter sent names an existing request or a user: the id is new, the user is the authenticated one.
     */
    @Transactional
    public long registerForProcess(NewRefundRequest command, String user, String idempotencyKey, String bodyHash,
                                   String processInstanceId) {
        return register(command, user, idempotencyKey, bodyHash, processInstanceId);
    }

    private long register(NewRefundRequest command, String user, String idempotencyKey, String bodyHash,
                          String processInstanceId) {
        Order order = sales.order(command.orderId());
        List<Long> ids = List.copyOf(new LinkedHashSet<>(command.ticketIds()));
        if (ids.size() != command.ticketIds().size()) {
            throw new InvalidField("ticketIds", "must not repeat a ticket");
        }
        List<Ticket> tickets = sales.tickets(ids);
        for (Long id : ids) {
            if (tickets.stream().noneMatch(t -> t.id().equals(id))) {
                throw new NotFound("ticket", id);
            }
        }
        for (Ticket ticket : tickets) {
            if (!ticket.orderId().equals(order.id())) {
                throw new RefundProblems.TicketNotRefundable("TICKET_NOT_IN_ORDER",
                        "Ticket " + ticket.id() + " belongs to order " + ticket.orderId() + ", not " + order.id() + ".", ticket.id());
            }
            if (ticket.status() != TicketStatus.SOLD) {
                throw new RefundProblems.TicketNotRefundable("TICKET_NOT_SOLD",
                        "Ticket " + ticket.id() + " is " + ticket.status() + "; only sold tickets can be refunded or exchanged.",
                        ticket.id());
            }
        }
        List<RefundMapper.OpenTicket> taken = requests.findOpenTickets(ids);
        if (!taken.isEmpty()) {
            throw new RefundProblems.TicketAlreadyInRequest(taken.get(0).ticketId(), taken.get(0).requestId());
        }
        checkTarget(command, order);
        if (user == null || user.isBlank()) {
            throw new RefundProblems.NotAuthenticated();
        }

        if (command.targetCategoryId() != null) {
            // the request row refers to the target (a shared lock) and the seat hold then changes it: take the row
            // lock first, or two exchanges into one category (or an exchange and a sale) deadlock on the upgrade
            catalog.lockForChange(command.targetCategoryId());
        }
        Instant now = clock.instant();
        var row = new RefundMapper.RequestRow();
        row.orderId = order.id();
        row.customerId = order.customerId();
        row.type = command.type();
        row.reason = command.reason();
        row.targetCategoryId = command.targetCategoryId();
        row.note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        row.processInstanceId = processInstanceId;
        row.requestedBy = user;
        row.requestedAt = now;
        row.idempotencyKey = idempotencyKey;
        row.idempotencyHash = bodyHash;
        row.updatedAt = now;
        requests.insertRequest(row);
        requests.setCase(row.id, cases.open(refundCase, RefundCase.businessKey(row.id), processInstanceId, user).id());
        for (Ticket ticket : tickets) {
            var line = new RefundMapper.LineRow();
            line.requestId = row.id;
            line.ticketId = ticket.id();
            line.ticketType = ticket.ticketType().name();
            line.pricePaid = ticket.pricePaid();
            try {
                requests.insertLine(line);
            } catch (DuplicateKeyException e) {
                // another request took this ticket between our check and our insert
                throw new RefundProblems.TicketAlreadyInRequest(ticket.id(), null);
            }
        }
        audit.record(row.requestedBy, "REQUESTED", RefundService.SUBJECT, row.id, command.type() + " of " + ids.size()
                + " ticket(s) " + ids + " of order " + order.id() + ", reason " + command.reason()
                + (command.targetCategoryId() == null ? "" : ", to category " + command.targetCategoryId()));
        return row.id;
    }

    private void checkTarget(NewRefundRequest command, Order order) {
        if (command.type() == RefundRequestType.REFUND) {
            if (command.targetCategoryId() != null) {
                throw new InvalidField("targetCategoryId", "is only for an exchange");
            }
            return;
        }
        if (command.targetCategoryId() == null) {
            throw new InvalidField("targetCategoryId", "is required for an exchange");
        }
        TicketCategory target = catalog.category(command.targetCategoryId());
        Show targetShow = catalog.show(target.showId());
        Show orderShow = catalog.show(order.showId());
        if (targetShow.id().equals(orderShow.id())) {
            throw new RefundProblems.InvalidExchangeTarget("EXCHANGE_TARGET_SAME_SHOW",
                    "Category " + target.id() + " is of the same show; an exchange moves to another show of the event.", target.id());
        }
        if (!targetShow.eventId().equals(orderShow.eventId())) {
            throw new RefundProblems.InvalidExchangeTarget("EXCHANGE_TARGET_OTHER_EVENT",
                    "Category " + target.id() + " is of another event (" + targetShow.eventName() + ").", target.id());
        }
        if (!targetShow.startsAt().isAfter(clock.instant())) {
            throw new RefundProblems.InvalidExchangeTarget("EXCHANGE_TARGET_PAST_SHOW",
                    "Category " + target.id() + " is of a show that has already started.", target.id());
        }
    }
}
