package org.ticketops.web;

import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.ticketops.identity.DemoUsers;
import org.ticketops.platform.TicketOpsProperties;

/** Says where TicketOps is, and how to log in, once it is up. */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);
    private final TicketOpsProperties properties;

    StartupReport(TicketOpsProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void report(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web) || web.getWebServer() == null) {
            return;
        }
        String base = "http://localhost:" + web.getWebServer().getPort();
        StringBuilder text = new StringBuilder("\n\n  TicketOps is up: ").append(base).append('\n')
                .append("    Tasklist  ").append(base).append("/camunda/app/tasklist/\n")
                .append("    Cockpit   ").append(base).append("/camunda/app/cockpit/\n")
                .append("    Admin     ").append(base).append("/camunda/app/admin/\n")
                .append("    API docs  ").append(base).append("/swagger-ui.html\n")
                .append("    Engine    ").append(base).append("/engine-rest\n");
        if (properties.demo().enabled()) {
            text.append("    Mailbox   ").append(base).append("/demo/mailbox (e-mails sent to customers)\n");
            text.append("  Demo log-ins (password = user id):\n");
            DemoUsers.USERS.forEach((user, groups) -> text.append(String.format("    %-7s %s%n", user,
                    user.equals("demo") ? "administrator, in every group" : groups.stream().collect(Collectors.joining(", ")))));
        }
        log.info(text.toString());
    }
}
