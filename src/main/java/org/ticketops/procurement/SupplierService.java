package org.ticketops.procurement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.catalog.EventKind;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;

/**
 * Suppliers, their approved-supplier list and their scorecard. The standing comes from the scorecard's rates; a
 * block is stored when an inspection brings a rate to the block threshold and stays until procurement lifts it.
 */
@Service
public class SupplierService {

    public static final String SUBJECT = "SUPPLIER";

    private final SupplierMapper suppliers;
    private final ProcurementProperties properties;
    private final AuditTrail audit;
    private final Clock clock;
    private final java.time.ZoneId zone;

    SupplierService(SupplierMapper suppliers, ProcurementProperties properties, AuditTrail audit, Clock clock,
                    TicketOpsProperties ticketOps) {
        this.suppliers = suppliers;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
        this.zone = ticketOps.zone();
    }

    /** A supplier with its approved-supplier list and scorecard. */
    public record SupplierView(Supplier supplier, List<SupplierApproval> approvedFor, Scorecard scorecard) {
    }

    @Transactional
    public SupplierView create(NewSupplier command, String user) {
        Supplier.Qualification qualification = command.qualification() == null ? Supplier.Qualification.PENDING
                : command.qualification();
        checkQualification(qualification, command.qualifiedUntil());
        SupplierMapper.Row row = new SupplierMapper.Row();
        row.name = command.name().strip();
        row.licenceNumber = command.licenceNumber().strip();
        row.contact = command.contact().strip();
        row.qualification = qualification.name();
        row.qualifiedUntil = command.qualifiedUntil();
        row.at = clock.instant();
        try {
            suppliers.insert(row);
        } catch (DuplicateKeyException e) {
            throw new ProcurementProblems.LicenceTaken(row.licenceNumber);
        }
        replaceApprovals(row.id, command.approvedFor());
        audit.record(user, "SUPPLIER_REGISTERED", SUBJECT, row.id, row.name + " (" + row.licenceNumber + "), " + qualification);
        return view(row.id);
    }

    @Transactional
    public SupplierView update(long id, SupplierChanges changes, String user) {
        Supplier current = suppliers.lock(id).orElseThrow(() -> new NotFound("Supplier", id));
        SupplierMapper.Row row = new SupplierMapper.Row();
        row.id = id;
        row.name = changes.name() != null ? changes.name().strip() : current.name();
        row.contact = changes.contact() != null ? changes.contact().strip() : current.contact();
        Supplier.Qualification qualification = changes.qualification() != null ? changes.qualification() : current.qualification();
        row.qualification = qualification.name();
        row.qualifiedUntil = changes.qualifiedUntil() != null ? changes.qualifiedUntil() : current.qualifiedUntil();
        checkQualification(qualification, row.qualifiedUntil);
        row.at = clock.instant();
        suppliers.update(row);
        if (changes.approvedFor() != null) {
            suppliers.deleteApprovals(id);
            replaceApprovals(id, changes.approvedFor());
        }
        audit.record(user, "SUPPLIER_CHANGED", SUBJECT, id, changes.toString());
        return view(id);
    }

    /** Qualification from the Qualify supplier task: QUALIFIED until a day, or left as it was when rejected. */
    @Transactional
    public void qualify(long id, LocalDate until, String user) {
        Supplier current = suppliers.lock(id).orElseThrow(() -> new NotFound("Supplier", id));
        if (until == null || !until.isAfter(today())) {
            throw new InvalidField("qualifiedUntil", "must be a day after today");
        }
        SupplierMapper.Row row = new SupplierMapper.Row();
        row.id = id;
        row.name = current.name();
        row.contact = current.contact();
        row.qualification = Supplier.Qualification.QUALIFIED.name();
        row.qualifiedUntil = until;
        row.at = clock.instant();
        suppliers.update(row);
        audit.record(user, "SUPPLIER_QUALIFIED", SUBJECT, id, "qualified until " + until);
    }

