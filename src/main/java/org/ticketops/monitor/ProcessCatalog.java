package org.ticketops.monitor;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;
import org.ticketops.web.NotFound;

/** The processes deployed (every one, including those added later) and the names of their flow nodes. */
@Component
class ProcessCatalog {

    private final RepositoryService repository;
    private final Map<String, Map<String, String>> nodeNames = new ConcurrentHashMap<>();

    ProcessCatalog(RepositoryService repository) {
        this.repository = repository;
    }

    /** The deployed process keys and any other key that has figures, by name. */
    List<String> keys(Collection<String> withFigures) {
        Map<String, String> names = new java.util.HashMap<>();
        withFigures.forEach(k -> names.put(k, k));
        repository.createProcessDefinitionQuery().latestVersion().list()
                .forEach(d -> names.put(d.getKey(), d.getName() == null ? d.getKey() : d.getName()));
        return new TreeSet<>(names.keySet()).stream()
                .sorted(Comparator.comparing((String k) -> names.get(k), String.CASE_INSENSITIVE_ORDER)).toList();
    }

    boolean exists(String processKey) {
        return processKey != null && repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
    }

    String name(String processKey) {
        ProcessDefinition latest = latest(processKey);
        return latest == null || latest.getName() == null ? processKey : latest.getName();
    }

    String keyOfDefinition(String processDefinitionId) {
        ProcessDefinition definition = processDefinitionId == null ? null
                : repository.createProcessDefinitionQuery().processDefinitionId(processDefinitionId).singleResult();
        if (definition == null) {
            throw new NotFound("process definition", processDefinitionId);
        }
        return definition.getKey();
    }

    /**
     * The names of the flow nodes of a process's latest version, by id (a node without a name is missing). Read once
     * per definition, so a new version is read when it becomes the latest.
     */
    Map<String, String> nodeNames(String processKey) {
        ProcessDefinition latest = latest(processKey);
        if (latest == null) {
            return Map.of();
        }
        return nodeNames.computeIfAbsent(latest.getId(), id -> {
            Map<String, String> found = new ConcurrentHashMap<>();
            for (FlowElement element : repository.getBpmnModelInstance(id).getModelElementsByType(FlowElement.class)) {
                if (element.getName() != null) {
                    found.put(element.getId(), element.getName().replaceAll("\\s+", " ").trim());
                }
            }
            return found;
        });
    }

    private ProcessDefinition latest(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
    }
}
