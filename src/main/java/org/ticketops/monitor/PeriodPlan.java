package org.ticketops.monitor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * How a period of days (both ends included) is read: the ISO weeks wholly inside it from week rows, the days before
 * and after them from day rows. Two years are ~104 week rows and at most 12 day rows per series.
 */
record PeriodPlan(LocalDate from, LocalDate to, LocalDate firstMonday, LocalDate lastMonday) {

    /** The days asked for, or the 30 days up to today (in the center's zone) for what is not given. */
    static LocalDate[] orLast30Days(LocalDate from, LocalDate to, java.time.Clock clock, java.time.ZoneId zone) {
        LocalDate last = to == null ? clock.instant().atZone(zone).toLocalDate() : to;
        return new LocalDate[]{from == null ? last.minusDays(29) : from, last};
    }

    static PeriodPlan of(LocalDate from, LocalDate to) {
        LocalDate firstMonday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate lastMonday = to.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY)).minusDays(6);
        if (lastMonday.isBefore(firstMonday)) { // no whole week inside
            return new PeriodPlan(from, to, null, null);
        }
        return new PeriodPlan(from, to, firstMonday, lastMonday);
    }

    boolean hasWeeks() {
        return firstMonday != null;
    }

    /** Days read from day rows before the whole weeks (all days when there is no whole week); null when none. */
    LocalDate[] headDays() {
        if (!hasWeeks()) {
            return new LocalDate[]{from, to};
        }
        return firstMonday.isAfter(from) ? new LocalDate[]{from, firstMonday.minusDays(1)} : null;
    }

    /** Days read from day rows after the whole weeks; null when none. */
    LocalDate[] tailDays() {
        if (!hasWeeks()) {
            return null;
        }
        LocalDate lastSunday = lastMonday.plusDays(6);
        return lastSunday.isBefore(to) ? new LocalDate[]{lastSunday.plusDays(1), to} : null;
    }

    /** Reads aggregate rows of one grain between two periods (both included). */
    interface RowReader {
        List<MonitorMapper.Row> read(String grain, LocalDate from, LocalDate to);
    }

    /** The rows that make up this period: its whole weeks' and its edge days'. */
    List<MonitorMapper.Row> rows(RowReader reader) {
        List<MonitorMapper.Row> rows = new ArrayList<>();
        if (hasWeeks()) {
            rows.addAll(reader.read("W", firstMonday, lastMonday));
        }
        for (LocalDate[] days : new LocalDate[][]{headDays(), tailDays()}) {
            if (days != null) {
                rows.addAll(reader.read("D", days[0], days[1]));
            }
        }
        return rows;
    }
}
