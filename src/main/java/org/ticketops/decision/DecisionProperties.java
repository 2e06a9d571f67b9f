package org.ticketops.decision;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshInterval how often a node re-reads which table versions are active, so an activation
 *                        on one node of a cluster is in force on every node within this time
 * @param maxRules        the most rule rows a table may have; a larger upload is refused before it compiles
 * @param compileTimeout  a compile of an upload (or a draft) that takes longer is refused (compiles run one at a time)
 * @param storedCompileTimeout the same for a version that already passed when it came in (a shipped file, a stored
 *                        version): longer, so that a busy machine does not refuse a table it accepted before
 */
@ConfigurationProperties("ticketops.decisions")
public record DecisionProperties(@DefaultValue("PT4S") Duration refreshInterval,
                                 @DefaultValue("500") int maxRules,
                                 @DefaultValue("PT20S") Duration compileTimeout,
                                 @DefaultValue("PT5M") Duration storedCompileTimeout) {
}
