package org.ticketops.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.StatelessKieSession;

/** A version of a table compiled into a KieBase; evaluations run in stateless sessions. */
final class CompiledTable implements Rules {

    private static final KieCommands COMMANDS = KieServices.get().getCommands();

    private final TableVersionRef ref;
    private final KieBase kieBase;
    /** A session per thread: its globals are set per evaluation, so threads never share them. */
    private final ThreadLocal<StatelessKieSession> sessions;
    private final int ruleCount;

    CompiledTable(TableVersionRef ref, KieBase kieBase, int ruleCount) {
        this.ref = ref;
        this.kieBase = kieBase;
        this.sessions = ThreadLocal.withInitial(kieBase::newStatelessKieSession);
        this.ruleCount = ruleCount;
    }

    TableVersionRef ref() {
        return ref;
    }

    int ruleCount() {
        return ruleCount;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /** Fires like {@link #fire} and answers the names of the rules that fired, in order (the completeness check). */
    List<String> fireTraced(Map<String, Object> globals, Object... facts) {
        List<String> fired = new ArrayList<>();
        StatelessKieSession traced = kieBase.newStatelessKieSession();
        traced.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        List<Command<?>> commands = new ArrayList<>(globals.size() + facts.length);
        globals.forEach((name, value) -> commands.add(COMMANDS.newSetGlobal(name, value)));
        for (Object fact : facts) {
            commands.add(COMMANDS.newInsert(fact));
        }
        traced.execute(COMMANDS.newBatchExecution(commands));
        return fired;
    }

    /**
     * Sets the globals on this thread's session and fires over the facts: no batch command per call (its command
     * objects, its {@code Class.forName}), the same rules and result.
     */
    @Override
    public void fire(Map<String, Object> globals, Object... facts) {
        StatelessKieSession session = sessions.get();
        globals.forEach(session::setGlobal);
        session.execute(facts.length == 1 ? java.util.List.of(facts[0]) : java.util.Arrays.asList(facts));
    }
}
