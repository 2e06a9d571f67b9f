package org.ticketops.procurement;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.Display;

/** What a procurement task shows: a name that tells it apart and the request's summary for its form (text only). */
@Component
class ProcurementTaskContext {

    private final ProcurementService procurement;
    private final SupplierService suppliers;
    private final org.ticketops.catalog.CatalogService catalog;
    private final ZoneId zone;

    ProcurementTaskContext(ProcurementService procurement, SupplierService suppliers,
                           org.ticketops.catalog.CatalogService catalog, TicketOpsProperties ticketOps) {
        this.procurement = procurement;
        this.suppliers = suppliers;
        this.catalog = catalog;
        this.zone = ticketOps.zone();
    }

    /** "Approve request · P-000001 · 2,000 × CNY 60.00 (step 2 of 3)". */
    String taskName(DelegateTask task, long id) {
        ProcurementRequest r = procurement.request(id);
        String base = task.getName() == null ? "Task" : task.getName().split(" · ")[0];
        Object step = task.getVariable(ProcurementDelegates.APPROVAL_STEP);
        Object steps = task.getVariable(ProcurementDelegates.APPROVAL_STEPS);
        boolean approval = "approveRequest".equals(task.getTaskDefinitionKey()) && step != null && steps != null;
        return base + " · " + r.requestNumber() + " · " + r.quantity() + " × " + Display.money(r.unitCost())
                + (approval ? " (step " + step + " of " + steps + ")" : "");
    }

    Map<String, Object> formSummaries(long id) {
        ProcurementRequest r = procurement.request(id);
        Supplier supplier = suppliers.supplier(r.supplierId());
        Scorecard card = suppliers.scorecard(r.supplierId());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("requestTitle", "Procurement request " + r.requestNumber());
        form.put("requestSummary", r.quantity() + " ticket(s) for **" + r.eventName() + "** ("
                + Display.words(r.eventKind()) + ", " + Display.time(r.showStartsAt(), zone) + "), "
                + (r.categoryId() != null ? "category " + catalog.category(r.categoryId()).name() : "new category " + r.newCategoryName()
                + " (" + Display.words(r.newCategoryType()) + ")") + "\n\nUnit cost " + Display.money(r.unitCost())
                + " · planned sale price " + Display.money(r.plannedSalePrice()) + " · margin " + r.marginPercent().toPlainString()
                + " % · **total " + Display.money(r.total()) + "**\n\nRequested by " + r.requestedBy() + " on "
                + Display.time(r.requestedAt(), zone) + (r.justification() == null ? "" : "\n\nJustification: " + r.justification()));
        form.put("supplierSummary", supplier.name() + " · licence " + supplier.licenceNumber() + " · "
                + Display.words(supplier.qualification()) + (supplier.qualifiedUntil() == null ? "" : " until "
                + supplier.qualifiedUntil()) + "\n\nScorecard (" + card.inspections() + " inspection(s)): defect rate "
                + percent(card.defectRate()) + ", short deliveries " + percent(card.shortDeliveryRate()) + " · standing **"
                + Display.words(card.standing()) + "**");
        form.put("approvalTrail", procurement.trail(id));
        form.put("chainSummary", r.approverGroups() == null ? "Not decided yet." : "Round " + r.approvalRound() + ": "
                + String.join(" → ", r.approverGroups().split(",")) + " (procurement-approval table v"
                + r.approvalTableVersion() + ")");
        return form;
    }

    private static String percent(java.math.BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
