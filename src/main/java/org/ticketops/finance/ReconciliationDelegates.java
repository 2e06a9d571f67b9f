package org.ticketops.finance;

import static org.ticketops.casework.TaskInputs.actor;
import static org.ticketops.casework.TaskInputs.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.web.Display;
import org.ticketops.web.InvalidField;

/** The steps of {@code processes/daily-reconciliation.bpmn}; the day's row holds the data, the process its id. */
@Configuration(proxyBeanMethods = false)
class ReconciliationDelegates {

    @Bean
    JavaDelegate registerReconciliationDay(Reconciliations reconciliations) {
        return execution -> {
            Reconciliations.Pending pending = ProcessIntake.take(ReconciliationCase.PROCESS_KEY, Reconciliations.Pending.class)
                    .orElseThrow(() -> new InvalidField("day", "a day is reconciled over the API or by its schedule"));
            Set<String> sent = new TreeSet<>(execution.getVariableNames());
            if (!sent.isEmpty()) {
                throw new InvalidField("variables", "a reconciliation starts with none, got " + sent);
            }
            long id = reconciliations.register(pending.day(), pending.user(), execution.getProcessInstanceId());
            execution.setProcessBusinessKey(ReconciliationCase.businessKey(pending.day()));
            execution.setVariable("dayId", id);
            execution.setVariable("businessDay", pending.day().toString());
        };
    }

    @Bean
    JavaDelegate reconcileDay(Reconciliations reconciliations) {
        return execution -> execution.setVariable("mismatchCount", reconciliations.reconcile(dayId(execution)));
    }

    @Bean
    JavaDelegate computeRiskWarnings(RiskWarnings warnings) {
        return execution -> {
            List<RiskWarning> made = warnings.compute(LocalDate.parse((String) execution.getVariable("businessDay")),
                    dayId(execution), execution.getProcessInstanceId());
            execution.setVariable("riskWarnings", made.stream().filter(w -> w.level() != RiskLevel.INFO).count());
        };
    }

    @Bean
    TaskListener reconciliationTaskCreated(Reconciliations reconciliations) {
        return task -> {
            ReconciliationDay day = reconciliations.day(dayId(task));
            task.setName((task.getName() == null ? "Task" : task.getName().split(" · ")[0]) + " · " + day.businessDay()
                    + (day.mismatchCount() == null || day.mismatchCount() == 0 ? "" : " · " + day.mismatchCount() + " mismatches"));
            task.setVariableLocal("dayTitle", "Reconciliation of " + day.businessDay() + " (" + day.businessKey() + ")");
            task.setVariableLocal("daySummary", "| | Count | Amount |\n|---|---|---|\n| Payments through the provider | "
                    + day.paymentsCount() + " | " + Display.money(day.paymentsTotal()) + " |\n| Settlement lines | "
                    + day.settledCount() + " | " + Display.money(day.settledTotal()) + " |\n| Provider fees | | "
                    + Display.money(day.feesTotal()) + " |\n| Mismatches | " + day.mismatchCount() + " | |\n");
            List<Mismatch> mismatches = reconciliations.mismatches(day.id());
            List<String> rows = mismatches.stream().map(m -> "| " + m.id() + " | " + Display.words(m.kind()) + " | "
                    + m.reference() + " | " + Display.money(m.expected()) + " | " + Display.money(m.actual()) + " | "
                    + (m.resolution() == null ? "" : m.resolution() + (m.note() == null ? "" : ": " + m.note())) + " |\n").toList();
            String table = Display.formTable("| No. | Kind | Reference | Ours | Settled | Resolution |\n|---|---|---|---|---|---|\n",
                    rows, shown -> "The first " + shown + " of " + rows.size() + " are shown; all: GET /api/reconciliation/days/"
                            + day.businessDay());
            task.setVariableLocal("mismatchTable", mismatches.isEmpty() ? "No mismatches." : table);
        };
    }

    @Bean
    TaskListener mismatchesResolved(Reconciliations reconciliations) {
        return task -> {
            reconciliations.resolve(dayId(task), text(task, "resolutions"), actor(task));
            task.removeVariables(List.of("resolutions"));
        };
    }

    @Bean
    TaskListener daySignedOff(Reconciliations reconciliations) {
        return task -> {
            reconciliations.signOff(dayId(task), text(task, "signOffComment"), actor(task));
            task.removeVariables(List.of("signOffComment"));
        };
    }

    static long dayId(VariableScope scope) {
        return ((Number) scope.getVariable("dayId")).longValue();
    }

}
