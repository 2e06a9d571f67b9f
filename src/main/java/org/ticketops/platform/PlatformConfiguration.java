package org.ticketops.platform;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Every service asks this clock for "now"; it is the engine's clock (see {@link EngineClock}). */
    @Bean
    Clock clock() {
        return new EngineClock();
    }
}
