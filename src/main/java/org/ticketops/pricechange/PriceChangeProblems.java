package org.ticketops.pricechange;

import java.util.HashMap;
import java.util.Map;

import org.ticketops.web.ProblemException;

/** What price changes refuse, each with its code. */
final class PriceChangeProblems {

    private PriceChangeProblems() {
    }

    /** One open change per category: 409 naming the open one. */
    static final class ChangeOpen extends ProblemException {
        ChangeOpen(long categoryId, Long openId) {
            super(Kind.CONFLICT, "PRICE_CHANGE_OPEN", "A price change is open",
                    "Category " + categoryId + " already has an open price change"
                            + (openId == null ? "" : " (" + PriceChangeCase.businessKey(openId) + ", /api/price-changes/" + openId + ")")
                            + "; withdraw it or wait until it is applied.", properties(categoryId, openId));
        }

        private static Map<String, Object> properties(long categoryId, Long openId) {
            Map<String, Object> p = new HashMap<>();
            p.put("categoryId", categoryId);
            if (openId != null) {
                p.put("openPriceChangeId", openId);
            }
            return p;
        }
    }

    /** Only the requester withdraws a change: 403. */
    static final class NotRequester extends ProblemException {
        NotRequester(String key, String requester) {
            super(Kind.FORBIDDEN, "NOT_THE_REQUESTER", "Not the requester",
                    "Only " + requester + ", who requested " + key + ", may withdraw it.", Map.of());
        }
    }

    /** An applied (or closed) change is not withdrawn any more: 409. */
    static final class NotWithdrawable extends ProblemException {
        NotWithdrawable(String key, String status) {
            super(Kind.CONFLICT, "PRICE_CHANGE_NOT_WITHDRAWABLE", "Not withdrawable",
                    key + " is " + status + "; it can't be withdrawn any more.", Map.of());
        }
    }
}
