package org.ticketops.decision;

/**
 * The usual way to declare a {@link DecisionTable}: its name, title and input/output types given once to
 * the constructor; the subclass says only how the rules are applied to one input.
 */
public abstract class DecisionTableDescriptor<I, O> implements DecisionTable<I, O> {

    private final String name;
    private final String title;
    private final Class<I> inputType;
    private final Class<O> outputType;

    protected DecisionTableDescriptor(String name, String title, Class<I> inputType, Class<O> outputType) {
        this.name = name;
        this.title = title;
        this.inputType = inputType;
        this.outputType = outputType;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final Class<I> inputType() {
        return inputType;
    }

    @Override
    public final Class<O> outputType() {
        return outputType;
    }
}
