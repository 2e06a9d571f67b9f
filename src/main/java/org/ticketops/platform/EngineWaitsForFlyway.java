package org.ticketops.platform;

import java.util.Set;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Makes the Camunda engine depend on database initialization (Flyway), so Flyway always finds
 * the schema before the engine creates its ACT_ tables. Without it the two race and Flyway may
 * refuse a "non-empty schema without schema history table". Registered in META-INF/spring.factories.
 */
public class EngineWaitsForFlyway extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngineFactoryBean.class);
    }
}
