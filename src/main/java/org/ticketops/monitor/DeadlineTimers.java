package org.ticketops.monitor;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

/**
 * Which timers are deadlines: a timer boundary event on a task or sub-process is a deadline, and its firing a
 * breach, unless the BPMN marks it otherwise with the extension property {@code deadline} = {@code warning} (it
 * fires before the deadline) or {@code none}. So a process added later is counted without code; see
 * docs/adding-a-process.md. Read once per process definition from the engine's own model.
 */
@Component
public class DeadlineTimers {

    static final String PROPERTY = "deadline";
    private final RepositoryService repository;
    private final Map<String, Set<String>> byDefinition = new ConcurrentHashMap<>();

    DeadlineTimers(RepositoryService repository) {
        this.repository = repository;
    }

    boolean isBreach(String processDefinitionId, Fact fact) {
        return "boundaryTimer".equals(fact.nodeType()) && of(processDefinitionId).contains(fact.nodeId());
    }

    /** Whether the timer {@code activityId} of a process definition is a deadline (its firing a breach). */
    public boolean isDeadline(String processDefinitionId, String activityId) {
        return of(processDefinitionId).contains(activityId);
    }

    /** The ids of the deadline timers of a process definition. */
    Set<String> of(String processDefinitionId) {
        return byDefinition.computeIfAbsent(processDefinitionId, id -> {
            try {
                return repository.getBpmnModelInstance(id).getModelElementsByType(BoundaryEvent.class).stream()
                        .filter(b -> !b.getChildElementsByType(TimerEventDefinition.class).isEmpty())
                        .filter(b -> isDeadline(b))
                        .map(BoundaryEvent::getId).collect(Collectors.toUnmodifiableSet());
            } catch (RuntimeException gone) { // a definition deleted since: nothing to count against
                return Set.of();
            }
        });
    }

    private static boolean isDeadline(BoundaryEvent timer) {
        if (timer.getExtensionElements() == null) {
            return true;
        }
        return timer.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(p -> p.getCamundaProperties().stream())
                .filter(p -> PROPERTY.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue)
                .noneMatch(v -> "warning".equals(v) || "none".equals(v));
    }
}
