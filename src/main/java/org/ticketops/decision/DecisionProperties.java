package org.ticketops.decision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshInterval how often a node re-reads which table versions are active, so an activation
 *                        on one node of a cluster is in force on every node within this time
 */
@ConfigurationProperties("ticketops.decisions")
public record DecisionProperties(@DefaultValue("PT5S") Duration refreshInterval) {
}
