package org.ticketops.monitor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds the monitor as history happens: a {@link HistoryEventHandler} beside the engine's own (which still writes
 * {@code ACT_HI_*}) turns each process start and end and each flow-node end into a {@link Fact}. The facts of one
 * engine command are written together, in one statement, when the command flushes: in the same transaction as
 * the history, so a rolled-back step leaves no fact. Switched off with {@code ticketops.monitor.history-enabled=false}
 * (then only a rebuild fills the aggregates).
 */
@Component
class MonitorHistory extends AbstractProcessEnginePlugin {

    private final MonitorMapper facts;
    private final boolean enabled;

    MonitorHistory(MonitorMapper facts, MonitorProperties properties) {
        this.facts = facts;
        this.enabled = properties.historyEnabled();
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!enabled) {
            return;
        }
        // the engine's own handler first: an end event often comes without its start time, and the engine's handler
        // completes it from the stored row (and so its duration) before this one reads it
        List<HistoryEventHandler> handlers = new ArrayList<>();
        handlers.add(new DbHistoryEventHandler());
        if (configuration.getCustomHistoryEventHandlers() != null) {
            handlers.addAll(configuration.getCustomHistoryEventHandlers());
        }
        handlers.add(new FactHandler());
        configuration.setCustomHistoryEventHandlers(handlers);
        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<SessionFactory> sessions = new ArrayList<>();
        if (configuration.getCustomSessionFactories() != null) {
            sessions.addAll(configuration.getCustomSessionFactories());
        }
        sessions.add(new FactSessionFactory());
        configuration.setCustomSessionFactories(sessions);
    }

    /**
     * Not a Spring bean on purpose: Camunda's starter adds a {@link HistoryEventHandler} bean to the engine by itself,
     * which would put this one there twice.
     */
    static final class FactHandler implements HistoryEventHandler {
        @Override
        public void handleEvent(HistoryEvent event) {
            if (Context.getCommandContext() == null) {
                return;
            }
            if (event instanceof HistoricTaskInstanceEventEntity task && task.getActivityInstanceId() != null
                    && (task.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE) || task.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE))) {
                Context.getCommandContext().getSession(FactSession.class).taskOfActivity.put(task.getActivityInstanceId(), task.getTaskId());
                return;
            }
            Fact fact = toFact(event);
            if (fact != null) {
                FactSession session = Context.getCommandContext().getSession(FactSession.class);
                session.facts.add(fact);
                if (fact.taskId() == null && "userTask".equals(fact.nodeType()) && event instanceof HistoricActivityInstanceEventEntity a) {
                    session.activityOfFact.put(session.facts.size() - 1, a.getActivityInstanceId());
                }
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            events.forEach(this::handleEvent);
        }
    }

    static Fact toFact(HistoryEvent event) {
        if (event instanceof HistoricProcessInstanceEventEntity p) {
            if (p.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_START)) {
                return new Fact(null, Fact.START, p.getProcessDefinitionKey(), p.getProcessDefinitionId(), p.getProcessInstanceId(),
                        null, null, null, p.getStartTime().toInstant(), p.getStartTime().toInstant(), null);
            }
            if (p.isEventOfType(HistoryEventTypes.PROCESS_INSTANCE_END)) {
                return new Fact(null, Fact.END, p.getProcessDefinitionKey(), p.getProcessDefinitionId(), p.getProcessInstanceId(),
                        p.getEndActivityId() == null ? Fact.CANCELLED : p.getEndActivityId(), null, null,
                        p.getStartTime() == null ? null : p.getStartTime().toInstant(), p.getEndTime().toInstant(), p.getDurationInMillis());
            }
        } else if (event instanceof HistoricActivityInstanceEventEntity a && a.isEventOfType(HistoryEventTypes.ACTIVITY_INSTANCE_END)
                && a.getEndTime() != null && a.getProcessDefinitionKey() != null) {
            return new Fact(null, Fact.NODE, a.getProcessDefinitionKey(), a.getProcessDefinitionId(), a.getProcessInstanceId(),
                    a.getActivityId(), a.getActivityType(), a.getTaskId(), a.getStartTime() == null ? null : a.getStartTime().toInstant(),
                    a.getEndTime().toInstant(), a.getDurationInMillis());
        }
        return null;
    }

    /** The facts of one engine command; written when the command flushes its sessions, before it commits. */
    final class FactSession implements Session {
        final List<Fact> facts = new ArrayList<>();
        /** A user task's end event does not carry its task id; the task's own end event of the command does. */
        final Map<String, String> taskOfActivity = new HashMap<>();
        final Map<Integer, String> activityOfFact = new HashMap<>();

        @Override
        public void flush() {
            if (!facts.isEmpty()) {
                activityOfFact.forEach((index, activityInstanceId) -> {
                    Fact f = facts.get(index);
                    facts.set(index, new Fact(f.id(), f.kind(), f.processKey(), f.processDefinitionId(), f.processInstanceId(),
                            f.nodeId(), f.nodeType(), taskOfActivity.get(activityInstanceId), f.startedAt(), f.happenedAt(), f.durationMs()));
                });
                MonitorHistory.this.facts.insertFacts(List.copyOf(facts));
                close();
            }
        }

        @Override
        public void close() {
            facts.clear();
            taskOfActivity.clear();
            activityOfFact.clear();
        }
    }

    final class FactSessionFactory implements SessionFactory {
        @Override
        public Class<?> getSessionType() {
            return FactSession.class;
        }

        @Override
        public Session openSession() {
            return new FactSession();
        }
    }
}
