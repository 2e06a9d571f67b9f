package org.ticketops.performance;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ticketops.performance.*}.
 *
 * @param cycle              when the monthly cycle starts for the month before (Spring cron, in {@code ticketops.zone});
 *                           {@code -} switches it off
 * @param selfAssessmentTime how long the employee has for the self-assessment before the review goes on without it
 * @param acknowledgeTime    how long the employee has to accept or appeal; silence accepts
 * @param targetDistribution the share of each grade HR calibrates towards, in percent
 * @param coefficients       bonus = base bonus × the grade's coefficient
 * @param baseBonus          the base bonus of a member of each group (CNY)
 * @param bonusPool          what the bonuses of each group may add up to per cycle (CNY); more needs HR's reason
 */
@ConfigurationProperties("ticketops.performance")
public record PerformanceProperties(@DefaultValue("0 0 9 1 * *") String cycle,
                                    @DefaultValue("P5D") Duration selfAssessmentTime,
                                    @DefaultValue("P5D") Duration acknowledgeTime,
                                    Map<Grade, Integer> targetDistribution,
                                    Map<Grade, BigDecimal> coefficients,
                                    Map<StaffGroup, BigDecimal> baseBonus,
                                    Map<StaffGroup, BigDecimal> bonusPool) {

    public PerformanceProperties {
        targetDistribution = targetDistribution == null || targetDistribution.isEmpty()
                ? Map.of(Grade.A, 20, Grade.B, 50, Grade.C, 25, Grade.D, 5) : Map.copyOf(targetDistribution);
        coefficients = coefficients == null || coefficients.isEmpty() ? Map.of(Grade.A, new BigDecimal("1.5"),
                Grade.B, new BigDecimal("1.0"), Grade.C, new BigDecimal("0.6"), Grade.D, new BigDecimal("0.0"))
                : Map.copyOf(coefficients);
        baseBonus = baseBonus == null || baseBonus.isEmpty() ? Map.of(StaffGroup.CUSTOMER_SERVICE, new BigDecimal("2000.00"),
                StaffGroup.TICKET_SALES, new BigDecimal("2500.00"), StaffGroup.FINANCE, new BigDecimal("2500.00"),
                StaffGroup.PROCUREMENT, new BigDecimal("2500.00")) : Map.copyOf(baseBonus);
        bonusPool = bonusPool == null || bonusPool.isEmpty() ? Map.of(StaffGroup.CUSTOMER_SERVICE, new BigDecimal("6000.00"),
                StaffGroup.TICKET_SALES, new BigDecimal("5000.00"), StaffGroup.FINANCE, new BigDecimal("5000.00"),
                StaffGroup.PROCUREMENT, new BigDecimal("5000.00")) : Map.copyOf(bonusPool);
        baseBonus = money(baseBonus);
        bonusPool = money(bonusPool);
        for (Grade grade : Grade.values()) {
            if (!coefficients.containsKey(grade) || !targetDistribution.containsKey(grade)) {
                throw new IllegalArgumentException("ticketops.performance: coefficients and target-distribution need A, B, C and D");
            }
        }
        for (StaffGroup group : StaffGroup.values()) {
            if (!baseBonus.containsKey(group) || !bonusPool.containsKey(group)) {
                throw new IllegalArgumentException("ticketops.performance: base-bonus and bonus-pool need every reviewed group");
            }
        }
    }

    private static Map<StaffGroup, BigDecimal> money(Map<StaffGroup, BigDecimal> amounts) {
        Map<StaffGroup, BigDecimal> scaled = new java.util.EnumMap<>(StaffGroup.class);
        amounts.forEach((group, amount) -> scaled.put(group, amount.setScale(2, java.math.RoundingMode.HALF_UP)));
        return Map.copyOf(scaled);
    }

    BigDecimal bonus(StaffGroup group, Grade grade) {
        return baseBonus.get(group).multiply(coefficients.get(grade)).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
