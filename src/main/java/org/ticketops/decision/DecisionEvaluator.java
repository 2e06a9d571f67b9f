package org.ticketops.decision;

/**
 * Decides with a table's version in force (or a given one) and logs nothing: the hot path of a decision, free of the
 * decision service's proxy. Obtained from {@link DecisionService#evaluator()}.
 */
public final class DecisionEvaluator {

    private final DecisionService service;

    DecisionEvaluator(DecisionService service) {
        this.service = service;
    }

    public <I, O> Decision<O> evaluate(DecisionTable<I, O> table, I input) {
        return evaluate(table, service.activeVersion(table.name()).version(), input);
    }

    public <I, O> Decision<O> evaluate(DecisionTable<I, O> table, int version, I input) {
        CompiledTable rules = service.compiledFast(table.name(), version);
        return new Decision<>(table.decide(input, rules), rules.ref());
    }
}
