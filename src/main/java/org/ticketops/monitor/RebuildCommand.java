package org.ticketops.monitor;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar ticketops.jar --ticketops.monitor.rebuild} (with the profile and database of the installation):
 * rebuilds the monitor's aggregates from the engine's history, prints what it did and exits. A running installation
 * may stay up meanwhile; {@code POST /api/monitor/rebuild} does the same from inside it.
 */
@Component
class RebuildCommand implements ApplicationRunner {

    private final MonitorProperties properties;
    private final MonitorFold fold;
    private final ConfigurableApplicationContext context;

    RebuildCommand(MonitorProperties properties, MonitorFold fold, ConfigurableApplicationContext context) {
        this.properties = properties;
        this.fold = fold;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.rebuild()) {
            MonitorFold.RebuildReport report = fold.rebuild();
            System.out.printf("Monitor rebuilt: %d facts from %d week(s) of history before %s, in %d ms%n",
                    report.facts(), report.weeks(), report.historyBefore(), report.millis());
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }
}
