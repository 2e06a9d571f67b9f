package org.ticketops.pricechange;

import static org.ticketops.pricechange.PriceChangeStatus.ANNOUNCED;
import static org.ticketops.pricechange.PriceChangeStatus.APPLIED;
import static org.ticketops.pricechange.PriceChangeStatus.IN_REVIEW;
import static org.ticketops.pricechange.PriceChangeStatus.OBSOLETE;
import static org.ticketops.pricechange.PriceChangeStatus.REJECTED;
import static org.ticketops.pricechange.PriceChangeStatus.SUBMITTED;
import static org.ticketops.pricechange.PriceChangeStatus.WITHDRAWN;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.ticketops.casework.Approver;
import org.ticketops.casework.Case;
import org.ticketops.casework.CaseDefinition;

/**
 * A price change as a case: SUBMITTED, IN_REVIEW through the chain the approval table decides, ANNOUNCED until it
 * takes effect, APPLIED. A rejection, a withdrawal, or a show cancelled or starting first close it.
 */
@Component
public class PriceChangeCase implements CaseDefinition {

    public static final String TYPE = "PRICE_CHANGE";
    public static final String PROCESS_KEY = "priceChangeReview";

    private final PriceChangeMapper changes;

    PriceChangeCase(PriceChangeMapper changes) {
        this.changes = changes;
    }

    /** {@code PC-000042}. */
    static String businessKey(long id) {
        return CaseDefinition.number("PC", id);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public String initialStatus() {
        return SUBMITTED.name();
    }

    @Override
    public Map<String, Set<String>> transitions() {
        Map<String, Set<String>> moves = new LinkedHashMap<>();
        moves.put(SUBMITTED.name(), names(EnumSet.of(IN_REVIEW, WITHDRAWN, OBSOLETE)));
        moves.put(IN_REVIEW.name(), names(EnumSet.of(ANNOUNCED, REJECTED, WITHDRAWN, OBSOLETE)));
        moves.put(ANNOUNCED.name(), names(EnumSet.of(APPLIED, WITHDRAWN, OBSOLETE)));
        return moves;
    }

    @Override
    public Set<String> dynamicCandidateGroups() {
        return Arrays.stream(Approver.values()).map(Approver::group).collect(Collectors.toSet());
    }

    @Override
    public Map<String, Set<String>> notificationTemplates() {
        return Map.of("price-change-announced", Set.of("customerName", "eventName", "categoryName", "oldPrice", "newPrice",
                "effectiveAt"));
    }

    @Override
    public String outcome(Case opened) {
        return changes.find(Long.parseLong(opened.businessKey().substring(3))).map(PriceChangeMapper.Stored::change)
                .map(c -> opened.businessKey() + " · " + c.categoryName() + " from " + org.ticketops.web.Display.money(c.oldPrice())
                        + " to " + org.ticketops.web.Display.money(c.newPrice()) + ": " + PriceChange.describe(opened.status()) + ".")
                .orElseGet(() -> CaseDefinition.super.outcome(opened));
    }

    private static Set<String> names(Set<PriceChangeStatus> statuses) {
        return statuses.stream().map(Enum::name).collect(Collectors.toSet());
    }
}
