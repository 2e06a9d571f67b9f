package org.ticketops.finance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.casework.CaseService;
import org.ticketops.casework.ProcessIntake;
import org.ticketops.identity.FourEyesViolation;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.InvalidField;
import org.ticketops.web.NotFound;
import org.ticketops.web.ProblemException;

/**
 * The daily reconciliation: a business day's payments through the provider matched with the provider's settlement
 * lines by reference; every mismatch a line to resolve (WRITE_OFF, REFUND, CORRECTED, FOLLOW_UP), then the day
 * signed off and closed. A day is reconciled once (a unique key). A closed day is never changed: a later correction is
 * posted to the current day and refers to the closed one.
 */
@Service
public class Reconciliations {

    private static final Logger log = LoggerFactory.getLogger(Reconciliations.class);
    static final Set<String> RESOLUTIONS = Set.of("WRITE_OFF", "REFUND", "CORRECTED", "FOLLOW_UP");
    public static final String RECEIVABLES = "PAYMENT_RECEIVABLES";
    public static final String RECONCILIATION_WRITE_OFF = "RECONCILIATION_WRITE_OFF";
    private static final int CHUNK = 1000;

    record Pending(LocalDate day, String user) {
    }

    private final ReconciliationMapper mapper;
    private final SettlementMapper settlements;
    private final SettlementFiles files;
    private final CaseService cases;
    private final ReconciliationCase definition;
    private final FinancePostings postings;
    private final RuntimeService runtime;
    private final TicketOpsProperties ticketOps;
    private final Clock clock;

    Reconciliations(ReconciliationMapper mapper, SettlementMapper settlements, SettlementFiles files, CaseService cases,
                    ReconciliationCase definition, FinancePostings postings, RuntimeService runtime,
                    TicketOpsProperties ticketOps, Clock clock) {
        this.mapper = mapper;
        this.settlements = settlements;
        this.files = files;
        this.cases = cases;
        this.definition = definition;
        this.postings = postings;
        this.runtime = runtime;
        this.ticketOps = ticketOps;
        this.clock = clock;
    }

    /** Starts the reconciliation of a day that has ended; 409 when it was reconciled already. */
    public ReconciliationDay start(LocalDate day, String user) {
        if (day == null || !day.isBefore(postings.today())) {
            throw new InvalidField("day", "must be a business day that has ended (before " + postings.today() + ")");
        }
        if (mapper.idOf(day) != null) {
            throw new DayReconciled(day);
        }
        try {
            ProcessIntake.start(runtime, ReconciliationCase.PROCESS_KEY, new Pending(day, user));
        } catch (RuntimeException raced) {
            for (Throwable cause = raced; cause != null; cause = cause.getCause()) {
                if (cause instanceof DuplicateKeyException) {
                    throw new DayReconciled(day);
                }
            }
            throw raced;
        }
        return mapper.dayOf(day);
    }

    /** Every night ({@code ticketops.reconciliation.schedule}, center's zone): the day before, once. */
    @Scheduled(cron = "${ticketops.reconciliation.schedule:0 0 2 * * *}", zone = "${ticketops.zone:Asia/Shanghai}")
    public void startScheduled() {
        LocalDate yesterday = postings.today().minusDays(1);
        try {
            start(yesterday, "system");
        } catch (DayReconciled already) {
            log.info("Business day {} already reconciled", yesterday);
        }
    }

