package org.ticketops.platform;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in the cluster: the job executor locks jobs as {@code <ticketops.node-name>/<pid>-<random>} (the
 * engine's default is a bare UUID), so an operator sees in {@code ACT_RU_JOB.LOCK_OWNER_} which node holds a job, and
 * a node that died can be told from one that runs. The suffix keeps a restarted node apart from its dead self.
 * {@code ticketops.node-name} defaults to the host name.
 */
@Component
class NodeName extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(NodeName.class);
    private final String lockOwner;

    NodeName(@Value("${ticketops.node-name:}") String configured) {
        String node = configured == null || configured.isBlank() ? host() : configured.strip();
        this.lockOwner = node + "/" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (jobExecutor != null) {
            jobExecutor.setLockOwner(lockOwner);
            log.info("Job executor locks jobs as {}", lockOwner);
        }
    }
}
