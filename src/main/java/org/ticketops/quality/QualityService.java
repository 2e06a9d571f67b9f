package org.ticketops.quality;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.InvalidField;

/** Works out the service-quality figures of a period from complaints and surveys (see {@link QualityReport}). */
@Service
public class QualityService {

    private final QualityMapper quality;
    private final ZoneId zone;

    QualityService(QualityMapper quality, TicketOpsProperties ticketOps) {
        this.quality = quality;
        this.zone = ticketOps.zone();
    }

    public QualityReport report(Instant from, Instant to) {
        if (from == null || to == null || !to.isAfter(from)) {
            throw new InvalidField("to", "must be after from");
        }
        if (Duration.between(from, to).toDays() > 731) {
            throw new InvalidField("to", "a report covers at most two years");
        }
        List<QualityMapper.ComplaintRow> rows = quality.complaints(from, to);
        List<QualityMapper.SurveyRow> surveys = quality.surveys(from, to);

        List<QualityMapper.ComplaintRow> responded = rows.stream().filter(r -> r.firstRespondedAt != null || r.firstResponseBreaches > 0).toList();
        long respondedOnTime = responded.stream().filter(r -> r.firstResponseBreaches == 0).count();
        List<QualityMapper.ComplaintRow> closed = rows.stream().filter(r -> r.closedAt != null).toList();
        long closedOnTime = closed.stream().filter(r -> r.resolutionBreaches == 0).count();
        BigDecimal meanHours = closed.isEmpty() ? null : BigDecimal.valueOf(closed.stream()
                .mapToLong(r -> Duration.between(r.registeredAt, r.closedAt).toSeconds() - r.pausedSeconds).average().orElse(0))
                .divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_UP);

        List<QualityMapper.SurveyRow> answered = surveys.stream().filter(s -> s.submittedAt != null).toList();
        Map<Integer, Long> satisfaction = distribution(answered.stream().map(s -> s.score).toList(), 1, 5);
        Map<Integer, Long> npsScores = distribution(answered.stream().map(s -> s.nps).toList(), 0, 10);
        BigDecimal meanSatisfaction = answered.isEmpty() ? null : BigDecimal.valueOf(answered.stream().mapToInt(s -> s.score)
                .average().orElse(0)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal nps = answered.isEmpty() ? null : BigDecimal.valueOf(100.0 * (answered.stream().filter(s -> s.nps >= 9).count()
                - answered.stream().filter(s -> s.nps <= 6).count()) / answered.size()).setScale(1, RoundingMode.HALF_UP);

        Map<String, List<String>> topRootCauses = new TreeMap<>();
        rows.stream().filter(r -> r.rootCause != null).collect(Collectors.groupingBy(r -> r.category, TreeMap::new,
                Collectors.groupingBy(r -> r.rootCause, Collectors.counting()))).forEach((category, causes) ->
                topRootCauses.put(category, causes.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey())).limit(3).map(e -> e.getKey() + " (" + e.getValue() + ")").toList()));
        Map<String, Long> byWeek = rows.stream().collect(Collectors.groupingBy(r -> week(r.registeredAt), TreeMap::new, Collectors.counting()));
        int repeat = (int) rows.stream().collect(Collectors.groupingBy(r -> r.customerId, Collectors.counting())).values().stream()
                .filter(n -> n > 1).count();

        return new QualityReport(from, to, rows.size(), count(rows, r -> r.category), count(rows, r -> r.severity),
                count(rows.stream().filter(r -> r.rootCause != null).toList(), r -> r.rootCause), count(rows, r -> r.channel),
                rate(respondedOnTime, responded.size()), rate(closedOnTime, closed.size()), meanHours, meanSatisfaction,
                satisfaction, nps, npsScores, repeat, topRootCauses, byWeek, surveys.size(), answered.size(),
                rate(answered.size(), surveys.size()));
    }

    /** The figures as CSV rows: figure, key, value. */
    public String csv(QualityReport r) {
        StringBuilder out = new StringBuilder("figure,key,value\n");
        line(out, "complaints", "", r.complaints());
        r.byCategory().forEach((k, v) -> line(out, "by category", k, v));
        r.bySeverity().forEach((k, v) -> line(out, "by severity", k, v));
        r.byRootCause().forEach((k, v) -> line(out, "by root cause", k, v));
        r.byChannel().forEach((k, v) -> line(out, "by channel", k, v));
        line(out, "first response on time", "rate", r.firstResponseOnTimeRate());
        line(out, "resolution on time", "rate", r.resolutionOnTimeRate());
        line(out, "mean time to resolve", "hours", r.meanHoursToResolve());
        line(out, "satisfaction", "mean", r.meanSatisfaction());
        r.satisfaction().forEach((k, v) -> line(out, "satisfaction", String.valueOf(k), v));
        line(out, "nps", "", r.nps());
        r.npsScores().forEach((k, v) -> line(out, "nps score", String.valueOf(k), v));
        line(out, "repeat complainants", "", r.repeatComplainants());
        r.topRootCausesByCategory().forEach((k, v) -> line(out, "top root causes", k, String.join(" ", v)));
        r.byWeek().forEach((k, v) -> line(out, "by week", k, v));
        line(out, "surveys", "sent", r.surveysSent());
        line(out, "surveys", "answered", r.surveysAnswered());
        line(out, "surveys", "response rate", r.surveyResponseRate());
        return out.toString();
    }

    private static void line(StringBuilder out, String figure, String key, Object value) {
        out.append(figure).append(',').append(key).append(',').append(value == null ? "" : value).append('\n');
    }

    private String week(Instant at) {
        var day = at.atZone(zone).toLocalDate();
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static <T> Map<String, Long> count(List<T> rows, Function<T, String> key) {
        return rows.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static Map<Integer, Long> distribution(List<Integer> values, int low, int high) {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (int v = low; v <= high; v++) {
            int value = v;
            counts.put(v, values.stream().filter(x -> x == value).count());
        }
        return counts;
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
