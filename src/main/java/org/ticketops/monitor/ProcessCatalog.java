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
        TreeSet<String> keys = new TreeSet<>(withFigures);
        repository.createProcessDefinitionQuery().latestVersion().list().forEach(d -> keys.add(d.getKey()));
        return keys.stream().sorted(Comparator.comparing(this::name, String.CASE_INSENSITIVE_ORDER)).toList();
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

    /** The name a flow node has in the latest version of its process (its id when it has none or is gone). */
    String nodeName(String processKey, String nodeId) {
        Map<String, String> names = nodeNames.computeIfAbsent(processKey, key -> {
            ProcessDefinition latest = latest(key);
            Map<String, String> found = new ConcurrentHashMap<>();
            if (latest != null) {
                for (FlowElement element : repository.getBpmnModelInstance(latest.getId()).getModelElementsByType(FlowElement.class)) {
                    if (element.getName() != null) {
                        found.put(element.getId(), element.getName().replaceAll("\\s+", " ").trim());
                    }
                }
            }
            return found;
        });
        return names.getOrDefault(nodeId, nodeId);
    }

    private ProcessDefinition latest(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult();
    }
}
