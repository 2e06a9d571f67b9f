package org.ticketops.complaint;

import java.time.Instant;

/** A complaint as stored, with its case's number and status. */
public record Complaint(Long id, Long caseId, String complaintNumber, String status, long customerId, String customerName,
                        Long orderId, Long showId, ComplaintEnums.Channel channel, ComplaintCategory category,
                        ComplaintSeverity severity, String description, String responsibleGroup, int level,
                        String registeredBy, Instant registeredAt, Instant firstResponseDue, Instant resolutionDue,
                        Instant firstRespondedAt, Instant pausedAt, long pausedSeconds, String findings,
                        RootCause rootCause, ComplaintEnums.Resolution resolution, Boolean satisfied,
                        Integer satisfactionScore, Instant resolvedAt, String processInstanceId, String investigatedBy,
                        java.math.BigDecimal compensationSuggested, java.math.BigDecimal compensationAmount,
                        Integer compensationTableVersion, String compensationComment, String compensationApprovedBy,
                        String voucherNumber, Long refundRequestId) {

    /** Who investigates at this level: the responsible group, then operations-manager, then general-manager. */
    public String investigatorGroup() {
        return switch (level) {
            case 0 -> responsibleGroup;
            case 1 -> org.ticketops.identity.Groups.OPERATIONS_MANAGER;
            default -> org.ticketops.identity.Groups.GENERAL_MANAGER;
        };
    }
}
