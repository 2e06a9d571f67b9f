package org.ticketops.cluster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.ticketops.support.MySqlAvailable;

/**
 * An empty database for a cluster run on the server of {@code TICKETOPS_TEST_MYSQL_URL}, named after that one with a
 * suffix (so it never touches the MySQL suite's own), and a small pool to read it.
 */
final class ClusterDatabase {

    private static final Pattern URL = Pattern.compile("(jdbc:mysql://[^/]+/)([A-Za-z0-9_]+)(.*)");

    private final String name;
    private final String url;
    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;

    private ClusterDatabase(String name, String url, HikariDataSource pool) {
        this.name = name;
        this.url = url;
        this.pool = pool;
        this.jdbc = new JdbcTemplate(pool);
    }

    static ClusterDatabase fresh(String suffix) {
        return fresh(System.getenv(MySqlAvailable.VARIABLE), suffix);
    }

    static ClusterDatabase fresh(String suiteUrl, String suffix) {
        Matcher m = URL.matcher(suiteUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a jdbc:mysql://host/database URL: " + suiteUrl);
        }
        String name = m.group(2) + "_" + suffix;
        try (HikariDataSource admin = pool(suiteUrl)) {
            JdbcTemplate jdbc = new JdbcTemplate(admin);
            jdbc.execute("DROP DATABASE IF EXISTS " + name);
            jdbc.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        }
        String url = m.group(1) + name + m.group(3);
        return new ClusterDatabase(name, url, pool(url));
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user());
        pool.setPassword(password());
        pool.setMaximumPoolSize(4);
        pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        return pool;
    }

    static String user() {
        return env("TICKETOPS_TEST_MYSQL_USER", "root");
    }

    static String password() {
        return env("TICKETOPS_TEST_MYSQL_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    void drop() {
        jdbc.execute("DROP DATABASE IF EXISTS " + name);
        pool.close();
    }
}
