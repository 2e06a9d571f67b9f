package org.ticketops.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** Authorizations follow who works on a process, dynamic groups included (no Spring needed). */
class ProcessGroupsTest {

    static final BpmnModelInstance ROUTED = starters(Bpmn.createExecutableProcess("routedApproval")
            .startEvent().userTask("check").camundaCandidateGroups("procurement, operations-manager")
            .userTask("approve").camundaCandidateGroups("${approverGroup}").endEvent().done(), "routedApproval", "procurement");

    @Test
    void dynamicGroupsDeclaredByTheCaseDefinitionWorkOnTheProcess() {
        ProcessGroups groups = ProcessGroups.of(ROUTED, "routedApproval",
                List.of(definition("routedApproval", Set.of("finance", "general-manager")), definition("other", Set.of("hr"))));
        assertThat(groups.starters()).containsExactly("procurement");
        assertThat(groups.workers()).containsExactlyInAnyOrder("procurement", "operations-manager", "finance",
                "general-manager").doesNotContain("hr");
    }

    @Test
    void aProcessThatRoutesByExpressionWithoutDeclaringItsGroupsIsRefused() {
        assertThatThrownBy(() -> ProcessGroups.of(ROUTED, "routedApproval", List.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("dynamicCandidateGroups");
    }

    @Test
    void staticGroupsNeedNoDeclaration() {
        BpmnModelInstance fixed = starters(Bpmn.createExecutableProcess("fixed")
                .startEvent().userTask("t").camundaCandidateGroups("hr").endEvent().done(), "fixed", "hr");
        assertThat(ProcessGroups.of(fixed, "fixed", List.of()).workers()).containsExactly("hr");
    }

    private static BpmnModelInstance starters(BpmnModelInstance model, String processKey, String groups) {
        model.<org.camunda.bpm.model.bpmn.instance.Process>getModelElementById(processKey).setCamundaCandidateStarterGroups(groups);
        return model;
    }

    private static CaseDefinition definition(String processKey, Set<String> dynamic) {
        return CaseTransitionsTest.withDynamicGroups(
                CaseTransitionsTest.definition(processKey.toUpperCase(), Map.of("DRAFT", Set.of("DONE"))),
                processKey, dynamic);
    }
}
