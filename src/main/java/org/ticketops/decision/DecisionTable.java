package org.ticketops.decision;

/**
 * One decision that a spreadsheet in {@code rules/} takes, declared by the capability that owns it
 * (as a Spring bean). The decision service stores, versions, compiles and evaluates it; the owner
 * says what goes in, what comes out, and how the table's rules are applied to one input.
 *
 * @param <I> the input record (also the fact the table's conditions look at)
 * @param <O> the output record
 */
public interface DecisionTable<I, O> {

    /** Kebab-case name, also the file name in {@code rules/} ({@code refund-fees} → {@code refund-fees.xlsx}). */
    String name();

    /** Short title for people. */
    String title();

    Class<I> inputType();

    Class<O> outputType();

    /** Applies the compiled rules to one input and builds the output. */
    O decide(I input, Rules rules);

    default String fileName() {
        return name() + ".xlsx";
    }

    default String scenariosFileName() {
        return name() + ".scenarios.csv";
    }
}
