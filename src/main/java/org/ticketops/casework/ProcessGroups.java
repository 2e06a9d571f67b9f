package org.ticketops.casework;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * Who works on a process, derived from its BPMN and its case definition: the starter groups
 * ({@code camunda:candidateStarterGroups}) and the worker groups (the candidate groups of its user tasks,
 * plus, for tasks whose groups are an expression, the dynamic groups its {@link CaseDefinition} declares).
 * A process that routes tasks by expression without declaring the groups is refused at start.
 */
record ProcessGroups(Set<String> starters, Set<String> workers) {

    static ProcessGroups of(BpmnModelInstance model, String processKey, Collection<CaseDefinition> definitions) {
        Process process = model.getModelElementById(processKey);
        Set<String> starters = split(process == null ? null : process.getCamundaCandidateStarterGroups());
        Set<String> workers = new LinkedHashSet<>();
        boolean dynamic = false;
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String groups = task.getCamundaCandidateGroups();
            workers.addAll(split(groups));
            dynamic |= groups != null && (groups.contains("${") || groups.contains("#{"));
        }
        if (dynamic) {
            Set<String> declared = definitions.stream().filter(d -> d.processKey().equals(processKey))
                    .flatMap(d -> d.dynamicCandidateGroups().stream()).collect(java.util.stream.Collectors.toSet());
            if (declared.isEmpty()) {
                throw new IllegalStateException("Process " + processKey + " gives tasks to groups by expression, but no"
                        + " CaseDefinition declares which groups those can be (dynamicCandidateGroups)");
            }
            workers.addAll(declared);
        }
        return new ProcessGroups(starters, workers);
    }

    private static Set<String> split(String groups) {
        Set<String> result = new LinkedHashSet<>();
        if (groups == null) {
            return result;
        }
        for (String part : groups.split(",")) {
            String group = part.strip();
            if (!group.isEmpty() && !group.contains("${") && !group.contains("#{")) {
                result.add(group);
            }
        }
        return result;
    }
}
