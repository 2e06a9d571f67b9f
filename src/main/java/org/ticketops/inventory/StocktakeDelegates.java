package org.ticketops.inventory;

import static org.ticketops.casework.TaskInputs.actor;
import static org.ticketops.casework.TaskInputs.text;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.web.InvalidField;

/**
 * The steps of {@code processes/stocktaking.bpmn}. The process holds the stocktake's id and its counts' ids; each
 * count's sub-process holds its {@code countId} and what its gateways route on; the rows hold the data.
 */
@Configuration(proxyBeanMethods = false)
class StocktakeDelegates {

    static final Set<String> START_FORM_FIELDS = Set.of("scope", "showId", "eventId");

    @Bean
    JavaDelegate registerStocktake(Stocktakes stocktakes) {
        return execution -> {
            var pending = ProcessIntake.take(StocktakeCase.PROCESS_KEY, Stocktakes.Pending.class);
            Set<String> sent = new TreeSet<>(execution.getVariableNames());
            Stocktakes.Scope scope;
            String user;
            if (pending.isPresent()) {
                if (!sent.isEmpty()) {
                    throw new InvalidField("variables", "a stocktake started over the API starts with none, got " + sent);
                }
                scope = pending.get().scope();
                user = pending.get().user();
            } else {
                sent.removeAll(START_FORM_FIELDS);
                if (!sent.isEmpty()) {
                    throw new InvalidField(sent.iterator().next(), "can't be set when a stocktake starts; only "
                            + String.join(", ", new TreeSet<>(START_FORM_FIELDS)) + " can");
                }
                scope = new Stocktakes.Scope(text(execution, "scope"), number(execution, "showId"), number(execution, "eventId"));
                Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
                user = authentication == null ? null : authentication.getUserId();
                START_FORM_FIELDS.forEach(execution::removeVariable);
            }
            Stocktakes.Registered registered = stocktakes.register(scope, user, execution.getProcessInstanceId());
            execution.setProcessBusinessKey(StocktakeCase.businessKey(registered.stocktakeId()));
            execution.setVariable("stocktakeId", registered.stocktakeId());
            execution.setVariable("countIds", registered.countIds().stream().map(String::valueOf).collect(Collectors.joining(",")));
            execution.setVariable("categoriesToCount", registered.countIds().size());
        };
    }

    @Bean
    TaskListener countTaskCreated(Stocktakes stocktakes, StocktakeTaskContext context) {
        return task -> {
            StockCount count = stocktakes.count(countId(task));
            task.setName((task.getName() == null ? "Task" : task.getName().split(" · ")[0]) + " · " + count.eventName()
                    + " · " + count.categoryName());
            context.form(count).forEach(task::setVariableLocal);
        };
    }

    @Bean
    TaskListener countRecorded(Stocktakes stocktakes) {
        return task -> {
            boolean within = stocktakes.count(countId(task), whole(task, "counted"), text(task, "countSource"), actor(task));
            task.setVariable("withinTolerance", within);
            task.removeVariables(List.of("counted", "countSource"));
        };
    }

    @Bean
    TaskListener varianceExplained(Stocktakes stocktakes) {
        return task -> {
            task.setVariable("adjustmentApprover", stocktakes.explain(countId(task), text(task, "cause"),
                    text(task, "explanation"), actor(task)));
            task.removeVariables(List.of("cause", "explanation"));
        };
    }

    @Bean
    TaskListener adjustmentDecided(Stocktakes stocktakes) {
        return task -> {
            task.setVariable("adjustmentApproved", stocktakes.decide(countId(task), text(task, "adjustmentDecision"),
                    text(task, "adjustmentComment"), actor(task)));
            task.removeVariables(List.of("adjustmentDecision", "adjustmentComment"));
        };
    }

    @Bean
    JavaDelegate applyAdjustment(Stocktakes stocktakes) {
        return execution -> execution.setVariable("adjustmentApplied", stocktakes.apply(countId(execution)));
    }

    @Bean
    JavaDelegate closeStocktake(Stocktakes stocktakes) {
        return execution -> stocktakes.close(((Number) execution.getVariable("stocktakeId")).longValue());
    }


    static long countId(VariableScope scope) {
        return Long.parseLong(scope.getVariable("countId").toString());
    }

    private static Long number(VariableScope scope, String name) {
        String raw = text(scope, name);
        if (raw == null) {
            return null;
        }
        try {
            return Long.valueOf(raw.replaceAll("\\.0+$", ""));
        } catch (NumberFormatException e) {
            throw new InvalidField(name, "must be a whole number");
        }
    }

    private static Integer whole(DelegateTask task, String name) {
        Long value = number(task, name);
        if (value != null && (value > Integer.MAX_VALUE || value < 0)) {
            throw new InvalidField(name, "must be between 0 and " + Integer.MAX_VALUE);
        }
        return value == null ? null : value.intValue();
    }
}
