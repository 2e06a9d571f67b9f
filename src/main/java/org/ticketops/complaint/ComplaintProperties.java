package org.ticketops.complaint;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param deadlines  first response and resolution per severity
 * @param warnAt     the share of a deadline after which the responsible group is warned
 * @param beforeShow a complaint about a show still ahead is resolved at the latest this long before it starts
 * @param compensationApproval the voucher amounts above which a manager approves (what is suggested is in
 *                             {@code rules/complaint-compensation.xlsx})
 */
@ConfigurationProperties("ticketops.complaints")
public record ComplaintProperties(@DefaultValue Deadlines deadlines, @DefaultValue("0.75") double warnAt,
                                  @DefaultValue("PT1H") Duration beforeShow,
                                  @DefaultValue CompensationApproval compensationApproval) {

    /** A voucher above these amounts waits for the operations manager's, above the second the general manager's approval. */
    public record CompensationApproval(@DefaultValue("500.00") java.math.BigDecimal operationsManager,
                                       @DefaultValue("2000.00") java.math.BigDecimal generalManager) {
    }

    public record Deadlines(
            @DefaultValue("PT24H") Duration lowFirstResponse, @DefaultValue("P5D") Duration lowResolution,
            @DefaultValue("PT8H") Duration mediumFirstResponse, @DefaultValue("P3D") Duration mediumResolution,
            @DefaultValue("PT4H") Duration highFirstResponse, @DefaultValue("P1D") Duration highResolution,
            @DefaultValue("PT1H") Duration criticalFirstResponse, @DefaultValue("PT8H") Duration criticalResolution) {

        Duration firstResponse(ComplaintSeverity severity) {
            return switch (severity) {
                case LOW -> lowFirstResponse;
                case MEDIUM -> mediumFirstResponse;
                case HIGH -> highFirstResponse;
                case CRITICAL -> criticalFirstResponse;
            };
        }

        Duration resolution(ComplaintSeverity severity) {
            return switch (severity) {
                case LOW -> lowResolution;
                case MEDIUM -> mediumResolution;
                case HIGH -> highResolution;
                case CRITICAL -> criticalResolution;
            };
        }
    }
}
