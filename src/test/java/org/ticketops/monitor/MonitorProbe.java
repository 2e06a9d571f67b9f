package org.ticketops.monitor;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;

/**
 * Deploys monitor/monitor-probe.bpmn, a process no code knows, under a key of the test's own (so the instances that
 * one test leaves open are not counted by another).
 */
public final class MonitorProbe {

    private MonitorProbe() {
    }

    public static String deploy(RepositoryService repository, String key) {
        BpmnModelInstance model = Bpmn.readModelFromStream(MonitorProbe.class.getResourceAsStream("/monitor/monitor-probe.bpmn"));
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        process.setId(key);
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnPlane.class).iterator().next().setBpmnElement(process);
        repository.createDeployment().name(key).addModelInstance(key + ".bpmn", model).enableDuplicateFiltering(true).deploy();
        return key;
    }
}
