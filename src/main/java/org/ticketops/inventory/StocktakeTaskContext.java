package org.ticketops.inventory;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.ticketops.catalog.StockLevels;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.Display;

/** What the stocktaking forms show, as task-local variables: the category, the figures, the variance and why. */
@Component
class StocktakeTaskContext {

    private final StockLevels stock;
    private final ZoneId zone;

    StocktakeTaskContext(StockLevels stock, TicketOpsProperties ticketOps) {
        this.stock = stock;
        this.zone = ticketOps.zone();
    }

    Map<String, Object> form(StockCount count) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("countTitle", count.eventName() + " · " + Display.time(count.showStartsAt(), zone) + " · " + count.categoryName());
        form.put("countSummary", count.counted() == null
                ? "The system shows " + stock.available(count.categoryId()) + " unsold now; sales go on, so the variance is"
                + " taken against the figure when you submit your count."
                : "Counted " + count.counted() + " (" + ("SUPPLIER_STATEMENT".equals(count.source()) ? "supplier's statement"
                : "on hand") + ") by " + count.countedBy() + " · system then " + count.systemAvailable() + " · variance **"
                + signed(count.variance()) + "** tickets, " + Display.money(count.varianceValue()) + " at "
                + (count.unitCost() == null ? "no recorded unit cost" : "unit cost " + Display.money(count.unitCost())));
        form.put("explanationSummary", count.cause() == null ? "Not explained yet." : Display.words(count.cause()) + " (by "
                + count.explainedBy() + "): " + count.explanation());
        return form;
    }

    private static String signed(Integer n) {
        return n == null ? "–" : n > 0 ? "+" + n : String.valueOf(n);
    }
}
