package org.ticketops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.ticketops.support.TicketOpsTest;

/** processes/ and forms/ are deployed together, once: a restart with nothing changed adds no version. */
@TicketOpsTest
class ProcessDeployerTest {

    @Autowired
    ProcessDeployer deployer;
    @Autowired
    RepositoryService repository;

    @Test
    void everyProcessAndFormIsInOneDeployment() {
        Deployment deployment = repository.createDeploymentQuery().deploymentName(ProcessDeployer.DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().list().get(0);
        assertThat(repository.getDeploymentResourceNames(deployment.getId()))
                .contains("refund-exchange.bpmn", "refund-request-start.form", "review-refund.form", "approve-large-refund.form");
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("refundExchange").latestVersion()
                .singleResult().getHistoryTimeToLive()).isEqualTo(180);
    }

    @Test
    void deployingAgainWithNothingChangedAddsNoVersion() {
        long definitions = repository.createProcessDefinitionQuery().count();
        long deployments = repository.createDeploymentQuery().count();
        deployer.deploy();
        deployer.deploy();
        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }
}
