package org.ticketops.survey;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param validity   how long an invitation's link works
 * @param publicUrl  where customers reach this application (the survey link in the invitation)
 * @param sampleRate the share of a show's buyers asked the day after it (every PLATINUM member is asked)
 */
@ConfigurationProperties("ticketops.surveys")
public record SurveyProperties(@DefaultValue("P14D") Duration validity,
                               @DefaultValue("http://localhost:8080") String publicUrl,
                               @DefaultValue("0.1") double sampleRate) {
}
