package org.ticketops.customer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.audit.AuditTrail;
import org.ticketops.customer.CustomerCommands.NewCustomer;
import org.ticketops.platform.TicketOpsProperties;
import org.ticketops.web.FieldError;
import org.ticketops.web.InvalidField;
import org.ticketops.web.ProblemException;

/**
 * Imports customers from a CSV file (UTF-8, a header row, the columns of a customer record: name, phone, email,
 * memberTier, customerType, birthday, consentToContact). Every row is checked first, as one registration would
 * be, and against the other rows (a phone or e-mail twice); then all are imported in one transaction, or none:
 * the answer names each refused row by its line and field.
 */
@Service
public class CustomerImport {

    static final Set<String> COLUMNS = Set.of("name", "phone", "email", "memberTier", "customerType", "birthday",
            "consentToContact");
    static final int MAX_ROWS = 50_000;
    private static final int CHUNK = 500;
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private final CustomerMapper customers;
    private final Validator validator;
    private final AuditTrail audit;
    private final String region;
    private final Clock clock;

    CustomerImport(CustomerMapper customers, Validator validator, AuditTrail audit, TicketOpsProperties ticketOps,
                   Clock clock) {
        this.customers = customers;
        this.validator = validator;
        this.audit = audit;
        this.region = ticketOps.region();
        this.clock = clock;
    }

    /** A refused row: its line in the file (the header is line 1), the field, and what is wrong. */
    public record RefusedRow(int line, String field, String message) {
    }

    public record Imported(int imported) {
    }

    @Transactional
    public Imported importCsv(byte[] file, String actor) {
        String text = utf8(file);
        List<Map<String, String>> rows = read(text);
        List<RefusedRow> refused = new ArrayList<>();
        List<CustomerMapper.CustomerRow> valid = new ArrayList<>();
        Map<String, Integer> phones = new HashMap<>();
        Map<String, Integer> emails = new HashMap<>();
        Instant now = clock.instant();
        for (int i = 0; i < rows.size(); i++) {
            int line = i + 2;
            CustomerMapper.CustomerRow row = check(rows.get(i), line, refused, now);
            if (row == null) {
                continue;
            }
            if (row.phone != null && phones.putIfAbsent(row.phone, line) != null) {
                refused.add(new RefusedRow(line, "phone", "is also on line " + phones.get(row.phone)));
                continue;
            }
            if (row.email != null && emails.putIfAbsent(row.email, line) != null) {
                refused.add(new RefusedRow(line, "email", "is also on line " + emails.get(row.email)));
                continue;
            }
            valid.add(row);
        }
        existing(new ArrayList<>(phones.keySet()), true).forEach(p -> refused.add(new RefusedRow(phones.get(p), "phone",
                "belongs to an active customer already")));
        existing(new ArrayList<>(emails.keySet()), false).forEach(e -> refused.add(new RefusedRow(emails.get(e), "email",
                "belongs to an active customer already")));
        if (!refused.isEmpty()) {
            refused.sort(java.util.Comparator.comparingInt(RefusedRow::line));
            throw new ImportRefused(refused, rows.size());
        }
        for (int from = 0; from < valid.size(); from += CHUNK) {
            customers.insertAll(valid.subList(from, Math.min(valid.size(), from + CHUNK)));
        }
        audit.record(actor, "CUSTOMERS_IMPORTED", CustomerService.SUBJECT, "import", valid.size() + " customer(s)");
        return new Imported(valid.size());
    }

    private CustomerMapper.CustomerRow check(Map<String, String> raw, int line, List<RefusedRow> refused, Instant now) {
        int before = refused.size();
        for (String column : raw.keySet()) {
            if (!COLUMNS.contains(column)) {
                refused.add(new RefusedRow(line, column, "is not a column of a customer record"));
            }
        }
        MemberTier tier = enumValue(MemberTier.class, raw.get("memberTier"), "memberTier", line, refused, MemberTier.NONE);
        CustomerType type = enumValue(CustomerType.class, raw.get("customerType"), "customerType", line, refused,
                CustomerType.INDIVIDUAL);
        LocalDate birthday = null;
        String day = blankToNull(raw.get("birthday"));
        if (day != null) {
            try {
                birthday = LocalDate.parse(day);
            } catch (DateTimeParseException e) {
                refused.add(new RefusedRow(line, "birthday", "is not a date like 1990-05-17"));
            }
        }
        Boolean consent = null;
        String yes = blankToNull(raw.get("consentToContact"));
        if (yes != null) {
            consent = switch (yes.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> {
                    refused.add(new RefusedRow(line, "consentToContact", "must be yes or no"));
                    yield null;
                }
            };
        }
        NewCustomer command = new NewCustomer(blankToNull(raw.get("name")), blankToNull(raw.get("phone")),
                blankToNull(raw.get("email")), tier, type, birthday, consent);
        for (ConstraintViolation<NewCustomer> violation : validator.validate(command)) {
            refused.add(new RefusedRow(line, violation.getPropertyPath().toString(), violation.getMessage()));
        }
        String phone = null;
        try {
            phone = PhoneNumbers.normalise(command.phone(), region, "phone");
        } catch (InvalidField e) {
            refused.add(new RefusedRow(line, "phone", "is not a valid phone number"));
        }
        if (refused.size() > before) {
            return null;
        }
        var row = new CustomerMapper.CustomerRow();
        row.name = command.name();
        row.phone = phone;
        row.email = command.email() == null ? null : command.email().toLowerCase(Locale.ROOT);
        row.memberTier = tier;
        row.customerType = type;
        row.birthday = birthday;
        row.consentToContact = Boolean.TRUE.equals(consent);
        row.createdAt = now;
        return row;
    }

    /** Of these phones (or e-mail addresses), the ones an active customer has. */
    private List<String> existing(List<String> values, boolean phone) {
        Set<String> taken = new LinkedHashSet<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            List<String> chunk = values.subList(from, Math.min(values.size(), from + CHUNK));
            taken.addAll(phone ? customers.findActivePhones(chunk) : customers.findActiveEmails(chunk));
        }
        return new ArrayList<>(taken);
    }

    private static List<Map<String, String>> read(String text) {
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema).readValues(text)) {
            List<Map<String, String>> rows = new ArrayList<>();
            while (it.hasNext()) {
                rows.add(it.next());
                if (rows.size() > MAX_ROWS) {
                    throw new InvalidField("file", "has more than " + MAX_ROWS + " rows; split it");
                }
            }
            if (rows.isEmpty()) {
                throw new InvalidField("file", "has no customer rows under its header");
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidField invalid) {
                throw invalid;
            }
            throw new InvalidField("file", "is not a CSV file with a header row: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    private static String utf8(byte[] file) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidField("file", "is not UTF-8 text");
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, int line,
                                                   List<RefusedRow> refused, E otherwise) {
        String v = blankToNull(value);
        if (v == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            refused.add(new RefusedRow(line, field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return otherwise;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Some rows are wrong: nothing is imported; 400 with every refused row by line and field. */
    static final class ImportRefused extends ProblemException {
        ImportRefused(List<RefusedRow> rows, int total) {
            super(Kind.INVALID, "IMPORT_REFUSED", "Import refused",
                    rows.size() + " problem(s) in " + total + " row(s); nothing was imported.",
                    Map.of("rows", rows.stream().limit(1000).toList(), "errors", rows.stream().limit(1000)
                            .map(r -> new FieldError("line " + r.line() + ": " + r.field(), r.message())).toList()));
        }
    }
}
