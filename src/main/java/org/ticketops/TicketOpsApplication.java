package org.ticketops;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** TicketOps: the back office of a ticketing center on one Camunda 7 engine, Drools decision tables and MyBatis. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TicketOpsApplication {

    public static void main(String[] args) {
        SpringApplication.run(TicketOpsApplication.class, args);
    }
}
