package org.ticketops.cluster;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The hostile calls mixed into a cluster run, one kind after the other: each must be refused with a problem detail
 * (a 413 may come without one, or as a connection the server cut off) and leave no row behind.
 */
final class Hostile {

    static final List<String> KINDS = List.of("malformed JSON", "unknown id", "duplicate ticket", "ticket already requested",
            "1 MiB body", "10 MiB body", "JSON nested 5,000 deep", "SQL in a field", "invalid UTF-8", "forged survey token",
            "broken workbook", "oversized workbook");

    private final ClusterLoad load;
    private final List<ClusterLoad.Sale> sales;

    Hostile(ClusterLoad load, List<ClusterLoad.Sale> sales) {
        this.load = load;
        this.sales = sales;
    }

    /** The hostile call for slot {@code i}; counts it as refused or not. */
    void send(int i) {
        String kind = KINDS.get((i / 5) % KINDS.size());
        ClusterLoad.Sale sale = sales.get(i);
        ClusterClient http = load.http;
        int node = i % http.nodes();
        String clerk = ClusterLoad.REQUESTER;
        ClusterClient.Answer answer = switch (kind) {
            case "malformed JSON" -> http.send(node, clerk, "POST", "/api/refund-requests",
                    ("{\"orderId\": " + sale.orderId() + ", \"ticketIds\": [").getBytes(StandardCharsets.UTF_8), "application/json", null);
            case "unknown id" -> http.send(node, clerk, "POST", "/api/refund-requests", json("{\"orderId\": 987654321,"
                    + " \"ticketIds\": [987654321], \"type\": \"REFUND\", \"reason\": \"CUSTOMER_CHOICE\"}"), "application/json", null);
            case "duplicate ticket" -> http.send(node, clerk, "POST", "/api/refund-requests", json("{\"orderId\": " + sale.orderId()
                    + ", \"ticketIds\": [" + sale.ticketId() + ", " + sale.ticketId() + "], \"type\": \"REFUND\","
                    + " \"reason\": \"CUSTOMER_CHOICE\"}"), "application/json", "dup-" + i);
            // the ticket's own request went in just before: a second one, under another key, is refused
            case "ticket already requested" -> http.send(node, clerk, "POST", "/api/refund-requests", json("{\"orderId\": "
                    + sale.orderId() + ", \"ticketIds\": [" + sale.ticketId() + "], \"type\": \"REFUND\","
                    + " \"reason\": \"CUSTOMER_CHOICE\"}"), "application/json", "again-" + i);
            case "1 MiB body" -> http.send(node, clerk, "POST", "/api/complaints", json("{\"customerId\": " + sale.customerId()
                    + ", \"channel\": \"PHONE\", \"category\": \"OTHER\", \"severity\": \"LOW\", \"description\": \""
                    + "x".repeat(1 << 20) + "\"}"), "application/json", null);
            case "10 MiB body" -> {
                byte[] body = json("{\"name\": \"" + "y".repeat(10 << 20) + "\", \"kind\": \"OTHER\"}");
                yield cutOffMeansRefused(node, http.once(node, ClusterLoad.MANAGER, "POST", "/api/events", body, "application/json", null),
                        n -> http.once(n, ClusterLoad.MANAGER, "POST", "/api/events", body, "application/json", null));
            }
            case "JSON nested 5,000 deep" -> http.send(node, ClusterLoad.MANAGER, "POST", "/api/events",
                    json("{\"name\": " + "[".repeat(5000) + "]".repeat(5000) + ", \"kind\": \"OTHER\"}"), "application/json", null);
            case "SQL in a field" -> http.send(node, clerk, "POST", "/api/refund-requests", json("{\"orderId\": " + sale.orderId()
                    + ", \"ticketIds\": [" + sale.ticketId() + "], \"type\": \"REFUND' OR '1'='1\","
                    + " \"reason\": \"CUSTOMER_CHOICE; DROP TABLE to_refund_requests; --\"}"), "application/json", "sql-" + i);
            case "invalid UTF-8" -> http.send(node, clerk, "POST", "/api/complaints", ("{\"customerId\": " + sale.customerId()
                    + ", \"channel\": \"PHONE\", \"category\": \"OTHER\", \"severity\": \"LOW\", \"description\": \"caf\u00e9 \u00ff\"}")
                    .getBytes(StandardCharsets.ISO_8859_1), "application/json", null);
            case "forged survey token" -> http.send(node, null, "GET", "/survey/" + "A".repeat(42) + (char) ('A' + i % 26), null,
                    null, null);
            case "broken workbook" -> http.send(node, ClusterLoad.MANAGER, "POST", "/api/decision-tables/refund-fees/versions",
                    multipart("PK\u0003\u0004 not a workbook".getBytes(StandardCharsets.ISO_8859_1)), contentType(), null);
            default -> {
                byte[] body = multipart(new byte[7 << 20]);
                String path = "/api/decision-tables/refund-fees/versions";
                yield cutOffMeansRefused(node, http.once(node, ClusterLoad.MANAGER, "POST", path, body, contentType(), null),
                        n -> http.once(n, ClusterLoad.MANAGER, "POST", path, body, contentType(), null));
            }
        };
        boolean refused = answer != null && refusedProperly(kind, answer);
        load.tally.count(kind, refused);
        if (!refused) {
            load.problems.add(kind + " was not refused: " + answer);
        }
    }

    private static boolean refusedProperly(String kind, ClusterClient.Answer answer) {
        int status = answer.status();
        if (kind.equals("forged survey token")) {
            return status == 404;
        }
        if (status == 413) {
            return true;
        }
        return status >= 400 && status < 500 && status != 401 && status != 403 && answer.problem();
    }

    /**
     * A body over the limit may be answered 413 and the connection closed before the client sent the rest: that is a
     * refusal too, as long as the node is alive (otherwise the call is sent again where it is).
     */
    private ClusterClient.Answer cutOffMeansRefused(int node, ClusterClient.Answer answer, java.util.function.IntFunction<ClusterClient.Answer> again) {
        for (int attempt = 1; (answer == null || answer.notConnected()) && attempt <= 2 * load.http.nodes(); attempt++) {
            var health = load.http.once(node, null, "GET", "/actuator/health", null, null, null);
            if (answer == null && health != null && health.status() == 200) {
                return new ClusterClient.Answer(413, "connection cut off", null, node);
            }
            node = (node + 1) % load.http.nodes();
            ClusterClient.sleep(500);
            answer = again.apply(node);
        }
        return answer;
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static final String BOUNDARY = "hostile-boundary-7MxQ";

    private static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    private static byte[] multipart(byte[] file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"refund-fees.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"comment\"\r\n\r\nhostile\r\n--" + BOUNDARY
                + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
