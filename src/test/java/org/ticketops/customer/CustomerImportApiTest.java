package org.ticketops.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.ticketops.support.TestData;
import org.ticketops.support.TicketOpsTest;

/** Importing customers from CSV: all rows or none, every refused row named by its line and field. */
@TicketOpsTest
class CustomerImportApiTest {

    static final String HEADER = "name,phone,email,memberTier,customerType,birthday,consentToContact\n";
    @Autowired
    TestRestTemplate rest;
    @Autowired
    TestData data;
    @Autowired
    JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    static ResponseEntity<String> upload(TestRestTemplate rest, String user, byte[] file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth(user, user);
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "customers.csv";
            }
        });
        return rest.exchange("/api/customers/import", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM to_customers", Long.class);
    }

    @Test
    void aCleanFileImportsEveryRow() throws Exception {
        String tag = TestData.unique("imp").replace(" ", "");
        String phone = TestData.phone();
        String csv = HEADER
                + "\"王芳, \"\"Fang\"\"\"," + phone.substring(4) + "," + tag.toUpperCase() + "@Example.cn,GOLD,INDIVIDUAL,1988-04-02,yes\n"
                + "Oriental " + tag + ",,ops." + tag + "@example.cn,,CORPORATE,,no\n"
                + "Walk-in " + tag + ",,,NONE,INDIVIDUAL,,\n";
        long before = count();
        ResponseEntity<String> answer = upload(rest, "amy", ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
        assertThat(json.readTree(answer.getBody()).path("imported").asInt()).isEqualTo(3);
        assertThat(count()).isEqualTo(before + 3);
        HttpHeaders headers = new HttpHeaders();
        headers.setBasicAuth("amy", "amy");
        JsonNode found = json.readTree(rest.exchange("/api/customers?query=" + tag.toLowerCase() + "@example.cn",
                HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody()).path("items");
        assertThat(found).hasSize(2); // and ops.<tag>@example.cn
        assertThat(found).filteredOn(c -> c.path("email").asText().equals(tag.toLowerCase() + "@example.cn"))
                .singleElement().satisfies(c -> {
            assertThat(c.path("name").asText()).isEqualTo("王芳, \"Fang\"");
            assertThat(c.path("phone").asText()).isEqualTo(phone.replace(" ", ""));
            assertThat(c.path("memberTier").asText()).isEqualTo("GOLD");
            assertThat(c.path("consentToContact").asBoolean()).isTrue();
        });
    }

    @Test
    void aFileWithWrongRowsImportsNothingAndNamesEachRowByLineAndField() throws Exception {
        Customer existing = data.customer(MemberTier.NONE);
        String tag = TestData.unique("bad").replace(" ", "");
        String csv = HEADER
                + "Good " + tag + ",," + tag + "@example.cn,SILVER,INDIVIDUAL,,\n"      // line 2
                + "Bad phone,12,,NONE,INDIVIDUAL,,\n"                                     // line 3
                + "Bad tier,,,DIAMOND,INDIVIDUAL,,\n"                                     // line 4
                + "Same mail,," + tag + "@example.cn,NONE,INDIVIDUAL,,\n"                // line 5
                + "Taken phone," + existing.phone() + ",,NONE,INDIVIDUAL,,\n"            // line 6
                + ",,,NONE,INDIVIDUAL,2999-01-01,maybe\n";                                 // line 7
        long before = count();
        ResponseEntity<String> answer = upload(rest, "sam", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        JsonNode problem = json.readTree(answer.getBody());
        assertThat(problem.path("code").asText()).isEqualTo("IMPORT_REFUSED");
        java.util.List<String> rows = new java.util.ArrayList<>();
        problem.path("rows").forEach(r -> rows.add(r.path("line").asInt() + " " + r.path("field").asText()));
        assertThat(rows).containsExactlyInAnyOrder("3 phone", "4 memberTier", "5 email", "6 phone", "7 name", "7 birthday",
                "7 consentToContact");
        assertThat(problem.path("errors").findValuesAsText("field")).contains("line 3: phone");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotUtf8CsvOrComesFromOutsideTheDeskIsRefused() throws Exception {
        long before = count();
        byte[] latin1 = (HEADER + "Jos\u00e9,,,NONE,INDIVIDUAL,,\n").getBytes(StandardCharsets.ISO_8859_1);
        ResponseEntity<String> answer = upload(rest, "amy", latin1);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(answer.getBody()).path("errors").findValuesAsText("field")).contains("file");
        assertThat(upload(rest, "amy", "name\n".getBytes(StandardCharsets.UTF_8)).getStatusCode().value()).isEqualTo(400);
        assertThat(upload(rest, "fiona", (HEADER + "X,,,NONE,INDIVIDUAL,,\n").getBytes(StandardCharsets.UTF_8))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);
    }
}
