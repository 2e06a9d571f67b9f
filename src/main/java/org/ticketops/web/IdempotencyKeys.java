package org.ticketops.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;

/**
 * The {@code Idempotency-Key} header of the calls that create something (a complaint, a procurement request): a
 * retry by the same user with the same key and body answers what the first call created; the same key with another
 * body is refused. A key is the user's, 1 to 100 characters, stored with a hash of the body it came with.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /** The key as sent, or null for none; refuses a blank or over-long one, naming the header. */
    public static String checked(String key) {
        if (key != null && (key.isBlank() || key.length() > 100)) {
            throw new InvalidField("Idempotency-Key", "must be 1 to 100 characters");
        }
        return key;
    }

    /** The hash a key is stored with: of the body as JSON. */
    public static String hash(ObjectMapper json, Object body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a key's first call created: its id and the hash of the body it came with. */
    public interface First {
        long id();

        String idempotencyHash();
    }

    /**
     * Creates something once per key: with a key already used, answers what its first call created ({@code answer} of
     * its id), or refuses another body; without, runs {@code create}. When a concurrent call with the same key got in
     * first (the unique key refuses this one), answers that one. {@code what} names what is created, for the refusal.
     */
    public static <T> T once(String key, String hash, String what, Function<String, Optional<? extends First>> firstByKey,
                             LongFunction<T> answer, Supplier<T> create) {
        if (key != null) {
            Optional<? extends First> first = firstByKey.apply(key);
            if (first.isPresent()) {
                requireSameBody(key, first.get().idempotencyHash(), hash, what, first.get().id());
                return answer.apply(first.get().id());
            }
        }
        try {
            return create.get();
        } catch (DuplicateKeyException e) {
            First first = key == null ? null : firstByKey.apply(key).orElse(null);
            if (first == null) {
                throw e;
            }
            requireSameBody(key, first.idempotencyHash(), hash, what, first.id());
            return answer.apply(first.id());
        }
    }

    /** Refuses a key that came with another body than its first call's; {@code what} names what that call created. */
    public static void requireSameBody(String key, String firstHash, String hash, String what, long firstId) {
        if (firstHash != null && !firstHash.equals(hash)) {
            throw new Reused(key, what, firstId);
        }
    }

    /** 422 {@code IDEMPOTENCY_KEY_REUSED}: the key was used for something else. */
    public static final class Reused extends ProblemException {
        Reused(String key, String what, long firstId) {
            super(Kind.UNPROCESSABLE, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key reused",
                    "Idempotency-Key '" + key + "' was used for " + what + " " + firstId
                            + " with another body; use a new key for a new one.", Map.of("firstId", firstId));
        }
    }
}
