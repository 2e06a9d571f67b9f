package org.ticketops.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.casework.CaseService;
import org.ticketops.web.InvalidField;

/**
 * HR's calibration of a whole cycle: the grade distribution against the target, each group's bonuses against its
 * pool, and grade changes each with its reason. A total over a group's pool needs HR's confirmation with a reason;
 * without it nothing is changed.
 */
@Service
public class PerformanceCalibration {

    static final int MIN_REASON = 10;
    static final int MAX_REASON = 2000;

    /** One group's standing: members, grades and bonuses against its pool. */
    public record GroupFigures(StaffGroup group, int members, Map<Grade, Integer> grades, BigDecimal bonuses,
                               BigDecimal pool) {
        public boolean overPool() {
            return bonuses.compareTo(pool) > 0;
        }
    }

    /** The cycle's figures as HR sees them in the form. */
    public record Figures(int reviews, Map<Grade, Integer> grades, Map<Grade, Integer> target, List<GroupFigures> groups) {
    }

    private final PerformanceMapper mapper;
    private final PerformanceReviews reviews;
    private final PerformanceCycles cycles;
    private final CaseService cases;
    private final PerformanceCycleCase cycleCase;
    private final PerformanceProperties properties;

    PerformanceCalibration(PerformanceMapper mapper, PerformanceReviews reviews, PerformanceCycles cycles, CaseService cases,
                           PerformanceCycleCase cycleCase, PerformanceProperties properties) {
        this.mapper = mapper;
        this.reviews = reviews;
        this.cycles = cycles;
        this.cases = cases;
        this.cycleCase = cycleCase;
        this.properties = properties;
    }

    public Figures figures(long cycleId) {
        return figures(mapper.reviewsOfCycle(cycleId), Map.of());
    }

    Figures figures(List<Review> all, Map<String, Grade> changed) {
        Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
        Map<StaffGroup, GroupFigures> groups = new LinkedHashMap<>();
        for (Grade g : Grade.values()) {
            grades.put(g, 0);
        }
        for (StaffGroup group : StaffGroup.values()) {
            Map<Grade, Integer> counts = new EnumMap<>(Grade.class);
            for (Grade g : Grade.values()) {
                counts.put(g, 0);
            }
            groups.put(group, new GroupFigures(group, 0, counts, BigDecimal.ZERO.setScale(2), properties.bonusPool().get(group)));
        }
        for (Review review : all) {
            Grade grade = changed.getOrDefault(review.employee(), review.grade());
            if (grade == null) {
                continue;
            }
            grades.merge(grade, 1, Integer::sum);
            GroupFigures before = groups.get(review.staffGroup());
            before.grades().merge(grade, 1, Integer::sum);
            groups.put(review.staffGroup(), new GroupFigures(before.group(), before.members() + 1, before.grades(),
                    before.bonuses().add(properties.bonus(review.staffGroup(), grade)), before.pool()));
        }
        return new Figures(all.size(), grades, properties.targetDistribution(),
                groups.values().stream().filter(g -> g.members() > 0).toList());
    }

    /**
     * Applies HR's changes (one per line: {@code employee, grade, reason}) and closes calibration. Refuses, changing
     * nothing, an unknown employee, a bad grade, a change without a reason, or a total over a pool without confirmation.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Figures calibrate(long cycleId, String changes, boolean overrunConfirmed, String overrunReason, String user) {
        Cycle cycle = cycles.cycle(cycleId);
        List<Review> all = mapper.reviewsOfCycle(cycleId);
        Map<String, Review> byEmployee = new LinkedHashMap<>();
        all.forEach(r -> byEmployee.put(r.employee(), r));
        Map<String, Grade> changed = new LinkedHashMap<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        String text = PerformanceReviews.limit("gradeChanges", changes, 20_000);
        int line = 0;
        for (String raw : text == null ? new String[0] : text.split("\\R")) {
            line++;
            if (raw.isBlank()) {
                continue;
            }
            String[] parts = raw.split(",", 3);
            String where = "line " + line + ": ";
            if (parts.length < 3) {
                throw new InvalidField("gradeChanges", where + "write employee, grade, reason");
            }
            String employee = parts[0].strip();
            Review review = byEmployee.get(employee);
            if (review == null) {
                throw new InvalidField("gradeChanges", where + "no review of '" + employee + "' in this cycle");
            }
            Grade grade;
            try {
                grade = Grade.valueOf(parts[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("gradeChanges", where + "the grade must be A, B, C or D");
            }
            String reason = parts[2].strip();
            if (reason.length() < MIN_REASON || reason.length() > MAX_REASON) {
                throw new InvalidField("gradeChanges", where + "a reason of " + MIN_REASON + " to " + MAX_REASON
                        + " characters is needed");
            }
            if (changed.put(employee, grade) != null) {
                throw new InvalidField("gradeChanges", where + employee + " is changed twice");
            }
            reasons.put(employee, reason);
        }
        Figures after = figures(all, changed);
        List<GroupFigures> over = after.groups().stream().filter(GroupFigures::overPool).toList();
        String why = PerformanceReviews.limit("overrunReason", overrunReason, 1000);
        if (!over.isEmpty() && (!overrunConfirmed || why == null || why.length() < MIN_REASON)) {
            StringBuilder detail = new StringBuilder();
            over.forEach(g -> detail.append(detail.length() == 0 ? "" : "; ").append(org.ticketops.web.Display.words(g.group()))
                    .append(" ").append(org.ticketops.web.Display.money(g.bonuses())).append(" over its pool of ")
                    .append(org.ticketops.web.Display.money(g.pool())));
            throw new InvalidField("overrunReason", "the bonuses go over the pool (" + detail
                    + "): confirm the overrun with a reason of at least " + MIN_REASON + " characters, or change grades");
        }
        for (Review review : all) {
            reviews.calibrate(review, changed.get(review.employee()), reasons.get(review.employee()), user);
        }
        cases.move(cycleCase, cycle.caseId(), PerformanceCycleCase.CALIBRATED, user, over.isEmpty()
                ? "calibrated within the pools" : "calibrated over the pool: " + why);
        mapper.calibrated(cycleId, user, cycles.now(), over.isEmpty() ? null : why);
        return after;
    }

    /** A share in percent, one decimal. */
    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }
}
