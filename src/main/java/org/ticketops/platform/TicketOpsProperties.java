package org.ticketops.platform;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code ticketops.*} that every capability shares.
 *
 * @param zone         the center's time zone: times are stored in UTC and shown in this zone
 * @param region       the center's country (ISO 3166 code): phone numbers typed without a country code are of it
 * @param processesDir a folder of BPMN files that overrides the copy packed into the jar
 * @param rulesDir     a folder of decision tables that overrides the packed copy
 * @param formsDir     a folder of Camunda Forms that overrides the packed copy
 * @param demo         whether demo users and demo data are created at start (default profile only)
 * @param admin        the first administrator (the {@code mysql} profile has no demo users)
 */
@ConfigurationProperties("ticketops")
public record TicketOpsProperties(
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        @DefaultValue("CN") String region,
        Path processesDir,
        Path rulesDir,
        Path formsDir,
        @DefaultValue Demo demo,
        @DefaultValue Admin admin) {

    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    public record Admin(String user, String password) {
    }
}
