package org.ticketops.procurement;

/** Where a procurement request stands (its case status). */
public enum ProcurementStatus {
    SUBMITTED, QUALIFYING, IN_APPROVAL, CHANGES_REQUESTED, APPROVED, CONTRACTED, DELIVERY_PROBLEM,
    STOCKED, REJECTED, SUPPLIER_NOT_QUALIFIED, SUPPLIER_SUSPENDED, WITHDRAWN
}
