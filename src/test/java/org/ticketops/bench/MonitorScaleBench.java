package org.ticketops.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.ticketops.TicketOpsApplication;
import org.ticketops.monitor.MonitorFold;

/**
 * The monitor at scale. Fills the engine's own history tables (ACT_HI_PROCINST, ACT_HI_ACTINST, ACT_HI_TASKINST,
 * ACT_HI_IDENTITYLINK) with synthetic history of the processes that are deployed: by default 1,000,000 completed
 * instances with about 5,000,000 user tasks over the last two years, each task offered to the group its BPMN names,
 * waits drawn from a log-normal distribution (one task of each process is its bottleneck), an end event and, for some,
 * a deadline timer that fired. Then rebuilds the monitor's aggregates from that history (the rebuild command's code)
 * and times every /api/monitor endpoint and the /monitor page over 30 days, a year and two years, printing p50 and p95.
 * <p>
 * Run: {@code mvn -Pbench-monitor verify} (H2 in a file under target/) or with
 * {@code -Dbench.args="--spring.profiles.active=mysql --spring.datasource.url=jdbc:mysql://...&rewriteBatchedStatements=true"}
 * on MySQL/MariaDB (an empty database). {@code -Dbench.instances=1000000 -Dbench.requests=40} by default.
 */
public final class MonitorScaleBench {

    static final int BATCH = 5_000;
    static final String USER = "bench";
    static final String PASSWORD = "Tick3t-Ops!Strong";

    private MonitorScaleBench() {
    }

