package org.ticketops.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** The kernel refuses what a case definition does not allow, and records every move it makes. */
@TicketOpsTest
class CaseTransitionsTest {

    /** A small definition of its own: DRAFT → SUBMITTED → (APPROVED | REJECTED). */
    static final CaseDefinition REVIEWED = definition("TEST_CASE",
            Map.of("DRAFT", Set.of("SUBMITTED"), "SUBMITTED", Set.of("APPROVED", "REJECTED")));

    @Autowired
    CaseService cases;
    @Autowired
    java.util.List<CaseDefinition> definitions;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aCaseMovesOnlyAsItsDefinitionAllowsAndEveryMoveIsRecorded() {
        Case opened = tx.execute(s -> cases.open(REVIEWED, TestData.unique("C"), null, "amy"));
        assertThat(opened.status()).isEqualTo("DRAFT");

        assertThatThrownBy(() -> tx.executeWithoutResult(s -> cases.move(REVIEWED, opened.id(), "APPROVED", "amy", "skip")))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("does not allow")
                .satisfies(e -> assertThat(((TransitionRefused) e).code()).isEqualTo("TRANSITION_NOT_ALLOWED"));
        assertThat(moved(opened.id(), "SUBMITTED", "amy", "ready")).isTrue();
        assertThat(moved(opened.id(), "SUBMITTED", "amy", "again")).isFalse();
        assertThat(moved(opened.id(), "APPROVED", "carl", "looks right")).isTrue();
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> cases.move(REVIEWED, opened.id(), "REJECTED", "carl", "oops")))
                .isInstanceOf(TransitionRefused.class).hasMessageContaining("closed");

        Case closed = cases.get(opened.id());
        assertThat(closed.status()).isEqualTo("APPROVED");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(cases.transitions(opened.id())).extracting(CaseTransition::fromStatus, CaseTransition::toStatus,
                        CaseTransition::actor, CaseTransition::reason)
                .containsExactly(tuple(null, "DRAFT", "amy", "opened"), tuple("DRAFT", "SUBMITTED", "amy", "ready"),
                        tuple("SUBMITTED", "APPROVED", "carl", "looks right"));
    }

    /** The closed statuses of every process are those no move leaves: the sets each definition used to declare. */
    @Test
    void aCaseIsClosedByTheStatusesNoMoveLeaves() {
        assertThat(REVIEWED.closedStatuses()).containsExactlyInAnyOrder("APPROVED", "REJECTED");
        Map<String, Set<String>> closed = new java.util.HashMap<>();
        definitions.forEach(definition -> closed.put(definition.type(), definition.closedStatuses()));
        assertThat(closed).containsExactlyInAnyOrderEntriesOf(Map.of(
                "REFUND_REQUEST", Set.of("COMPLETED", "REJECTED", "WITHDRAWN", "EXPIRED"),
                "PRICE_CHANGE", Set.of("APPLIED", "REJECTED", "WITHDRAWN", "OBSOLETE"),
                "PROCUREMENT_REQUEST", Set.of("STOCKED", "REJECTED", "SUPPLIER_NOT_QUALIFIED", "SUPPLIER_SUSPENDED", "WITHDRAWN"),
                "COMPLAINT", Set.of("RESOLVED", "UNRESOLVED"),
                "PERFORMANCE_CYCLE", Set.of("CLOSED"),
                "PERFORMANCE_REVIEW", Set.of("RECORDED"),
                "SHOW_CANCELLATION", Set.of("COMPLETED"),
                "STOCKTAKE", Set.of("CLOSED"),
                "WRITE_OFF", Set.of("POSTED", "REFUSED"),
                "RECONCILIATION_DAY", Set.of("CLOSED")));
        assertThat(CaseDefinition.number("R", 123)).isEqualTo("R-000123");
        assertThat(CaseDefinition.number("P", 1_234_567)).isEqualTo("P-1234567");
    }

    @Test
    void aCaseOfAnotherTypeIsNotMovedByThisDefinition() {
        Case opened = tx.execute(s -> cases.open(REVIEWED, TestData.unique("C"), null, "amy"));
        CaseDefinition other = definition("OTHER", Map.of("DRAFT", Set.of("SUBMITTED")));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> cases.move(other, opened.id(), "SUBMITTED", "amy", null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(cases.get(opened.id()).status()).isEqualTo("DRAFT");
    }

    @Test
    void theBusinessKeyIsUniquePerCaseType() {
        String key = TestData.unique("K");
        tx.executeWithoutResult(s -> cases.open(REVIEWED, key, null, "amy"));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> cases.open(REVIEWED, key, null, "amy")))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    private boolean moved(long caseId, String to, String actor, String reason) {
        Boolean moved = tx.execute(s -> cases.move(REVIEWED, caseId, to, actor, reason));
        return Boolean.TRUE.equals(moved);
    }

    /** A definition with these moves; its closed statuses are those no move leaves. */
    static CaseDefinition definition(String type, Map<String, Set<String>> moves) {
        return new CaseDefinition() {
            public String type() {
                return type;
            }

            public String processKey() {
                return "none";
            }

            public String initialStatus() {
                return "DRAFT";
            }

            public Map<String, Set<String>> transitions() {
                return moves;
            }
        };
    }

    /** The same definition for another process, whose tasks may go to {@code dynamic} groups. */
    static CaseDefinition withDynamicGroups(CaseDefinition base, String processKey, Set<String> dynamic) {
        return new CaseDefinition() {
            public String type() {
                return base.type();
            }

            public String processKey() {
                return processKey;
            }

            public String initialStatus() {
                return base.initialStatus();
            }

            public Map<String, Set<String>> transitions() {
                return base.transitions();
            }

            public Set<String> dynamicCandidateGroups() {
                return dynamic;
            }
        };
    }
}
