package org.ticketops.catalog;

import java.util.Map;

import org.ticketops.web.ProblemException;

/** What the catalog refuses, each with its code. */
final class CatalogProblems {

    private CatalogProblems() {
    }

    /** A sold category's price changes only through the price-change review: 409. */
    static final class PriceChangeNeedsReview extends ProblemException {
        PriceChangeNeedsReview(long categoryId, long sold) {
            super(Kind.CONFLICT, "PRICE_CHANGE_NEEDS_REVIEW", "Price change needs a review",
                    "Category " + categoryId + " has sold " + sold + " ticket(s); its price changes only through a"
                            + " price-change review: POST /api/price-changes.", Map.of("categoryId", categoryId, "sold", sold,
                            "priceChanges", "/api/price-changes"));
        }
    }

    /** Capacity below what is sold or held: 409 naming both. */
    static final class CapacityBelowSold extends ProblemException {
        CapacityBelowSold(long categoryId, int capacity, int taken) {
            super(Kind.CONFLICT, "CAPACITY_BELOW_SOLD", "Capacity below what is sold",
                    "Category " + categoryId + " has " + taken + " ticket(s) sold or held; its capacity can't be "
                            + capacity + ".", Map.of("categoryId", categoryId, "taken", taken, "capacity", capacity));
        }
    }

    /** A cancelled show stays cancelled and takes no changes: 409. */
    static final class ShowCancelled extends ProblemException {
        ShowCancelled(long showId) {
            super(Kind.CONFLICT, "SHOW_CANCELLED", "Show cancelled",
                    "Show " + showId + " is cancelled; it takes no changes.", Map.of("showId", showId));
        }
    }

    /** The record changed between reading and writing it: 409, reload and try again. */
    static final class ChangedMeanwhile extends ProblemException {
        ChangedMeanwhile(String what, long id) {
            super(Kind.CONFLICT, "CHANGED_MEANWHILE", "Changed meanwhile",
                    "The " + what + " " + id + " changed while this change was made; reload it and try again.",
                    Map.of("id", id));
        }
    }
}
