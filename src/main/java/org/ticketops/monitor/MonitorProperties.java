package org.ticketops.monitor;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the cycle-time monitor ({@code ticketops.monitor.*}).
 *
 * @param historyEnabled whether the history handler feeds the aggregates as history happens
 * @param foldEnabled    whether facts are folded into the aggregates on a schedule
 * @param foldInterval   how often (the page and the API show figures as of the last fold)
 * @param rebuild        rebuild the aggregates from the engine's history at start (the {@code --ticketops.monitor.rebuild} command)
 * @param nodeTargets    target p90 duration of a flow node, by {@code processKey.nodeId} (colours the Cockpit heatmap)
 * @param cycleTargets   target p90 cycle time of a process, by process key
 * @param quality        the service-quality targets drawn as lines on the page
 */
@ConfigurationProperties("ticketops.monitor")
public record MonitorProperties(
        @DefaultValue("true") boolean historyEnabled,
        @DefaultValue("true") boolean foldEnabled,
        @DefaultValue("PT10S") Duration foldInterval,
        @DefaultValue("false") boolean rebuild,
        @DefaultValue Map<String, Duration> nodeTargets,
        @DefaultValue Map<String, Duration> cycleTargets,
        @DefaultValue Quality quality) {

    /**
     * @param refundProcess        the process whose cycle time is the refund turnaround
     * @param refundTurnaround     a refund is on time when it is done within this
     * @param refundOnTimeRate     share of refunds on time
     * @param firstResponseOnTime  share of complaints answered within their first-response deadline
     * @param resolutionOnTime     share of complaints resolved within their resolution deadline
     * @param satisfaction         mean satisfaction score (1-5)
     * @param nps                  net promoter score (-100 to 100)
     */
    public record Quality(
            @DefaultValue("refundExchange") String refundProcess,
            @DefaultValue("P3D") Duration refundTurnaround,
            @DefaultValue("0.90") BigDecimal refundOnTimeRate,
            @DefaultValue("0.95") BigDecimal firstResponseOnTime,
            @DefaultValue("0.90") BigDecimal resolutionOnTime,
            @DefaultValue("4.0") BigDecimal satisfaction,
            @DefaultValue("30") BigDecimal nps) {
    }
}
