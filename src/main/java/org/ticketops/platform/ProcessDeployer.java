package org.ticketops.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys every BPMN file of {@code processes/} and every form of {@code forms/} in one deployment
 * named {@code ticketops}, with duplicate filtering: a start with nothing changed creates no new
 * versions; a change to any file deploys all of them together, so a process version always finds the
 * forms of its own deployment ({@code camunda:formRefBinding="deployment"}).
 */
@Component
public class ProcessDeployer implements InitializingBean {

    public static final String DEPLOYMENT_NAME = "ticketops";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);

    private final RepositoryService repository;
    private final SourceFolders folders;

    ProcessDeployer(RepositoryService repository, SourceFolders folders) {
        this.repository = repository;
        this.folders = folders;
    }

    @Override
    public void afterPropertiesSet() {
        deploy();
    }

    /** Deploys what changed; returns the deployment, or null when there was nothing to deploy. */
    public Deployment deploy() {
        List<Resource> files = new ArrayList<>(folders.list(SourceFolders.Kind.PROCESSES, ".bpmn"));
        files.addAll(folders.list(SourceFolders.Kind.FORMS, ".form"));
        if (files.isEmpty()) {
            log.warn("No processes or forms to deploy in {}", folders.describe(SourceFolders.Kind.PROCESSES));
            return null;
        }
        DeploymentBuilder builder = repository.createDeployment().name(DEPLOYMENT_NAME).source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                builder.addInputStream(file.getFilename(), new java.io.ByteArrayInputStream(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
        }
        Deployment deployment = builder.deploy();
        long definitions = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).count();
        log.info("Deployment {} from {}: {} file(s), {} process definition(s) of this deployment",
                deployment.getId(), folders.describe(SourceFolders.Kind.PROCESSES), files.size(), definitions);
        return deployment;
    }
}
