package org.ticketops.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The one test configuration of the H2 suite: the whole application on a random port, on the
 * default profile (in-memory H2, demo users and data). Every test class uses exactly this, so Spring
 * boots the context once for all of them. The job executor is off: tests run jobs themselves
 * ({@link Engine#executeJobs()}), and the outbox sender is off: tests deliver with
 * {@code NotificationSender.sendDue()}, and the monitor folds only when a test says so, so nothing happens behind a
 * test's back.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({ProcessCoverage.class, ProcessEngineCoverageConfiguration.class})
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "camunda.bpm.job-execution.enabled=false",
        "ticketops.decisions.refresh-interval=PT1H",
        "ticketops.notifications.sender-enabled=false",
        "ticketops.sales.hold-sweep-enabled=false",
        "ticketops.decisions.schedule-enabled=false",
        "ticketops.cancellation.batch-size=2", // small batches: a cancellation in a test walks its loop
        "ticketops.monitor.fold-enabled=false", // tests fold themselves (MonitorFold.fold())
        "ticketops.performance.cycle=-", // tests start cycles themselves
        "ticketops.inventory.stocktake-cycle=-",
        "ticketops.reconciliation.schedule=-",
        "ticketops.reconciliation.inbox-dir=target/test-settlement-inbox",
        "logging.level.org.ticketops=INFO"
})
public @interface TicketOpsTest {
}
