package org.ticketops.platform;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Metrics;
import org.aopalliance.intercept.MethodInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.Advisor;
import org.springframework.aop.ProxyMethodInvocation;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A transaction that the database rolled back as the loser of a lock wait (a deadlock, a lock wait timeout) changed
 * nothing, and nothing the caller did caused it: two writers met in the other order. A call from the desk whose
 * outermost transaction lost that way runs again, up to {@value #ATTEMPTS} times in all, before the desk is answered
 * 409 {@code CONCURRENT_CHANGE}. Only whole transactions run again: the advice sits outside Spring's transaction
 * interceptor and acts only where no transaction was open at the call (an inner call's loss rolls back the outer
 * transaction, which is the one run again). Jobs are run again by the engine, scheduled work at its next turn; this
 * covers calls made in a web request. Each run again counts in {@code ticketops.lock.retries}.
 * <p>
 * What runs again must do nothing outside the database before it commits, or do it with a key that does not change
 * between runs (the payment provider's idempotency key): everything in the transaction's scope is done twice.
 */
@Configuration(proxyBeanMethods = false)
public class LockLosers {

    /** Runs of one call in all: the first and two more. */
    public static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(LockLosers.class);

    /** Whether {@code e} says the database rolled the transaction back as a lock wait's loser. */
    public static boolean lost(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof PessimisticLockingFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && lockLoser(sql)) {
                return true;
            }
        }
        return false;
    }

    /** MySQL/MariaDB 1213 (deadlock) and 1205 (lock wait timeout), SQLSTATE 40001 (serialization failure, H2's deadlock). */
    private static boolean lockLoser(SQLException e) {
        return e.getErrorCode() == 1213 || e.getErrorCode() == 1205 || "40001".equals(e.getSQLState());
    }

    /**
     * Runs {@code transaction}, which opens and ends its own transaction (a {@code TransactionTemplate}, an engine
     * command), again when the database chose it as a lock wait's loser, for callers that do not go through a
     * {@code @Transactional} proxy. Inside a caller's transaction it runs once.
     */
    public static <T> T again(String what, Supplier<T> transaction) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return transaction.get(); // it joins a transaction of the caller's: that one is the one to run again
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lost(e)) {
                    throw e;
                }
                pause(what, attempt, e);
            }
        }
    }

    private static void pause(String what, int attempt, Throwable e) {
        Metrics.counter("ticketops.lock.retries").increment();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        log.info("{} lost a lock wait (run {} of {}), running it again: {}", what, attempt, ATTEMPTS, root.getMessage());
        try {
            Thread.sleep(20L * attempt + ThreadLocalRandom.current().nextLong(30));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to run " + what + " again", e);
        }
    }

    /** Around every {@code @Transactional} method of ours, outside the transaction interceptor. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor lockLoserAdvisor() {
        AnnotationTransactionAttributeSource transactional = new AnnotationTransactionAttributeSource();
        StaticMethodMatcherPointcut ours = new StaticMethodMatcherPointcut() {
            @Override
            public boolean matches(Method method, Class<?> targetClass) {
                return targetClass.getName().startsWith("org.ticketops.")
                        && transactional.getTransactionAttribute(method, targetClass) != null;
            }
        };
        MethodInterceptor again = invocation -> {
            if (TransactionSynchronizationManager.isActualTransactionActive()
                    || RequestContextHolder.getRequestAttributes() == null
                    || !(invocation instanceof ProxyMethodInvocation call)) {
                return invocation.proceed();
            }
            String what = call.getMethod().getDeclaringClass().getSimpleName() + "." + call.getMethod().getName();
            for (int attempt = 1; ; attempt++) {
                try {
                    return call.invocableClone().proceed();
                } catch (RuntimeException e) {
                    if (attempt >= ATTEMPTS || !lost(e)) {
                        throw e;
                    }
                    pause(what, attempt, e);
                }
            }
        };
        DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(ours, again);
        advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return advisor;
    }
}
