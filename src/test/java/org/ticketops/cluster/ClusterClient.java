package org.ticketops.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The driver's HTTP client, as a load balancer in front of the nodes would act: a call goes to the node it is meant
 * for, and when that node can't be reached or drops the connection (it was killed) the same call, with the same
 * Idempotency-Key, goes to the next node that answers. A node that refused a connection is skipped for two seconds.
 */
final class ClusterClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An answer, and the node that gave it. */
    record Answer(int status, String body, String contentType, int node) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }

        /** The node could not be reached: nothing was sent, so the call may go elsewhere. */
        boolean notConnected() {
            return status == 0;
        }

        boolean problem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private final List<ClusterNode> nodes;
    private final Map<String, String> passwords;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicLongArray downUntil;
    final AtomicInteger failovers = new AtomicInteger();

    ClusterClient(List<ClusterNode> nodes, Map<String, String> passwords) {
        this.nodes = nodes;
        this.passwords = passwords;
        this.downUntil = new AtomicLongArray(nodes.size());
    }

    int nodes() {
        return nodes.size();
    }

    Answer json(int node, String user, String method, String path, Object body, String idempotencyKey) {
        try {
            byte[] bytes = body == null ? null : JSON.writeValueAsBytes(body);
            return send(node, user, method, path, bytes, "application/json", idempotencyKey);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends to {@code preferred}, failing over to the other nodes while none answers (up to three minutes). Only for
     * calls that are safe to repeat: reads, and writes with an Idempotency-Key or that are refused when repeated.
     */
    Answer send(int preferred, String user, String method, String path, byte[] body, String contentType, String idempotencyKey) {
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int attempt = 0;
        while (true) {
            int node = Math.floorMod(preferred + attempt, nodes.size());
            if (System.nanoTime() >= downUntil.get(node) || attempt >= nodes.size()) {
                Answer answer = once(node, user, method, path, body, contentType, idempotencyKey);
                if (answer != null && !answer.notConnected()) {
                    return answer;
                }
                downUntil.set(node, System.nanoTime() + Duration.ofSeconds(2).toNanos());
                failovers.incrementAndGet();
            }
            attempt++;
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("no node answered " + method + " " + path);
            }
            if (attempt % nodes.size() == 0) {
                sleep(500);
            }
        }
    }

    /**
     * One call to one node; an answer with status 0 when the node could not be reached (nothing was sent), null when
     * the connection broke after the call went out, so its outcome is not known.
     */
    Answer once(int node, String user, String method, String path, byte[] body, String contentType, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nodes.get(node).base() + path))
                .timeout(Duration.ofSeconds(90))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + passwords.get(user))
                    .getBytes(StandardCharsets.UTF_8)));
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(null), node);
        } catch (java.net.ConnectException e) {
            return new Answer(0, "not connected", null, node);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
