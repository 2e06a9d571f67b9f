package org.ticketops.complaint;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;

/** How the customers rated the complaints a member of staff worked on, for their performance review. */
@Service
public class HandledComplaints {

    /** The number of rated complaints and their mean score (1–5, null when none was rated). */
    public record Satisfaction(long rated, BigDecimal mean) {
        public Satisfaction {
            mean = mean == null ? null : mean.setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** A chunk's count and sum of scores. */
    public record Sum(long rated, long total) {
    }

    private static final int CHUNK = 500;
    private final ComplaintMapper complaints;

    HandledComplaints(ComplaintMapper complaints) {
        this.complaints = complaints;
    }

    /** Over the complaints run by these process instances and resolved from {@code from} to {@code to} (exclusive). */
    public Satisfaction satisfaction(Collection<String> processInstanceIds, Instant from, Instant to) {
        List<String> ids = new ArrayList<>(processInstanceIds);
        long rated = 0;
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < ids.size(); i += CHUNK) {
            Sum part = complaints.satisfaction(ids.subList(i, Math.min(ids.size(), i + CHUNK)), from, to);
            if (part != null) {
                rated += part.rated();
                sum = sum.add(BigDecimal.valueOf(part.total()));
            }
        }
        return new Satisfaction(rated, rated == 0 ? null : sum.divide(BigDecimal.valueOf(rated), 2, RoundingMode.HALF_UP));
    }
}
