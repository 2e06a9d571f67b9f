package org.ticketops.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.ticketops.web.ProblemException;

/**
 * What the process tests share: the flow nodes their instances passed (a class proves every node of its process was
 * passed), completing a task as a person would in Tasklist, and the refusal a call met.
 */
public final class ProcessPaths {

    private final String processKey;
    private final Set<String> passed = ConcurrentHashMap.newKeySet();

    public ProcessPaths(String processKey) {
        this.processKey = processKey;
    }

    /** Notes the flow nodes these instances passed (from the engine's history). */
    public void collect(ProcessEngine engine, Collection<String> processInstanceIds) {
        for (String id : processInstanceIds) {
            engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(id).list()
                    .forEach(a -> passed.add(a.getActivityId()));
        }
    }

    /** Every flow node of the process's latest version was passed by some test; prints the figure. */
    public void assertEveryFlowNodePassed(ProcessEngine engine) {
        RepositoryService repository = engine.getRepositoryService();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        Set<String> nodes = repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(FlowNode.class)
                .stream().map(FlowNode::getId).collect(Collectors.toSet());
        Set<String> missed = new HashSet<>(nodes);
        missed.removeAll(passed);
        System.out.printf("%s: %d of %d flow nodes passed%n", processKey, nodes.size() - missed.size(), nodes.size());
        assertThat(missed).as("flow nodes no test passed").isEmpty();
    }

    /**
     * Completes as {@code user} with their groups, as Tasklist does: claims an unassigned task first, and gives it back
     * when the completion is refused, so that the next person may take it.
     */
    public static void complete(ProcessEngine engine, Task task, String user, Map<String, Object> variables) {
        IdentityService identity = engine.getIdentityService();
        TaskService tasks = engine.getTaskService();
        List<String> groups = new ArrayList<>();
        identity.createGroupQuery().groupMember(user).list().forEach(g -> groups.add(g.getId()));
        identity.setAuthentication(user, groups);
        boolean claimed = false;
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), user);
                claimed = true;
            }
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
            if (claimed && tasks.createTaskQuery().taskId(task.getId()).count() > 0) {
                tasks.setAssignee(task.getId(), null);
            }
        }
    }

    /** The refusal a call met: the named problem or the engine's authorization, also when a task listener's was wrapped. */
    public static Throwable refusal(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("refused").isNotNull();
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException || cause instanceof AuthorizationException) {
                return cause;
            }
        }
        return thrown;
    }
}
