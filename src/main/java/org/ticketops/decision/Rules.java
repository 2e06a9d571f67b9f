package org.ticketops.decision;

import java.util.Map;

/** One compiled version of a decision table, ready to fire. Thread-safe. */
public interface Rules {

    /**
     * Inserts the facts into a fresh stateless session with these globals and fires every rule
     * that matches. The table's actions write their results into the globals.
     */
    void fire(Map<String, Object> globals, Object... facts);
}
