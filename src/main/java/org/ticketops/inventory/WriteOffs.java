package org.ticketops.inventory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.casework.CaseService;
import org.ticketops.catalog.StockLevels;
import org.ticketops.finance.FinancePostings;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * Write-offs of expired stock: a show that has ended, or was cancelled and whose refunds are done, has its unsold and
 * void tickets written off once per category at unit cost. Above {@code ticketops.inventory.write-off-approval-above}
 * finance approves first. Posting takes the category's unsold tickets out of available (one conditional update), keeps
 * an inventory movement and posts the value to the journal (write-off expense against ticket inventory), each once.
 */
@Service
public class WriteOffs {

    private static final Logger log = LoggerFactory.getLogger(WriteOffs.class);

    private final WriteOffMapper mapper;
    private final StocktakeMapper movements;
    private final CaseService cases;
    private final WriteOffCase definition;
    private final StockLevels stock;
    private final FinancePostings postings;
    private final InventoryProperties properties;
    private final Clock clock;

    WriteOffs(WriteOffMapper mapper, StocktakeMapper movements, CaseService cases, WriteOffCase definition,
              StockLevels stock, FinancePostings postings, InventoryProperties properties, Clock clock) {
        this.mapper = mapper;
        this.movements = movements;
        this.cases = cases;
        this.definition = definition;
        this.stock = stock;
        this.postings = postings;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records a write-off for every due category (a category already written off, also by a run at the same time, is
     * skipped: the unique key). Returns the ids of those with something to write off; the others only mark their
     * category as handled.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> findDue(String processInstanceId) {
        List<Long> ids = new ArrayList<>();
        for (WriteOffMapper.Due due : mapper.due(clock.instant())) {
            BigDecimal cost = due.unitCost();
            BigDecimal amount = (cost == null ? BigDecimal.ZERO : cost).multiply(BigDecimal.valueOf(due.unsold() + due.voided()))
                    .setScale(2, RoundingMode.HALF_UP);
            var row = new WriteOffMapper.Row();
            row.categoryId = due.categoryId();
            row.showId = due.showId();
            row.reason = due.reason();
            row.unsoldQty = due.unsold();
            row.voidQty = due.voided();
            row.unitCost = cost;
            row.amount = amount;
            row.needsApproval = amount.compareTo(properties.writeOffApprovalAbove()) > 0;
            row.processInstanceId = processInstanceId;
            row.createdAt = clock.instant();
            try {
                mapper.insert(row);
            } catch (DuplicateKeyException written) {
                continue;
            }
            if (due.unsold() + due.voided() > 0) {
                var opened = cases.open(definition, WriteOffCase.businessKey(row.id), null, "system");
                mapper.attach(row.id, opened.id());
                ids.add(row.id);
            }
        }
        log.info("Write-off run: {} categories to write off", ids.size());
        return ids;
    }

    /** Finance's decision on a write-off above the limit: APPROVE or REJECT with a comment. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean decide(long id, String decision, String comment, String user) {
        WriteOff writeOff = writeOff(id);
        if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
            throw new InvalidField("writeOffDecision", "must be APPROVE or REJECT");
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text == null || text.length() > 2000) {
            throw new InvalidField("writeOffComment", "is required, up to 2,000 characters");
        }
        if (mapper.decide(id, user, clock.instant(), text) != 1) {
            throw new InvalidField("writeOffDecision", "this write-off was decided already");
        }
        if (decision.equals("REJECT")) {
            cases.move(definition, writeOff.caseId(), WriteOffCase.REFUSED, user, text);
            return false;
        }
        return true;
    }

    /**
     * Writes off what the category holds now (a refund may have given tickets back since the write-off was found): its
     * available tickets out of stock, and the value of those and the void tickets to the journal. Once: a second call
     * changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public WriteOff post(long id, String user) {
        WriteOff writeOff = writeOff(id);
        if (writeOff.postedAt() != null) {
            return writeOff;
        }
        int unsold = stock.available(writeOff.categoryId());
        Long movementId = null;
        if (unsold > 0) {
            var moved = stock.move(writeOff.categoryId(), -unsold).orElseThrow(
                    () -> new IllegalStateException("category " + writeOff.categoryId() + " changed while written off"));
            var movement = new StocktakeMapper.MovementRow();
            movement.categoryId = writeOff.categoryId();
            movement.kind = "WRITE_OFF";
            movement.quantity = -unsold;
            movement.beforeQty = moved.before();
            movement.afterQty = moved.after();
            movement.reason = writeOff.reason().equals("CANCELLED") ? "show cancelled, refunds done" : "show ended";
            movement.actor = user;
            movement.reference = "write-off-" + id;
            movement.createdAt = clock.instant();
            movements.insertMovement(movement);
            movementId = movement.id;
        }
        BigDecimal cost = writeOff.unitCost() == null ? BigDecimal.ZERO : writeOff.unitCost();
        BigDecimal amount = cost.multiply(BigDecimal.valueOf(unsold + writeOff.voidQty())).setScale(2, RoundingMode.HALF_UP);
        if (amount.signum() > 0) {
            postings.post(FinancePostings.WRITE_OFF_EXPENSE, FinancePostings.INVENTORY, amount, writeOff.businessKey(), null,
                    "Write-off of " + (unsold + writeOff.voidQty()) + " tickets of " + writeOff.eventName() + " · "
                            + writeOff.categoryName(), user);
        }
        mapper.posted(id, unsold, amount, movementId, clock.instant());
        cases.move(definition, writeOff.caseId(), WriteOffCase.POSTED, user, "written off: " + amount);
        return writeOff(id);
    }

    public WriteOff writeOff(long id) {
        WriteOff writeOff = mapper.writeOff(id);
        if (writeOff == null) {
            throw new NotFound("write-off", id);
        }
        return writeOff;
    }

    public List<WriteOff> ofShow(long showId) {
        return mapper.ofShow(showId);
    }
}
