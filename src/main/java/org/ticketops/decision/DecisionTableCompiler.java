package org.ticketops.decision;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.runtime.KieContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Compiles a Drools spreadsheet decision table into a KieBase with the executable model. Every file
 * passes {@link DecisionTableGuard} first (the release's template, typed values, at most max-rules
 * rows), so nothing but values reaches the compiler. Compiles run one at a time on their own thread
 * and are refused after {@code ticketops.decisions.compile-timeout}. Refuses (with the compiler's
 * messages) a file that does not compile or yields no rules.
 */
@Component
public class DecisionTableCompiler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DecisionTableCompiler.class);
    private final KieServices kieServices = KieServices.Factory.get();
    private final DecisionTableGuard guard;
    private final DecisionProperties properties;
    /** One compile at a time: taken before a compile starts, given back when it ends (even after a time-out). */
    private final Semaphore turn = new Semaphore(1, true);
    private final ExecutorService compileThread = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "decision-table-compile");
        thread.setDaemon(true);
        return thread;
    });

    DecisionTableCompiler(DecisionTableGuard guard, DecisionProperties properties) {
        this.guard = guard;
        this.properties = properties;
    }

    /** A compiler outside Spring (rule tests, tools) whose release templates are the files in {@code rulesDir}. */
    public static DecisionTableCompiler forRelease(java.nio.file.Path rulesDir) {
        DecisionProperties defaults = new DecisionProperties(java.time.Duration.ofSeconds(5), 500, java.time.Duration.ofSeconds(20),
                java.time.Duration.ofMinutes(5));
        return new DecisionTableCompiler(new DecisionTableGuard(table -> {
            try {
                return java.nio.file.Files.readAllBytes(rulesDir.resolve(table + ".xlsx"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, defaults), defaults);
    }

    /** The guard every compile passes: template unchanged, every rule cell of its column's type. */
    DecisionTableGuard guard() {
        return guard;
    }

    /** Compiles a table file outside the table store (rule tests, drafts): version 0. */
    public Rules compile(String table, byte[] content) {
        return compile(new TableVersionRef(table, 0, DecisionService.sha256(content)), content);
    }

    /** Compiles an upload or a draft, within {@code compile-timeout}. */
    CompiledTable compile(TableVersionRef ref, byte[] content) {
        return compile(ref, content, properties.compileTimeout());
    }

    /**
     * Compiles a version that already passed when it came in (a shipped file, a stored version), within the longer
     * {@code stored-compile-timeout}: a busy machine is slow, not the table hostile.
     */
    CompiledTable compileStored(TableVersionRef ref, byte[] content) {
        return compile(ref, content, properties.storedCompileTimeout());
    }

    private CompiledTable compile(TableVersionRef ref, byte[] content, java.time.Duration limit) {
        guard.check(ref.table(), content);
        long timeout = limit.toMillis();
        long waitStarted = System.nanoTime();
        try {
            if (!turn.tryAcquire(timeout, TimeUnit.MILLISECONDS)) {
                throw new CompileTimedOut(ref.table(), limit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompileTimedOut(ref.table(), limit);
        }
        // the turn goes back once: when the compile ends, or when it is cancelled before it began (then it never runs,
        // and a turn kept by it would refuse every later compile)
        java.util.concurrent.atomic.AtomicBoolean began = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicBoolean given = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable giveBack = () -> {
            if (given.compareAndSet(false, true)) {
                turn.release();
            }
        };
        Future<CompiledTable> compiling;
        try {
            compiling = compileThread.submit(() -> {
                began.set(true);
                try {
                    return build(ref, content);
                } finally {
                    giveBack.run();
                }
            });
        } catch (RuntimeException e) {
            giveBack.run();
            throw e;
        }
        long left = timeout - (System.nanoTime() - waitStarted) / 1_000_000;
        try {
            return compiling.get(Math.max(left, 1), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            compiling.cancel(true);
            if (!began.get()) {
                giveBack.run();
            }
            log.warn("Decision table {} v{} did not compile within {}; refused", ref.table(), ref.version(),
                    limit);
            throw new CompileTimedOut(ref.table(), limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompileTimedOut(ref.table(), limit);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new InvalidDecisionTable(ref.table(), List.of(rootMessage(e)));
        }
    }

    @Override
    public void destroy() {
        compileThread.shutdownNow();
    }

    private CompiledTable build(TableVersionRef ref, byte[] content) {
        long started = System.nanoTime();
        ReleaseId releaseId = kieServices.newReleaseId("org.ticketops.rules", ref.table(),
                "1.0.0-v" + ref.version() + "-" + ref.contentHash().substring(0, 16));
        KieFileSystem files = kieServices.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        // Drools recognises a decision table only by these suffixes; any other name gives an empty KieBase.
        files.write("src/main/resources/org/ticketops/rules/" + ref.table().replace("-", "") + "/" + ref.table() + ".drl.xlsx",
                content);
        ClassLoader classLoader = DecisionTableCompiler.class.getClassLoader();
        try {
            KieBuilder builder = kieServices.newKieBuilder(files, classLoader).buildAll(ExecutableModelProject.class);
            List<String> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                    .map(DecisionTableCompiler::describe).toList();
            if (!errors.isEmpty()) {
                throw new InvalidDecisionTable(ref.table(), errors);
            }
            KieContainer container = kieServices.newKieContainer(releaseId, classLoader);
            KieBase kieBase = container.getKieBase();
            int rules = kieBase.getKiePackages().stream().map(KiePackage::getRules).mapToInt(r -> r.size()).sum();
            if (rules == 0) {
                throw new InvalidDecisionTable(ref.table(), List.of("The file holds no rules: is there a RuleSet and a RuleTable?"));
            }
            log.info("Compiled decision table {} v{} ({} rules) in {} ms", ref.table(), ref.version(), rules,
                    (System.nanoTime() - started) / 1_000_000);
            return new CompiledTable(ref, kieBase, rules);
        } catch (InvalidDecisionTable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new InvalidDecisionTable(ref.table(), List.of(rootMessage(e)));
        } finally {
            kieServices.getRepository().removeKieModule(releaseId);
        }
    }

    private static String describe(Message message) {
        String text = message.getText() == null ? "" : message.getText().strip();
        return message.getLine() > 0 ? "line " + message.getLine() + ": " + text : text;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
