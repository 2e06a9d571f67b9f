package org.ticketops.decision;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The output of a decision table and the version of the table that decided. */
public record Decision<O>(@JsonUnwrapped O output, TableVersionRef tableVersion) {
}
