package org.ticketops.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.ticketops.catalog.EventKind;
import org.ticketops.catalog.TicketType;

/** A procurement request as stored, with its case's number and status, its supplier's and show's names. */
public record ProcurementRequest(Long id, Long caseId, String requestNumber, String status, Long supplierId,
                                 String supplierName, Long showId, String eventName, EventKind eventKind, Instant showStartsAt,
                                 Long categoryId, String newCategoryName, TicketType newCategoryType, int quantity,
                                 BigDecimal unitCost, BigDecimal plannedSalePrice, BigDecimal total, String justification,
                                 String requestedBy, Instant requestedAt, int approvalRound, Integer approvalTableVersion,
                                 String approverGroups, String contractNumber, LocalDate contractSignedOn,
                                 String paymentTerms, String contractSignedBy, Integer acceptedQuantity,
                                 BigDecimal supplierCredit, Instant stockedAt, String processInstanceId) {

    /** A status as a sentence fragment: "waits for approval", "is stocked". */
    static String describe(String status) {
        return switch (ProcurementStatus.valueOf(status)) {
            case SUBMITTED -> "submitted";
            case QUALIFYING -> "waits for the supplier's qualification";
            case IN_APPROVAL -> "waits for approval";
            case CHANGES_REQUESTED -> "back with the requester for changes";
            case APPROVED -> "approved; waits for the contract";
            case CONTRACTED -> "contracted; waits for the delivery";
            case DELIVERY_PROBLEM -> "delivery to settle with the supplier";
            case STOCKED -> "stocked";
            case REJECTED -> "rejected";
            case SUPPLIER_NOT_QUALIFIED -> "closed: supplier not qualified";
            case SUPPLIER_SUSPENDED -> "closed: supplier suspended";
            case WITHDRAWN -> "withdrawn";
        };
    }

    /** The margin of the planned sale price over the unit cost, in percent of the unit cost (negative below cost). */
    public BigDecimal marginPercent() {
        return plannedSalePrice.subtract(unitCost).multiply(BigDecimal.valueOf(100))
                .divide(unitCost, 2, java.math.RoundingMode.HALF_UP);
    }
}
