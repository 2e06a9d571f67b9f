package org.ticketops.casework;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.ticketops.platform.LockLosers;

/**
 * Hands what an API call carries (the command and the authenticated user) to the first step of the
 * process it starts, on the same thread, so the process starts with no variables at all: nothing a caller
 * could set names a case or a user. A start from a Tasklist form has nothing pending; its first step then
 * reads the form's own fields and the user the engine authenticated. Kept per process key, so a step that
 * starts another process (a show's cancellation starting refunds) never hands over the wrong command.
 */
public final class ProcessIntake {

    private static final ThreadLocal<Map<String, Object>> PENDING = ThreadLocal.withInitial(HashMap::new);

    private ProcessIntake() {
    }

    /**
     * Starts a process of {@code processKey} with {@code pending} handed to its first step; its id. A start the
     * database rolled back as a lock wait's loser runs again, handing {@code pending} over again ({@link LockLosers}).
     */
    public static String start(RuntimeService runtime, String processKey, Object pending) {
        return LockLosers.again(processKey + " start", () -> with(processKey, pending,
                () -> runtime.startProcessInstanceByKey(processKey).getId()));
    }

    /** Runs {@code start} (which starts a process of {@code processKey}) with {@code pending} handed to its first step. */
    public static <T> T with(String processKey, Object pending, Supplier<T> start) {
        Map<String, Object> all = PENDING.get();
        Object outer = all.put(processKey, pending);
        try {
            return start.get();
        } finally {
            if (outer == null) {
                all.remove(processKey);
            } else {
                all.put(processKey, outer);
            }
            if (all.isEmpty()) {
                PENDING.remove();
            }
        }
    }

    /** What the API handed to this process's first step, taken once: a later step on this thread never sees it. */
    public static <P> Optional<P> take(String processKey, Class<P> type) {
        Map<String, Object> all = PENDING.get();
        Object pending = all.remove(processKey);
        if (all.isEmpty()) {
            PENDING.remove();
        }
        return Optional.ofNullable(pending).map(type::cast);
    }
}
