package org.ticketops.casework;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveExecutionVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import org.ticketops.identity.Groups;
import org.ticketops.platform.SourceFolders;
import org.ticketops.web.InvalidField;
import org.ticketops.web.ProblemException;

/**
 * What a person may put into a process through the engine's APIs (Tasklist, {@code /engine-rest}): completing a task
 * with a Camunda Form carries that form's fields and nothing else (a {@code complaintId} slipped into an
 * investigation's completion would point the process at another complaint); and a person changes no process's or
 * task's variables directly (only camunda-admin, for repairs in Cockpit). Enforced in the engine, on every command,
 * whichever API it came through; the process's own steps set variables on their executions and are not affected.
 */
@Component
class TaskVariableGuard extends AbstractProcessEnginePlugin {

    private final Map<String, Set<String>> formFields = new HashMap<>();

    TaskVariableGuard(SourceFolders folders, ObjectMapper json) {
        for (Resource form : folders.list(SourceFolders.Kind.FORMS, ".form")) {
            try (InputStream in = form.getInputStream()) {
                JsonNode tree = json.readTree(in);
                Set<String> keys = new HashSet<>();
                tree.findValues("key").forEach(k -> keys.add(k.asText()));
                formFields.put(tree.path("id").asText(), keys);
            } catch (IOException e) {
                throw new UncheckedIOException("Can't read the form " + form, e);
            }
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPostCommandInterceptorsTxRequired(new java.util.ArrayList<>());
        }
        configuration.getCustomPostCommandInterceptorsTxRequired().add(new Guard());
    }

    private final class Guard extends CommandInterceptor {
        @Override
        public <T> T execute(Command<T> command) {
            if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
                Object variables = field(command, command instanceof CompleteTaskCmd ? "variables" : "properties");
                if (variables instanceof Map<?, ?> map && !map.isEmpty()) {
                    checkForm((String) field(command, "taskId"), map.keySet());
                }
            } else if (command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
                    || command instanceof RemoveTaskVariablesCmd || command instanceof RemoveExecutionVariablesCmd) {
                CommandContext context = Context.getCommandContext();
                String user = context == null ? null : context.getAuthenticatedUserId();
                if (user != null && !context.getAuthenticatedGroupIds().contains(Groups.ADMIN)) {
                    throw new VariablesReadOnly(user);
                }
            }
            return next.execute(command);
        }

        private void checkForm(String taskId, Set<?> names) {
            CommandContext context = Context.getCommandContext();
            TaskEntity task = context == null || taskId == null ? null : context.getTaskManager().findTaskById(taskId);
            if (task != null) {
                task.initializeFormKey();
            }
            if (task == null || task.getCamundaFormRef() == null) {
                return; // no task (the engine answers that) or no Camunda Form: nothing to hold the fields to
            }
            Set<String> fields = formFields.get(task.getCamundaFormRef().getKey());
            if (fields == null) {
                return;
            }
            Set<String> foreign = new TreeSet<>();
            names.forEach(n -> {
                if (!fields.contains(String.valueOf(n))) {
                    foreign.add(String.valueOf(n));
                }
            });
            if (!foreign.isEmpty()) {
                throw new InvalidField(foreign.iterator().next(), "is not a field of this task's form ("
                        + String.join(", ", new TreeSet<>(fields)) + "); nothing else can be set when it is completed");
            }
        }
    }

    private static Object field(Object command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException next) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return null;
    }

    /** A person setting a variable directly: 403. */
    static final class VariablesReadOnly extends ProblemException {
        VariablesReadOnly(String user) {
            super(Kind.FORBIDDEN, "VARIABLES_READ_ONLY", "Variables are read-only",
                    user + " may not change a process's variables directly; they change through a task's form.");
        }
    }
}
