package org.ticketops.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.Advisor;
import org.springframework.aop.framework.Advised;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.BeanFactoryTransactionAttributeSourceAdvisor;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.ticketops.refund.RefundService;
import org.ticketops.support.TicketOpsTest;

/**
 * A call from the desk whose transaction the database rolled back as a lock wait's loser runs again, each time in a
 * transaction of its own, up to three times; nothing else runs again: other failures, inner calls (their outer
 * transaction is the one to run again) and work outside a web request. The advice is the application's own bean,
 * with the application's transaction advice, ordered as the application orders them.
 */
@TicketOpsTest
class LockLosersTest {

    @Autowired
    Advisor lockLoserAdvisor;
    @Autowired
    BeanFactoryTransactionAttributeSourceAdvisor transactionAdvisor;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    RefundService refundService;

    /** Fails with {@code failure} on its first {@code losses} runs; records the transaction of each run. */
    public static class Flaky {
        int losses;
        RuntimeException failure = new CannotAcquireLockException("deadlock",
                new SQLException("Deadlock found when trying to get lock", "40001", 1213));
        final List<Object> transactions = new ArrayList<>();

        @Transactional
        public String work() {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
            transactions.add(TransactionSynchronizationManager.getResourceMap().values().iterator().next());
            if (transactions.size() <= losses) {
                throw failure;
            }
            return "done after " + transactions.size();
        }
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private Flaky flaky(int losses) {
        Flaky target = new Flaky();
        target.losses = losses;
        return target;
    }

    private Flaky proxied(Flaky target) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        List<Advisor> advisors = new ArrayList<>(List.of(transactionAdvisor, lockLoserAdvisor));
        AnnotationAwareOrderComparator.sort(advisors);
        advisors.forEach(factory::addAdvisor);
        return (Flaky) factory.getProxy();
    }

    private static void inWebRequest() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @Test
    void theApplicationsTransactionalServicesCarryTheAdviceOutsideTheirTransaction() {
        List<Advisor> advisors = List.of(((Advised) refundService).getAdvisors());
        assertThat(advisors).contains(lockLoserAdvisor, transactionAdvisor);
        assertThat(advisors.indexOf(lockLoserAdvisor)).isLessThan(advisors.indexOf(transactionAdvisor));
    }

    @Test
    void aDeskCallThatLosesTwiceRunsAThirdTimeInAFreshTransaction() {
        Flaky target = flaky(2);
        inWebRequest();
        assertThat(proxied(target).work()).isEqualTo("done after 3");
        assertThat(target.transactions).hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void aDeskCallThatLosesThreeTimesGivesUp() {
        Flaky target = flaky(5);
        inWebRequest();
        assertThatThrownBy(() -> proxied(target).work()).isInstanceOf(CannotAcquireLockException.class);
        assertThat(target.transactions).hasSize(LockLosers.ATTEMPTS);
    }

    @Test
    void otherFailuresInnerCallsAndWorkOutsideAWebRequestRunOnce() {
        Flaky refused = flaky(1);
        refused.failure = new DataIntegrityViolationException("duplicate key");
        inWebRequest();
        assertThatThrownBy(() -> proxied(refused).work()).isInstanceOf(DataIntegrityViolationException.class);
        assertThat(refused.transactions).hasSize(1);

        Flaky inner = flaky(1);
        Flaky innerProxy = proxied(inner);
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager).execute(status -> innerProxy.work()))
                .isInstanceOf(CannotAcquireLockException.class);
        assertThat(inner.transactions).hasSize(1);

        RequestContextHolder.resetRequestAttributes();
        Flaky scheduled = flaky(1);
        assertThatThrownBy(() -> proxied(scheduled).work()).isInstanceOf(CannotAcquireLockException.class);
        assertThat(scheduled.transactions).hasSize(1);
    }

    @Test
    void aLockLossIsKnownInsideTheEnginesOwnExceptions() {
        assertThat(LockLosers.lost(new ProcessEngineException("flush failed",
                new SQLException("Lock wait timeout exceeded", "HY000", 1205)))).isTrue();
        assertThat(LockLosers.lost(new ProcessEngineException("flush failed",
                new SQLException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(LockLosers.again("a template transaction", new java.util.function.Supplier<String>() {
            int runs;

            @Override
            public String get() {
                if (++runs == 1) {
                    throw new CannotAcquireLockException("deadlock");
                }
                return "run " + runs;
            }
        })).isEqualTo("run 2");
    }
}
