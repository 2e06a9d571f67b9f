package org.ticketops.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The MySQL/MariaDB suite (tag {@code mysql}): the whole application on the {@code mysql} profile
 * against the database named by {@code TICKETOPS_TEST_MYSQL_URL}; skipped, with one line saying so,
 * when that variable is not set. Runs in its own JVM (see pom.xml), one context for all its classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("mysql")
@ExtendWith(MySqlAvailable.class)
@ActiveProfiles("mysql")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${TICKETOPS_TEST_MYSQL_URL}",
        "spring.datasource.username=${TICKETOPS_TEST_MYSQL_USER:root}",
        "spring.datasource.password=${TICKETOPS_TEST_MYSQL_PASSWORD:}",
        "camunda.bpm.job-execution.enabled=false",
        "ticketops.admin.user=admin",
        "ticketops.admin.password=Tick3t-Ops!Strong",
        "ticketops.decisions.refresh-interval=PT1H",
        "ticketops.monitor.fold-enabled=false",
        "ticketops.performance.cycle=-",
        "ticketops.inventory.stocktake-cycle=-",
        "ticketops.reconciliation.schedule=-"
})
public @interface MySqlTest {
}
