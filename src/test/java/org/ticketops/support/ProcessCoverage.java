package org.ticketops.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process-test coverage (camunda-process-test-coverage) for every test class of the H2 suite:
 * the engine records every flow node and sequence flow they take and writes an HTML report per
 * class to {@code target/process-test-coverage/}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverage {

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.builder()
                .handleTestMethodCoverage(true)
                .withDetailedCoverageLogging()
                .build();
    }
}
