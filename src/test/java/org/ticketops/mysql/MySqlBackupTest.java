package org.ticketops.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.complaint.Complaint;
import org.ticketops.complaint.ComplaintCategory;
import org.ticketops.complaint.ComplaintEnums;
import org.ticketops.complaint.ComplaintService;
import org.ticketops.complaint.ComplaintSeverity;
import org.ticketops.complaint.NewComplaint;
import org.ticketops.customer.MemberTier;
import org.ticketops.support.MySqlTest;
import org.ticketops.support.TestData;

/**
 * Backup and restore as the README describes them, tried once: the database dumped with {@code mariadb-dump} (or
 * {@code mysqldump}) while the application runs, dropped, restored from the dump, and a process that was waiting
 * goes on where it was.
 */
@MySqlTest
class MySqlBackupTest {

    @Autowired
    ComplaintService complaints;
    @Autowired
    TaskService tasks;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDumpRestoredIntoAnEmptyDatabaseLetsTheRunningProcessesGoOn() throws Exception {
        Complaint complaint = complaints.submit(new NewComplaint(data.customer(MemberTier.NONE).id(), null, null,
                ComplaintEnums.Channel.PHONE, ComplaintCategory.OTHER, ComplaintSeverity.LOW, "Backed up 备份"), "amy");
        Task waiting = tasks.createTaskQuery().processInstanceId(complaint.processInstanceId()).singleResult();
        int cases = jdbc.queryForObject("SELECT COUNT(*) FROM to_cases", Integer.class);

        URI url = URI.create(System.getenv("TICKETOPS_TEST_MYSQL_URL").substring("jdbc:".length()));
        String database = url.getPath().substring(1);
        List<String> login = new ArrayList<>(List.of("-h", url.getHost(), "-P", String.valueOf(url.getPort() < 0 ? 3306 : url.getPort()),
                "-u", System.getenv().getOrDefault("TICKETOPS_TEST_MYSQL_USER", "root")));
        String password = System.getenv().getOrDefault("TICKETOPS_TEST_MYSQL_PASSWORD", "");
        if (!password.isEmpty()) {
            login.add("-p" + password);
        }
        Path dump = Files.createTempFile("ticketops-backup", ".sql");
        run(command(tool("mariadb-dump", "mysqldump"), login, "--single-transaction", "--routines", database), null, dump);
        assertThat(Files.size(dump)).isGreaterThan(10_000);

        run(command(tool("mariadb", "mysql"), login, "-e", "DROP DATABASE `" + database + "`; CREATE DATABASE `" + database
                + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin"), null, null);
        run(command(tool("mariadb", "mysql"), login, database), dump, null);
        Files.deleteIfExists(dump);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM to_cases", Integer.class)).isEqualTo(cases);
        tasks.setAssignee(waiting.getId(), "amy");
        tasks.complete(waiting.getId(), Map.of("acknowledgeOutcome", "CONTACTED", "acknowledgeNote", "Called back after the restore"));
        assertThat(complaints.complaint(complaint.id()).status()).isEqualTo("IN_INVESTIGATION");
        assertThat(complaints.complaint(complaint.id()).description()).isEqualTo("Backed up 备份");
    }

    private static String tool(String... names) {
        for (String name : names) {
            for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return name;
                }
            }
        }
        throw new IllegalStateException("none of " + String.join(", ", names) + " on the PATH");
    }

    private static List<String> command(String tool, List<String> login, String... rest) {
        List<String> command = new ArrayList<>(List.of(tool));
        command.addAll(login);
        command.addAll(List.of(rest));
        return command;
    }

    private static void run(List<String> command, Path input, Path output) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        if (output != null) {
            builder.redirectOutput(output.toFile());
        }
        Process process = builder.start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command.get(0) + " failed with " + process.exitValue());
        }
    }
}
