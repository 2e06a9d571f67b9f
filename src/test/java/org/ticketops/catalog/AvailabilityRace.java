package org.ticketops.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs many threads against one category at once, released together by a latch. */
final class AvailabilityRace {

    record Outcome(int sold, int refused) {
    }

    static Outcome buy(CatalogService catalog, long categoryId, int threads, int attemptsEach) throws Exception {
        return race(threads, attemptsEach, () -> catalog.take(categoryId, 1));
    }

    static Outcome giveBack(CatalogService catalog, long categoryId, int threads, int attemptsEach) throws Exception {
        return race(threads, attemptsEach, () -> catalog.giveBack(categoryId, 1));
    }

    private static Outcome race(int threads, int attemptsEach, Runnable attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<Void>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit((Callable<Void>) () -> {
                start.await();
                for (int i = 0; i < attemptsEach; i++) {
                    try {
                        attempt.run();
                        ok.incrementAndGet();
                    } catch (NotEnoughTickets | IllegalStateException e) {
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<Void> future : futures) {
            future.get();
        }
        pool.shutdown();
        return new Outcome(ok.get(), refused.get());
    }
}
