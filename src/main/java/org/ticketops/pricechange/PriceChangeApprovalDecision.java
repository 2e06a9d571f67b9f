package org.ticketops.pricechange;

import java.util.List;

import org.ticketops.casework.Approver;

/** The approvers of a price change, in the order they decide. */
public record PriceChangeApprovalDecision(List<Approver> approvers) {
}
