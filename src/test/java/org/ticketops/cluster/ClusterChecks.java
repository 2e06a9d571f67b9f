package org.ticketops.cluster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What must hold after a cluster run, read from the shared database (and the mail server): each finding is a line;
 * none means the run kept every promise. {@link #table} prints what was sent per kind.
 */
final class ClusterChecks {

    private final ClusterLoad load;
    private final JdbcTemplate db;
    private final List<String> findings = new ArrayList<>();
    /** Messages the mail server received a second time (the same Message-ID): sent again after a node was killed. */
    int sentAgain;

    ClusterChecks(ClusterLoad load) {
        this.load = load;
        this.db = load.db;
    }

    List<String> findings() {
        return findings;
    }

    private void check(boolean holds, String finding, Object... args) {
        if (!holds) {
            findings.add(String.format(Locale.ROOT, finding, args));
        }
    }

    /** Every sale has exactly one request, and each ended once, where its fate says, with the money and tickets it implies. */
    void requests(List<ClusterLoad.Sale> sales) {
        Map<Long, Integer> perOrder = new HashMap<>();
        db.query("SELECT order_id, COUNT(*) FROM to_refund_requests GROUP BY order_id", row -> {
            perOrder.put(row.getLong(1), row.getInt(2));
        });
        for (ClusterLoad.Sale sale : sales) {
            int count = perOrder.getOrDefault(sale.orderId(), 0);
            check(count == 1, "order %d (sale %d) has %d requests", sale.orderId(), sale.index(), count);
        }
        for (ClusterLoad.Request request : load.requests.values()) {
            Map<String, Object> row = db.queryForMap("""
                    SELECT c.status, r.total_refund, r.amount_due, r.new_order_id, r.process_instance_id, c.id AS case_id
                    FROM to_refund_requests r JOIN to_cases c ON c.id = r.case_id WHERE r.id = ?""", request.id());
            String status = (String) row.get("status");
            check(request.fate().status.equals(status), "request %d (%s) ended %s", request.id(), request.fate(), status);
            String pi = (String) row.get("process_instance_id");
            // exactly one end: the instance ended, and one end event of the process itself was reached
            Integer ends = db.queryForObject("""
                    SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_INST_ID_ = ? AND PARENT_ACT_INST_ID_ = PROC_INST_ID_
                    AND ACT_TYPE_ LIKE '%EndEvent'""", Integer.class, pi);
            Integer ended = db.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_INST_ID_ = ? AND END_TIME_ IS NOT NULL"
                    + " AND STATE_ = 'COMPLETED'", Integer.class, pi);
            check(ends == 1 && ended == 1, "request %d: %d end events reached, process ended: %s", request.id(), ends, ended == 1);
            // money: a refund paid once, an exchange's difference once, nothing for the rejected and withdrawn
            List<Map<String, Object>> payments = db.queryForList("SELECT direction, amount FROM to_payments WHERE reference = ?",
                    "refund-request-" + request.id());
            long out = payments.stream().filter(p -> "OUT".equals(p.get("direction"))).count();
            long in = payments.stream().filter(p -> "IN".equals(p.get("direction"))).count();
            switch (request.fate()) {
                case REFUND_PAID, REVIEWED_APPROVED -> check(out == 1 && in == 0 && ((BigDecimal) payments.get(0).get("amount"))
                        .compareTo((BigDecimal) row.get("total_refund")) == 0, "request %d: payments %s, refund %s", request.id(),
                        payments, row.get("total_refund"));
                case EXCHANGE_CUSTOMER_PAYS -> check(in == 1 && out == 0, "exchange %d: payments %s", request.id(), payments);
                case EXCHANGE_PAID_BACK -> check(in == 0 && out == (((BigDecimal) row.get("total_refund")).signum() > 0 ? 1 : 0),
                        "exchange %d: payments %s, paid back %s", request.id(), payments, row.get("total_refund"));
                default -> check(payments.isEmpty(), "request %d (%s): payments %s", request.id(), request.fate(), payments);
            }
            String ticket = db.queryForObject("SELECT status FROM to_tickets WHERE id = ?", String.class, request.sale().ticketId());
            check(request.fate().ticketStatus.equals(ticket), "request %d (%s): ticket %s", request.id(), request.fate(), ticket);
            if (request.fate().exchange()) {
                Long newOrder = (Long) row.get("new_order_id");
                Integer newTickets = newOrder == null ? 0 : db.queryForObject("SELECT COUNT(*) FROM to_tickets WHERE order_id = ?"
                        + " AND status = 'SOLD' AND category_id = ?", Integer.class, newOrder,
                        request.fate() == ClusterLoad.Fate.EXCHANGE_CUSTOMER_PAYS ? load.premium : load.upper);
                check(newTickets == 1, "exchange %d: %d new tickets", request.id(), newTickets);
            }
            // the audit trail: one transition per change of status, each from where the one before went, ending at the status
            List<Map<String, Object>> transitions = db.queryForList("SELECT from_status, to_status FROM to_case_transitions"
                    + " WHERE case_id = ? ORDER BY id", row.get("case_id"));
            String at = null;
            boolean chain = !transitions.isEmpty();
            for (Map<String, Object> t : transitions) {
                chain &= Objects.equals(at, t.get("from_status")) && !Objects.equals(t.get("from_status"), t.get("to_status"));
                at = (String) t.get("to_status");
            }
            check(chain && status.equals(at), "request %d: transitions %s", request.id(), transitions);
        }
        check(load.requests.size() == sales.size(), "%d requests registered for %d sales", load.requests.size(), sales.size());
    }

    /** Each category's {@code available} equals its capacity less the tickets sold in it and the seats held, counted now. */
    void seats() {
        for (Map<String, Object> c : db.queryForList("""
                SELECT c.id, c.name, c.capacity, c.available,
                       (SELECT COUNT(*) FROM to_tickets t WHERE t.category_id = c.id AND t.status = 'SOLD') AS sold,
                       (SELECT COALESCE(SUM(h.quantity), 0) FROM to_seat_holds h WHERE h.category_id = c.id AND h.status = 'HELD') AS held
                FROM to_ticket_categories c WHERE c.show_id IN (?, ?)""", load.show, load.secondShow)) {
            long expected = ((Number) c.get("capacity")).longValue() - ((Number) c.get("sold")).longValue()
                    - ((Number) c.get("held")).longValue();
            check(((Number) c.get("available")).longValue() == expected, "category %s: available %s, recomputed %d (sold %s, held %s)",
                    c.get("name"), c.get("available"), expected, c.get("sold"), c.get("held"));
        }
    }

    /**
     * Every notification was sent, and the mail server received exactly one message per notification: counted by
     * Message-ID, which is the notification's. A node killed after it sent a message and before it marked it sent
     * leaves it to be sent again by the other node after the lease; that copy has the same Message-ID (mail servers
     * and clients drop it), and the check lists how many there were.
     */
    void notifications(GreenMail mail) throws Exception {
        Map<String, Long> unsent = new HashMap<>();
        db.query("SELECT status, COUNT(*) FROM to_notifications WHERE status <> 'SENT' GROUP BY status", row -> {
            unsent.put(row.getString(1), row.getLong(2));
        });
        check(unsent.isEmpty(), "notifications not sent: %s", unsent);
        Map<String, Long> sent = new HashMap<>();
        db.query("SELECT recipient, COUNT(*) FROM to_notifications WHERE status = 'SENT' AND channel = 'EMAIL' GROUP BY recipient",
                row -> {
                    sent.put(row.getString(1).toLowerCase(Locale.ROOT), row.getLong(2));
                });
        Map<String, Long> received = new HashMap<>();
        java.util.Set<String> messageIds = new java.util.HashSet<>();
        java.util.Set<Long> sentIds = new java.util.HashSet<>(db.queryForList(
                "SELECT id FROM to_notifications WHERE status = 'SENT' AND channel = 'EMAIL'", Long.class));
        for (MimeMessage message : mail.getReceivedMessages()) {
            String id = message.getMessageID();
            var number = id == null ? null : java.util.regex.Pattern.compile("^<notification-(\\d+)@").matcher(id);
            check(number != null && number.find() && sentIds.contains(Long.parseLong(number.group(1))),
                    "a message with Message-ID %s is no notification that was sent", id);
            if (!messageIds.add(id)) {
                sentAgain++;
                continue;
            }
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                received.merge(to.toString().toLowerCase(Locale.ROOT), 1L, Long::sum);
            }
        }
        long total = sent.values().stream().mapToLong(Long::longValue).sum();
        check(total > 0, "no notification was sent at all");
        check(sent.equals(received), "sent %d notifications, the mail server received %d distinct messages; differing"
                + " recipients: %s", total, messageIds.size(), differences(sent, received));
    }

    private static List<String> differences(Map<String, Long> a, Map<String, Long> b) {
        List<String> out = new ArrayList<>();
        for (String key : a.keySet()) {
            if (!Objects.equals(a.get(key), b.get(key))) {
                out.add(key + " " + a.get(key) + "≠" + b.get(key));
            }
        }
        for (String key : b.keySet()) {
            if (!a.containsKey(key)) {
                out.add(key + " 0≠" + b.get(key));
            }
        }
        return out.size() > 10 ? out.subList(0, 10) : out;
    }

    /** No incident; no job left locked by the killed node (by its lock owner {@code deadOwnerPrefix}); no job due and not done. */
    void engine(String deadOwnerPrefix) {
        Integer incidents = db.queryForObject("SELECT COUNT(*) FROM ACT_RU_INCIDENT", Integer.class);
        check(incidents == 0, "%d incidents: %s", incidents, db.queryForList("SELECT INCIDENT_MSG_ FROM ACT_RU_INCIDENT LIMIT 5"));
        if (deadOwnerPrefix != null) {
            Integer stale = db.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_OWNER_ LIKE ?", Integer.class,
                    deadOwnerPrefix + "%");
            check(stale == 0, "%d jobs still locked by the killed node %s", stale, deadOwnerPrefix);
        }
        Integer expired = db.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ < UTC_TIMESTAMP(3)"
                + " AND LOCK_OWNER_ IS NOT NULL", Integer.class);
        check(expired == 0, "%d jobs locked past their lock time", expired);
        Integer due = db.queryForObject("SELECT COUNT(*) FROM ACT_RU_JOB WHERE (DUEDATE_ IS NULL OR DUEDATE_ < UTC_TIMESTAMP(3))"
                + " AND SUSPENSION_STATE_ = 1", Integer.class);
        check(due == 0, "%d jobs due and not done", due);
    }

    /** Complaints and procurement requests: one row and one process instance each, in the state the driver left it. */
    void otherCases() {
        for (String text : load.complaintTexts) {
            List<String> instances = db.queryForList("SELECT process_instance_id FROM to_complaints WHERE description = ?",
                    String.class, text);
            check(instances.size() == 1, "complaint %s: %d rows", text.length() > 40 ? text.substring(0, 40) : text, instances.size());
            if (instances.size() == 1) {
                Integer running = db.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_INST_ID_ = ? AND END_TIME_ IS NULL",
                        Integer.class, instances.get(0));
                check(running == 1, "complaint instance %s is not running", instances.get(0));
            }
        }
        for (Long id : load.procurementIds) {
            Map<String, Object> row = db.queryForMap("SELECT r.process_instance_id, c.status FROM to_procurement_requests r"
                    + " JOIN to_cases c ON c.id = r.case_id WHERE r.id = ?", id);
            boolean withdrawn = load.withdrawnProcurements.contains(id);
            check(withdrawn == "WITHDRAWN".equals(row.get("status")), "procurement %d: %s", id, row.get("status"));
            Integer ended = db.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_INST_ID_ = ? AND END_TIME_ IS NOT NULL",
                    Integer.class, row.get("process_instance_id"));
            check(ended == (withdrawn ? 1 : 0), "procurement %d (%s): process ended %d", id, row.get("status"), ended);
        }
        Integer rows = db.queryForObject("SELECT COUNT(*) FROM to_procurement_requests", Integer.class);
        check(rows == load.procurementIds.size(), "%d procurement rows for %d requests", rows, load.procurementIds.size());
        Integer complaints = db.queryForObject("SELECT COUNT(*) FROM to_complaints", Integer.class);
        check(complaints == load.complaintTexts.size(), "%d complaint rows for %d complaints", complaints, load.complaintTexts.size());
    }

    /**
     * The table of the run: per kind, calls sent, refused, lost (accepted but no row) and duplicated (more rows than
     * accepted). The hostile kinds must all be refused; their rows would show in the counts of the valid kinds.
     */
    String table(List<ClusterLoad.Sale> sales) {
        Map<String, long[]> rows = new java.util.LinkedHashMap<>();
        long refunds = db.queryForObject("SELECT COUNT(*) FROM to_refund_requests WHERE type = 'REFUND'", Long.class);
        long exchanges = db.queryForObject("SELECT COUNT(*) FROM to_refund_requests WHERE type = 'EXCHANGE'", Long.class);
        long orders = db.queryForObject("SELECT COUNT(*) FROM to_orders WHERE id IN (SELECT order_id FROM to_tickets WHERE category_id = ?)",
                Long.class, load.stalls);
        long complaints = db.queryForObject("SELECT COUNT(*) FROM to_complaints", Long.class);
        long procurements = db.queryForObject("SELECT COUNT(*) FROM to_procurement_requests", Long.class);
        long events = db.queryForObject("SELECT COUNT(*) FROM to_events", Long.class);
        long versions = db.queryForObject("SELECT COUNT(*) FROM to_decision_table_versions WHERE table_name = 'refund-fees'", Long.class);
        row(rows, "order", orders);
        row(rows, "refund request", refunds);
        row(rows, "exchange request", exchanges);
        row(rows, "complaint", complaints);
        row(rows, "procurement request", procurements);
        for (String kind : Hostile.KINDS) {
            rows.put(kind, new long[]{load.tally.sent(kind), load.tally.refused(kind), 0, 0});
        }
        check(events == 1, "%d events (one was created; hostile ones must leave none)", events);
        check(versions == load.refundFeeVersions, "%d versions of refund-fees, %d before (hostile uploads must leave none)", versions,
                load.refundFeeVersions);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-26s %7s %8s %5s %11s%n", "kind", "sent", "refused", "lost",
                "duplicated"));
        rows.forEach((kind, r) -> {
            out.append(String.format(Locale.ROOT, "%-26s %7d %8d %5d %11d%n", kind, r[0], r[1], r[2], r[3]));
            boolean hostile = Hostile.KINDS.contains(kind);
            check(r[2] == 0 && r[3] == 0, "%s: %d lost, %d duplicated", kind, r[2], r[3]);
            check(hostile ? r[1] == r[0] : r[1] == 0, "%s: %d of %d refused", kind, r[1], r[0]);
        });
        return out.toString();
    }

    private void row(Map<String, long[]> rows, String kind, long inDatabase) {
        long sent = load.tally.sent(kind);
        long accepted = sent - load.tally.refused(kind);
        rows.put(kind, new long[]{sent, load.tally.refused(kind), Math.max(0, accepted - inDatabase), Math.max(0, inDatabase - accepted)});
    }
}