    /** The first step: picks up the inbox's settlement files, registers the day and opens its case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long register(LocalDate day, String user, String processInstanceId) {
        files.importInbox();
        var row = new ReconciliationMapper.DayRow();
        row.businessDay = day;
        row.processInstanceId = processInstanceId;
        mapper.insertDay(row);
        var opened = cases.open(definition, ReconciliationCase.businessKey(day), processInstanceId, user);
        mapper.attach(row.id, opened.id());
        return row.id;
    }

    /** Matches the day's provider payments with the settlement lines of that value date; returns the mismatches. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reconcile(long dayId) {
        ReconciliationDay day = day(dayId);
        Instant from = day.businessDay().atStartOfDay(ticketOps.zone()).toInstant();
        Instant to = day.businessDay().plusDays(1).atStartOfDay(ticketOps.zone()).toInstant();
        List<ReconciliationMapper.ProviderPayment> payments = mapper.providerPayments(from, to);
        List<SettlementMapper.Stored> lines = settlements.linesOf(day.businessDay());
        Map<String, ReconciliationMapper.ProviderPayment> byReference = new HashMap<>();
        BigDecimal paymentsTotal = BigDecimal.ZERO;
        for (ReconciliationMapper.ProviderPayment p : payments) {
            byReference.put(p.externalReference(), p);
            paymentsTotal = paymentsTotal.add(signed(p));
        }
        Map<String, SettlementMapper.Stored> settled = new LinkedHashMap<>();
        List<ReconciliationMapper.NewMismatch> mismatches = new ArrayList<>();
        BigDecimal settledTotal = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (SettlementMapper.Stored line : lines) {
            settledTotal = settledTotal.add(line.amount());
            fees = fees.add(line.fee());
            if (settled.putIfAbsent(line.reference(), line) != null) {
                mismatches.add(new ReconciliationMapper.NewMismatch("DUPLICATE", line.reference(), null, line.id(), null,
                        line.amount()));
                continue;
            }
            ReconciliationMapper.ProviderPayment payment = byReference.get(line.reference());
            if (payment == null) {
                mismatches.add(new ReconciliationMapper.NewMismatch("PAID_NO_ORDER", line.reference(), null, line.id(), null,
                        line.amount()));
            } else if (signed(payment).compareTo(line.amount()) != 0) {
                mismatches.add(new ReconciliationMapper.NewMismatch("AMOUNT_DIFFERS", line.reference(), payment.id(), line.id(),
                        signed(payment), line.amount()));
            }
        }
        for (ReconciliationMapper.ProviderPayment payment : payments) {
            if (!settled.containsKey(payment.externalReference())) {
                mismatches.add(new ReconciliationMapper.NewMismatch("ORDER_NO_MONEY", payment.externalReference(), payment.id(),
                        null, signed(payment), null));
            }
        }
        for (int i = 0; i < mismatches.size(); i += CHUNK) {
            mapper.insertMismatches(dayId, mismatches.subList(i, Math.min(mismatches.size(), i + CHUNK)));
        }
        mapper.reconciled(dayId, payments.size(), paymentsTotal, lines.size(), settledTotal, fees, mismatches.size(),
                clock.instant());
        log.info("Business day {}: {} provider payments, {} settlement lines, {} mismatches", day.businessDay(),
                payments.size(), lines.size(), mismatches.size());
        return mismatches.size();
    }

    /**
     * Finance's resolution of every mismatch, one per line: {@code id, RESOLUTION, note}. A WRITE_OFF posts the
     * difference (the settled amount against what was expected) to the journal, referring to the reconciled day.
     * Refused, changing nothing, while any mismatch is left without a resolution.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void resolve(long dayId, String text, String user) {
        ReconciliationDay day = day(dayId);
        Map<Long, Mismatch> open = new LinkedHashMap<>();
        mapper.mismatches(dayId).stream().filter(m -> m.resolution() == null).forEach(m -> open.put(m.id(), m));
        String all = text == null ? "" : text;
        if (all.length() > 1_000_000) {
            throw new InvalidField("resolutions", "is too long");
        }
        Map<Long, String[]> given = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : all.split("\\R")) {
            lineNo++;
            if (raw.isBlank()) {
                continue;
            }
            String[] f = raw.split(",", 3);
            String where = "line " + lineNo + ": ";
            if (f.length < 2) {
                throw new InvalidField("resolutions", where + "write mismatch, resolution, note");
            }
            long id;
            try {
                id = Long.parseLong(f[0].strip());
            } catch (NumberFormatException e) {
                throw new InvalidField("resolutions", where + "the first field is the mismatch's number");
            }
            if (!open.containsKey(id)) {
                throw new InvalidField("resolutions", where + "no open mismatch " + id + " on " + day.businessDay());
            }
            String resolution = f[1].strip().toUpperCase(Locale.ROOT);
            if (!RESOLUTIONS.contains(resolution)) {
                throw new InvalidField("resolutions", where + "the resolution must be WRITE_OFF, REFUND, CORRECTED or FOLLOW_UP");
            }
            String note = f.length > 2 ? f[2].strip() : "";
            if (note.length() > 2000) {
                throw new InvalidField("resolutions", where + "the note is longer than 2,000 characters");
            }
            if (given.put(id, new String[]{resolution, note.isEmpty() ? null : note}) != null) {
                throw new InvalidField("resolutions", where + "mismatch " + id + " is resolved twice");
            }
        }
        for (Long id : open.keySet()) {
            if (!given.containsKey(id)) {
                throw new InvalidField("resolutions", "mismatch " + id + " (" + open.get(id).kind() + " " + open.get(id).reference()
                        + ") has no resolution");
            }
        }
        Instant now = clock.instant();
        for (Map.Entry<Long, String[]> entry : given.entrySet()) {
            Mismatch m = open.get(entry.getKey());
            mapper.resolve(m.id(), dayId, entry.getValue()[0], entry.getValue()[1], user, now);
            if (entry.getValue()[0].equals("WRITE_OFF")) {
                BigDecimal difference = (m.actual() == null ? BigDecimal.ZERO : m.actual())
                        .subtract(m.expected() == null ? BigDecimal.ZERO : m.expected());
                if (difference.signum() != 0) {
                    postings.post(difference.signum() < 0 ? RECONCILIATION_WRITE_OFF : RECEIVABLES,
                            difference.signum() < 0 ? RECEIVABLES : RECONCILIATION_WRITE_OFF, difference.abs(),
                            "MM-" + m.id(), day.businessDay(), "Written off in the reconciliation of " + day.businessDay()
                                    + ": " + m.kind() + " " + m.reference(), user);
                }
            }
        }
        cases.move(definition, caseId(day), ReconciliationCase.RESOLVED, user, given.size() + " mismatches resolved");
    }

    /** Closes the day. Never by whoever resolved its mismatches (four-eyes). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void signOff(long dayId, String comment, String user) {
        ReconciliationDay day = day(dayId);
        for (Mismatch m : mapper.mismatches(dayId)) {
            FourEyesViolation.check(user, m.resolvedBy(), "resolved the mismatches of", "sign off", day.businessKey());
        }
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (text != null && text.length() > 2000) {
            throw new InvalidField("signOffComment", "is longer than 2,000 characters");
        }
        if (mapper.signOff(dayId, user, clock.instant(), text) != 1) {
            throw new InvalidField("signOffComment", "the day was signed off already");
        }
        cases.move(definition, caseId(day), ReconciliationCase.CLOSED, user, "signed off");
    }

    /** A correction to a closed day: posted to today, referring to the closed day. */
    @Transactional
    public List<Posting> correct(LocalDate closedDay, String debit, String credit, BigDecimal amount, String reason, String user) {
        ReconciliationDay day = mapper.dayOf(closedDay);
        if (day == null) {
            throw new NotFound("reconciled day", closedDay);
        }
        if (!ReconciliationCase.CLOSED.equals(day.status())) {
            throw new DayStillOpen(closedDay);
        }
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new InvalidField("amount", "must be more than 0, with at most 2 decimals");
        }
        for (String[] account : new String[][]{{"debit", debit}, {"credit", credit}}) {
            if (account[1] == null || !account[1].matches("[A-Z][A-Z_]{1,39}")) {
                throw new InvalidField(account[0], "must be an account code: capital letters and _ (e.g. " + RECEIVABLES + ")");
            }
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why == null || why.length() > 400) {
            throw new InvalidField("reason", "is required, up to 400 characters");
        }
        String reference = "CORR-" + closedDay + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        postings.post(debit, credit, amount, reference, closedDay, why, user);
        return postings.byReference(reference);
    }

    public ReconciliationDay day(long id) {
        ReconciliationDay day = mapper.day(id);
        if (day == null) {
            throw new NotFound("reconciled day", id);
        }
        return day;
    }

    public java.util.Optional<ReconciliationDay> dayOf(LocalDate day) {
        return java.util.Optional.ofNullable(mapper.dayOf(day));
    }

    public List<Mismatch> mismatches(long dayId) {
        return mapper.mismatches(dayId);
    }

    private long caseId(ReconciliationDay day) {
        return cases.ofProcessInstance(day.processInstanceId()).orElseThrow().id();
    }

    private static BigDecimal signed(ReconciliationMapper.ProviderPayment p) {
        return "OUT".equals(p.direction()) ? p.amount().negate() : p.amount();
    }

    /** A second reconciliation of a day: 409. */
    static final class DayReconciled extends ProblemException {
        DayReconciled(LocalDate day) {
            super(Kind.CONFLICT, "DAY_RECONCILED", "Day already reconciled",
                    day + " was reconciled already; a correction to it is posted to the current day.", Map.of("day", day.toString()));
        }
    }

    /** A correction to a day that is not closed yet: 409 (resolve it in its reconciliation). */
    static final class DayStillOpen extends ProblemException {
        DayStillOpen(LocalDate day) {
            super(Kind.CONFLICT, "DAY_NOT_CLOSED", "Day not closed",
                    day + " is still being reconciled; resolve its mismatches there.", Map.of("day", day.toString()));
        }
    }
}
