package org.ticketops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The project's own BPMN conventions, checked on every file in processes/ without Spring: each process is
 * executable with a history time to live; each user task has candidate groups and a form in forms/; each
 * start event with a form names one there too; the file name is the process key in kebab case; every
 * flow node is drawn; no label states a number (thresholds belong to tables and configuration).
 */
class BpmnConventionsTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    static Stream<Path> processes() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("processes")
    void followsTheConventions(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> forms = formIds();
        List<String> problems = new ArrayList<>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.isExecutable()) {
                problems.add("process " + process.getId() + " is not executable");
            }
            if (process.getCamundaHistoryTimeToLiveString() == null) {
                problems.add("process " + process.getId() + " has no camunda:historyTimeToLive");
            }
            String kebab = process.getId().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
            if (!file.getFileName().toString().equals(kebab + ".bpmn")) {
                problems.add("process " + process.getId() + " should be in processes/" + kebab + ".bpmn");
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
                problems.add("user task " + task.getId() + " has no candidate group");
            }
            checkForm(task.getId(), task.getCamundaFormRef(), forms, true, problems);
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            checkForm(start.getId(), start.getCamundaFormRef(), forms, false, problems);
        }
        Set<String> drawn = model.getModelElementsByType(BpmnShape.class).stream()
                .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element instanceof org.camunda.bpm.model.bpmn.instance.FlowNode && !drawn.contains(element.getId())) {
                problems.add(element.getId() + " has no shape in the diagram");
            }
            if (element.getName() != null && element.getName().matches(".*\\d.*")) {
                problems.add(element.getId() + " is labelled \"" + element.getName()
                        + "\": a label never states a number (it lives in a table or configuration)");
            }
        }
        assertThat(problems).as(file.toString()).isEmpty();
    }

    private static void checkForm(String id, String formRef, Set<String> forms, boolean required, List<String> problems) {
        if (formRef == null) {
            if (required) {
                problems.add(id + " has no camunda:formRef");
            }
        } else if (!formRef.contains("${") && !forms.contains(formRef)) {
            problems.add(id + " refers to form '" + formRef + "', which no file in forms/ has as its id");
        }
    }

    private static Set<String> formIds() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(f -> f.toString().endsWith(".form")).map(f -> {
                try {
                    return JSON.readTree(f.toFile()).path("id").asText();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
    }
}