    public static void main(String[] args) throws Exception {
        int instances = Integer.getInteger("bench.instances", 1_000_000);
        int requests = Integer.getInteger("bench.requests", 40);
        List<String> appArgs = new ArrayList<>(List.of(args));
        if (appArgs.stream().noneMatch(a -> a.startsWith("--spring.datasource.url"))) {
            appArgs.add("--spring.datasource.url=jdbc:h2:file:./target/bench-monitor/db-" + System.currentTimeMillis()
                    + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=1048576");
        }
        appArgs.addAll(List.of("--server.port=0", "--camunda.bpm.job-execution.enabled=false", "--ticketops.monitor.fold-enabled=false",
                "--ticketops.notifications.sender-enabled=false", "--logging.level.root=WARN", "--logging.level.org.ticketops=WARN",
                "--ticketops.admin.user=" + USER, "--ticketops.admin.password=" + PASSWORD));
        ConfigurableApplicationContext app = SpringApplication.run(TicketOpsApplication.class, appArgs.toArray(String[]::new));
        try {
            String database;
            try (Connection c = app.getBean(DataSource.class).getConnection()) {
                database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            }
            System.out.printf(Locale.ROOT, "%nMonitor at scale on %s, %d cores, max heap %d MB%n", database,
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            long began = System.nanoTime();
            if (Boolean.parseBoolean(System.getProperty("bench.fill", "true"))) {
                long[] rows = fill(app, instances);
                System.out.printf(Locale.ROOT, "Filled %,d instances, %,d flow-node instances, %,d tasks, %,d identity links in %.0f s%n",
                        rows[0], rows[1], rows[2], rows[3], seconds(began));
            } else { // -Dbench.fill=false: the history a run before filled
                System.out.printf(Locale.ROOT, "History as filled before: %,d instances, %,d flow-node instances, %,d tasks%n",
                        count(app, "ACT_HI_PROCINST"), count(app, "ACT_HI_ACTINST"), count(app, "ACT_HI_TASKINST"));
            }
            began = System.nanoTime();
            if (Boolean.parseBoolean(System.getProperty("bench.rebuild", "true"))) {
                MonitorFold.RebuildReport rebuilt = app.getBean(MonitorFold.class).rebuild();
                System.out.printf(Locale.ROOT, "Rebuilt the aggregates from %,d facts of %d weeks in %.1f s%n", rebuilt.facts(),
                        rebuilt.weeks(), seconds(began));
            }
            time(app, requests);
        } finally {
            app.close();
        }
    }

    private static long count(ConfigurableApplicationContext app, String table) throws Exception {
        try (Connection c = app.getBean(DataSource.class).getConnection(); var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** One deployed process as the generator sees it: its user tasks with their groups, end events and deadline timers. */
    record Shape(String key, String definitionId, List<String[]> tasks, List<String> ends, List<String> timers, double weight) {
    }

    private static long[] fill(ConfigurableApplicationContext app, int instances) throws Exception {
        RepositoryService repository = app.getBean(RepositoryService.class);
        List<Shape> shapes = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
            List<String[]> tasks = model.getModelElementsByType(UserTask.class).stream().map(t -> new String[]{t.getId(),
                    t.getCamundaCandidateGroups() == null || t.getCamundaCandidateGroups().contains("$") ? "customer-service"
                            : t.getCamundaCandidateGroups().split(",")[0].trim()}).toList();
            List<String> ends = model.getModelElementsByType(EndEvent.class).stream().map(EndEvent::getId).toList();
            List<String> timers = model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(b -> !b.getChildElementsByType(TimerEventDefinition.class).isEmpty()).map(BoundaryEvent::getId).toList();
            if (!tasks.isEmpty() && !ends.isEmpty()) {
                double weight = switch (definition.getKey()) {
                    case "refundExchange" -> 40;
                    case "complaintHandling" -> 25;
                    case "priceChangeReview" -> 15;
                    case "procurementApproval" -> 10;
                    default -> 5;
                };
                shapes.add(new Shape(definition.getKey(), definition.getId(), tasks, ends, timers, weight));
            }
        }
        double totalWeight = shapes.stream().mapToDouble(Shape::weight).sum();
        Random random = new Random(42);
        Instant now = Instant.now();
        long span = Duration.ofDays(730).toMillis();
        long[] counts = new long[4];
        try (Connection c = app.getBean(DataSource.class).getConnection()) {
            c.setAutoCommit(false);
            PreparedStatement proc = c.prepareStatement("INSERT INTO ACT_HI_PROCINST (ID_, PROC_INST_ID_, PROC_DEF_KEY_, PROC_DEF_ID_, START_TIME_,"
                    + " END_TIME_, DURATION_, START_ACT_ID_, END_ACT_ID_, ROOT_PROC_INST_ID_, STATE_) VALUES (?,?,?,?,?,?,?,?,?,?,'COMPLETED')");
            PreparedStatement act = c.prepareStatement("INSERT INTO ACT_HI_ACTINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_,"
                    + " PROC_INST_ID_, EXECUTION_ID_, ACT_ID_, TASK_ID_, ACT_TYPE_, START_TIME_, END_TIME_, DURATION_, ACT_INST_STATE_)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,1)");
            PreparedStatement task = c.prepareStatement("INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_DEF_ID_,"
                    + " ROOT_PROC_INST_ID_, PROC_INST_ID_, EXECUTION_ID_, ACT_INST_ID_, NAME_, START_TIME_, END_TIME_, DURATION_, PRIORITY_,"
                    + " TASK_STATE_) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,50,'Completed')");
            PreparedStatement link = c.prepareStatement("INSERT INTO ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, GROUP_ID_, TASK_ID_,"
                    + " ROOT_PROC_INST_ID_, PROC_DEF_ID_, OPERATION_TYPE_, PROC_DEF_KEY_) VALUES (?,?,'candidate',?,?,?,?,'add',?)");
            long id = 0;
            for (int i = 0; i < instances; i++) {
                double pick = random.nextDouble() * totalWeight;
                Shape shape = shapes.get(0);
                for (Shape s : shapes) {
                    pick -= s.weight();
                    if (pick <= 0) {
                        shape = s;
                        break;
                    }
                }
                // in the order they started, with ids that sort as they are made: the indexes grow at their end, as
                // they do in a real installation (random ids and times made the fill crawl on H2's file store)
                String pi = String.format("bpi%09d", i);
                Instant start = now.minusMillis(Duration.ofDays(1).toMillis() + span - (long) ((i + random.nextDouble()) * span / instances));
                Instant at = start;
                addActivity(act, String.format("bai%010d", id++), shape, pi, "start", null, "startEvent", at, at);
                counts[1]++;
                int k = 3 + random.nextInt(5); // 3 to 7 tasks, 5 on average
                for (int t = 0; t < k; t++) {
                    String[] userTask = shape.tasks().get(t % shape.tasks().size());
                    boolean bottleneck = t % shape.tasks().size() == 0;
                    long wait = (long) (Math.exp(random.nextGaussian() * 0.8) * (bottleneck ? 8 : 1) * 3_600_000L);
                    Instant end = at.plusMillis(wait);
                    String taskId = String.format("bti%010d", id++);
                    String actId = String.format("bai%010d", id++);
                    addActivity(act, actId, shape, pi, userTask[0], taskId, "userTask", at, end);
                    task.setString(1, taskId);
                    task.setString(2, userTask[0]);
                    task.setString(3, shape.key());
                    task.setString(4, shape.definitionId());
                    task.setString(5, pi);
                    task.setString(6, pi);
                    task.setString(7, pi);
                    task.setString(8, actId);
                    task.setString(9, userTask[0]);
                    task.setTimestamp(10, Timestamp.from(at));
                    task.setTimestamp(11, Timestamp.from(end));
                    task.setLong(12, wait);
                    task.addBatch();
                    link.setString(1, String.format("bil%010d", id++));
                    link.setTimestamp(2, Timestamp.from(at));
                    link.setString(3, userTask[1]);
                    link.setString(4, taskId);
                    link.setString(5, pi);
                    link.setString(6, shape.definitionId());
                    link.setString(7, shape.key());
                    link.addBatch();
                    counts[1]++;
                    counts[2]++;
                    counts[3]++;
                    if (t == 0 && !shape.timers().isEmpty() && random.nextInt(20) == 0) { // a deadline that fired: 5 %
                        Instant fired = at.plusMillis(wait / 2);
                        addActivity(act, String.format("bai%010d", id++), shape, pi, shape.timers().get(random.nextInt(shape.timers().size())), null,
                                "boundaryTimer", fired, fired);
                        counts[1]++;
                    }
                    at = end.plusMillis(random.nextInt(60_000));
                }
                String endEvent = random.nextInt(5) == 0 ? shape.ends().get(random.nextInt(shape.ends().size())) : shape.ends().get(0);
                addActivity(act, String.format("bai%010d", id++), shape, pi, endEvent, null, "noneEndEvent", at, at);
                counts[1]++;
                proc.setString(1, pi);
                proc.setString(2, pi);
                proc.setString(3, shape.key());
                proc.setString(4, shape.definitionId());
                proc.setTimestamp(5, Timestamp.from(start));
                proc.setTimestamp(6, Timestamp.from(at));
                proc.setLong(7, Duration.between(start, at).toMillis());
                proc.setString(8, "start");
                proc.setString(9, endEvent);
                proc.setString(10, pi);
                proc.addBatch();
                counts[0]++;
                if ((i + 1) % BATCH == 0 || i == instances - 1) {
                    for (PreparedStatement s : List.of(proc, act, task, link)) {
                        s.executeBatch();
                    }
                    c.commit();
                    if ((i + 1) % 100_000 == 0) {
                        System.out.printf(Locale.ROOT, "  %,d instances%n", i + 1);
                    }
                }
            }
        }
        return counts;
    }

    private static void addActivity(PreparedStatement act, String id, Shape shape, String pi, String node, String taskId, String type,
                                    Instant start, Instant end) throws Exception {
        act.setString(1, id);
        act.setString(2, shape.key());
        act.setString(3, shape.definitionId());
        act.setString(4, pi);
        act.setString(5, pi);
        act.setString(6, pi);
        act.setString(7, node);
        act.setString(8, taskId);
        act.setString(9, type);
        act.setTimestamp(10, Timestamp.from(start));
        act.setTimestamp(11, Timestamp.from(end));
        act.setLong(12, Duration.between(start, end).toMillis());
        act.addBatch();
    }

    private static void time(ConfigurableApplicationContext app, int requests) throws Exception {
        String base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String definition = app.getBean(RepositoryService.class).createProcessDefinitionQuery().processDefinitionKey("refundExchange")
                .latestVersion().singleResult().getId();
        Map<String, String> periods = new LinkedHashMap<>();
        periods.put("30 days", "from=" + today.minusDays(29) + "&to=" + today);
        periods.put("1 year", "from=" + today.minusYears(1) + "&to=" + today);
        periods.put("2 years", "from=" + today.minusYears(2) + "&to=" + today);
        System.out.printf(Locale.ROOT, "%n%-58s %10s %10s%n", "GET (" + requests + " requests each, after 5 to warm up)", "p50 ms", "p95 ms");
        for (Map.Entry<String, String> period : periods.entrySet()) {
            for (String path : List.of("/api/monitor/overview", "/api/monitor/processes/refundExchange",
                    "/api/monitor/heatmap?processDefinitionId=" + definition, "/api/monitor/quality", "/api/monitor/overview/csv")) {
                String url = base + path + (path.contains("?") ? "&" : "?") + period.getValue();
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic).build();
                report(path.replace(definition, "…") + " · " + period.getKey(), requests, () -> http.send(request, HttpResponse.BodyHandlers.ofString()));
            }
        }
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/desk/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token on the log-in page");
        }
        browser.send(HttpRequest.newBuilder(URI.create(base + "/desk/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + USER + "&password=" + PASSWORD + "&_csrf=" + csrf.group(1))).build(),
                HttpResponse.BodyHandlers.ofString());
        for (Map.Entry<String, String> period : periods.entrySet()) {
            for (String query : List.of("", "&process=refundExchange")) {
                HttpRequest page = HttpRequest.newBuilder(URI.create(base + "/monitor?" + period.getValue() + query)).build();
                report("/monitor page" + (query.isEmpty() ? "" : " (one process)") + " · " + period.getKey(), requests,
                        () -> browser.send(page, HttpResponse.BodyHandlers.ofString()));
            }
        }
    }

    interface Call {
        HttpResponse<String> call() throws Exception;
    }

    private static void report(String what, int requests, Call call) throws Exception {
        for (int i = 0; i < 5; i++) {
            check(call.call(), what);
        }
        double[] ms = new double[requests];
        for (int i = 0; i < requests; i++) {
            long began = System.nanoTime();
            check(call.call(), what);
            ms[i] = (System.nanoTime() - began) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%-58s %10.1f %10.1f%n", what, ms[requests / 2], ms[(int) Math.ceil(requests * 0.95) - 1]);
    }

    private static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }
}