    /** Lifts a scorecard block; the reason is kept with the supplier and in the audit trail. */
    @Transactional
    public SupplierView liftBlock(long id, String reason, String user) {
        suppliers.find(id).orElseThrow(() -> new NotFound("Supplier", id));
        if (reason == null || reason.strip().length() < 10) {
            throw new InvalidField("reason", "is required (at least 10 characters): say why the block is lifted");
        }
        if (suppliers.lift(id, user, reason.strip(), clock.instant()) == 0) {
            throw new ProcurementProblems.NotNow("Supplier " + id, "lifting a block", "not blocked");
        }
        audit.record(user, "SUPPLIER_BLOCK_LIFTED", SUBJECT, id, reason.strip());
        return view(id);
    }

    public SupplierView view(long id) {
        Supplier supplier = supplier(id);
        return new SupplierView(supplier, suppliers.findApprovals(id), scorecard(supplier));
    }

    public List<Supplier> list() {
        return suppliers.findAll();
    }

    public Supplier supplier(long id) {
        return suppliers.find(id).orElseThrow(() -> new NotFound("Supplier", id));
    }

    /** Whether the approved-supplier list lets the supplier supply this kind of event today. */
    public boolean approvedFor(long supplierId, EventKind kind) {
        LocalDate today = today();
        return suppliers.findApprovals(supplierId).stream().anyMatch(a -> a.covers(kind, today));
    }

    public Scorecard scorecard(long id) {
        return scorecard(supplier(id));
    }

    private Scorecard scorecard(Supplier supplier) {
        ProcurementProperties.Scorecard thresholds = properties.scorecard();
        Instant since = clock.instant().minus(thresholds.window());
        SupplierMapper.Totals totals = suppliers.totals(supplier.id(), since);
        BigDecimal defectRate = rate(totals.defective, totals.received);
        BigDecimal shortRate = rate(totals.shortfall, totals.expected);
        SupplierStanding standing = supplier.blocked() ? SupplierStanding.BLOCKED
                : defectRate.compareTo(thresholds.watchDefectRate()) >= 0 || shortRate.compareTo(thresholds.watchShortRate()) >= 0
                ? SupplierStanding.WATCH : SupplierStanding.GOOD;
        return new Scorecard(supplier.id(), since, totals.inspections, totals.expected, totals.received, totals.defective,
                defectRate, shortRate, standing);
    }

    /**
     * After an inspection: blocks the supplier when a rate reached its block threshold (in the inspection's
     * transaction, so the next request is refused); true when this inspection set the block.
     */
    @Transactional
    public boolean reviewAfterInspection(long supplierId, String user) {
        Scorecard card = scorecard(supplierId);
        ProcurementProperties.Scorecard thresholds = properties.scorecard();
        boolean block = card.defectRate().compareTo(thresholds.blockDefectRate()) >= 0
                || card.shortDeliveryRate().compareTo(thresholds.blockShortRate()) >= 0;
        if (block && suppliers.block(supplierId, clock.instant()) > 0) {
            audit.record(user, "SUPPLIER_BLOCKED", SUBJECT, supplierId, "defect rate " + card.defectRate()
                    + ", short-delivery rate " + card.shortDeliveryRate() + " over " + card.inspections() + " inspection(s)");
            return true;
        }
        return false;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4) : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private void checkQualification(Supplier.Qualification qualification, LocalDate until) {
        if (qualification == Supplier.Qualification.QUALIFIED && until == null) {
            throw new InvalidField("qualifiedUntil", "is required for a QUALIFIED supplier");
        }
    }

    private void replaceApprovals(long supplierId, List<NewSupplier.ApprovedKind> approved) {
        if (approved == null) {
            return;
        }
        for (int i = 0; i < approved.size(); i++) {
            NewSupplier.ApprovedKind a = approved.get(i);
            if (a.validUntil().isBefore(a.validFrom())) {
                throw new InvalidField("approvedFor[" + i + "].validUntil", "must not be before validFrom");
            }
            suppliers.insertApproval(new SupplierApproval(null, supplierId, a.eventKind(), a.validFrom(), a.validUntil()));
        }
    }
}
