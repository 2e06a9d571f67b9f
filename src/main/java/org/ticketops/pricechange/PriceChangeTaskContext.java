package org.ticketops.pricechange;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.Display;

/** What a price-change task shows: a name that tells it apart, the change and its impact for the form (text only). */
@Component
class PriceChangeTaskContext {

    private final PriceChangeService changes;
    private final ZoneId zone;

    PriceChangeTaskContext(PriceChangeService changes, TicketOpsProperties ticketOps) {
        this.changes = changes;
        this.zone = ticketOps.zone();
    }

    String taskName(DelegateTask task, long id) {
        PriceChange c = changes.change(id);
        String base = task.getName() == null ? "Task" : task.getName().split(" · ")[0];
        return base + " · " + c.changeNumber() + " · " + c.categoryName() + " " + Display.money(c.oldPrice()) + " → "
                + Display.money(c.newPrice()) + " (step " + task.getVariable(PriceChangeDelegates.APPROVAL_STEP) + " of "
                + task.getVariable(PriceChangeDelegates.APPROVAL_STEPS) + ")";
    }

    Map<String, Object> formSummaries(long id) {
        PriceChange c = changes.change(id);
        PriceChange.Impact i = c.impact();
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("changeTitle", "Price change " + c.changeNumber());
        form.put("changeSummary", "**" + c.categoryName() + "** of " + c.eventName() + " (" + Display.time(c.showStartsAt(), zone)
                + "): " + Display.money(c.oldPrice()) + " → **" + Display.money(c.newPrice()) + "** from "
                + Display.time(c.effectiveAt(), zone) + "\n\nReason: " + Display.words(c.reason()) + " · requested by "
                + c.requestedBy() + "\n\n" + c.justification());
        form.put("impactSummary", "Change: " + signed(i.changePercent()) + " %"
                + " · margin per ticket: " + (i.marginPerTicket() == null ? "no unit cost recorded"
                : Display.money(i.marginPerTicket()) + " (unit cost " + Display.money(i.unitCost()) + ")"
                + (i.belowCost() ? " – **below cost**" : ""))
                + "\n\nTickets sold " + i.ticketsSold() + " (keep their price) · still for sale " + i.ticketsAvailable()
                + " · revenue difference if they sell: " + Display.money(i.revenueDifference())
                + "\n\nOpen quotes " + i.openQuotes() + " · held seats " + i.heldSeats()
                + (c.newPrice().compareTo(c.oldPrice()) > 0 ? " · customers holding unpaid seats " + i.unpaidHoldCustomers() : ""));
        form.put("chainSummary", String.join(" → ", c.approverGroups().split(",")) + " (price-change-approval table v"
                + c.approvalTableVersion() + ")");
        form.put("approvalTrail", changes.trail(id));
        return form;
    }

    private static String signed(java.math.BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }
}
