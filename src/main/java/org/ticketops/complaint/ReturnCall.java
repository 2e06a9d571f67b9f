package org.ticketops.complaint;

import java.time.Instant;
import java.time.LocalDate;

/** A call back to a customer: why (a complaint closed a week ago, a low survey score), and how it went. */
public record ReturnCall(Long id, long customerId, String customerName, String phone, String reason, String reference,
                         LocalDate plannedOn, String outcome, String notes, String calledBy, Instant calledAt,
                         Long followUpComplaintId) {
}
