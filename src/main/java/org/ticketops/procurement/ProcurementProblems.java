package org.ticketops.procurement;

import java.util.Map;

import org.ticketops.web.ProblemException;

/** What procurement refuses, each with its code. */
final class ProcurementProblems {

    private ProcurementProblems() {
    }

    /** A licence number belongs to one supplier: 409. */
    static final class LicenceTaken extends ProblemException {
        LicenceTaken(String licence) {
            super(Kind.CONFLICT, "LICENCE_TAKEN", "Licence already registered",
                    "Another supplier has business licence " + licence + ".", Map.of("licenceNumber", licence));
        }
    }

    /** The supplier's scorecard blocked it: no new requests until procurement lifts the block (422). */
    static final class SupplierBlocked extends ProblemException {
        SupplierBlocked(long supplierId) {
            super(Kind.UNPROCESSABLE, "SUPPLIER_BLOCKED", "Supplier blocked",
                    "Supplier " + supplierId + " is blocked by its scorecard; procurement must lift the block, with a"
                            + " reason, before a new request.", Map.of("supplierId", supplierId));
        }
    }

    /** The supplier is not on the approved-supplier list for this kind of event today (422). */
    static final class SupplierNotApproved extends ProblemException {
        SupplierNotApproved(long supplierId, Object kind) {
            super(Kind.UNPROCESSABLE, "SUPPLIER_NOT_APPROVED", "Supplier not approved for this event kind",
                    "Supplier " + supplierId + " is not on the approved-supplier list for " + kind + " events today.",
                    Map.of("supplierId", supplierId, "eventKind", String.valueOf(kind)));
        }
    }

    /** Tickets for a show that has started (or is cancelled) are not bought any more (422). */
    static final class ShowNotOpen extends ProblemException {
        ShowNotOpen(long showId, String why) {
            super(Kind.UNPROCESSABLE, "SHOW_NOT_OPEN", "Show not open for procurement",
                    "Show " + showId + " " + why + "; no inventory is bought for it.", Map.of("showId", showId));
        }
    }

    /** A step of the request that is not where the request stands (409). */
    static final class NotNow extends ProblemException {
        NotNow(String requestKey, String what, String status) {
            super(Kind.CONFLICT, "NOT_AT_THIS_STEP", "Not at this step",
                    requestKey + " is " + status + "; " + what + " is not possible now.", Map.of("status", status));
        }
    }

    /** A contract number belongs to one request: 409. */
    static final class ContractNumberTaken extends ProblemException {
        ContractNumberTaken(String number) {
            super(Kind.CONFLICT, "CONTRACT_NUMBER_TAKEN", "Contract number already used",
                    "Contract " + number + " is already recorded for another request.", Map.of("contractNumber", number));
        }
    }

    /** Only the requester withdraws a request: 403. */
    static final class NotRequester extends ProblemException {
        NotRequester(String requestKey, String requester) {
            super(Kind.FORBIDDEN, "NOT_THE_REQUESTER", "Not the requester",
                    "Only " + requester + ", who requested " + requestKey + ", may withdraw it.", Map.of());
        }
    }
}
