package org.ticketops.decision;

/** What a logged decision was about: for example a refund request and its process instance. */
public record DecisionSubject(String type, String id, String processInstanceId) {
}
