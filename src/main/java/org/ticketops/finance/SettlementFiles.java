package org.ticketops.finance;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ticketops.web.InvalidField;
import org.ticketops.web.ProblemException;

/**
 * The payment provider's settlement files: CSV with {@code reference,amount,fee,value_date} (payouts negative), each
 * file once (its SHA-256). A file is checked whole before anything is stored: UTF-8, the header, every line's four
 * fields; a bad file is refused naming the first bad line, and nothing is kept.
 */
@Service
public class SettlementFiles {

    private static final Logger log = LoggerFactory.getLogger(SettlementFiles.class);
    static final String HEADER = "reference,amount,fee,value_date";
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._:/-]{1,100}");
    private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");
    private static final Pattern FEE = Pattern.compile("\\d{1,10}(\\.\\d{1,2})?");
    private static final int CHUNK = 1000;

    /** What was imported. */
    public record Imported(long fileId, String name, int lines, BigDecimal total) {
    }

    private final SettlementMapper mapper;
    private final FinanceProperties properties;
    private final Clock clock;

    SettlementFiles(SettlementMapper mapper, FinanceProperties properties, Clock clock) {
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public Imported importFile(String name, byte[] content, String source, String user) {
        if (content == null || content.length == 0) {
            throw new InvalidField("file", "is empty");
        }
        if (content.length > properties.maxFileSize()) {
            throw new InvalidField("file", "is larger than " + properties.maxFileSize() + " bytes");
        }
        String fileName = name == null || name.isBlank() ? "settlement.csv" : name.strip();
        if (fileName.length() > 200) {
            fileName = fileName.substring(0, 200);
        }
        String sha = sha256(content);
        if (mapper.fileByHash(sha) != null) {
            throw new FileAlreadyImported(fileName);
        }
        List<SettlementMapper.Line> lines = parse(text(content));
        BigDecimal total = lines.stream().map(SettlementMapper.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        var row = new SettlementMapper.FileRow();
        row.name = fileName;
        row.sha256 = sha;
        row.source = source;
        row.uploadedBy = user;
        row.uploadedAt = clock.instant();
        row.lineCount = lines.size();
        row.total = total;
        mapper.insertFile(row);
        for (int i = 0; i < lines.size(); i += CHUNK) {
            mapper.insertLines(row.id, lines.subList(i, Math.min(lines.size(), i + CHUNK)));
        }
        log.info("Settlement file {} imported ({} lines, total {}) by {}", fileName, lines.size(), total, user);
        return new Imported(row.id, fileName, lines.size(), total);
    }

    /** Imports every {@code *.csv} in the inbox, oldest first, and moves each to processed/ or refused/. */
    public List<Imported> importInbox() {
        List<Imported> imported = new ArrayList<>();
        if (properties.inboxDir() == null || properties.inboxDir().isBlank()) {
            return imported;
        }
        Path inbox = Path.of(properties.inboxDir());
        if (!Files.isDirectory(inbox)) {
            return imported;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(inbox)) {
            files = listing.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase().endsWith(".csv"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("Can't read the settlement inbox " + inbox, e);
        }
        for (Path file : files) {
            String outcome = "processed";
            try {
                if (Files.size(file) > properties.maxFileSize()) {
                    throw new InvalidField("file", "is larger than " + properties.maxFileSize() + " bytes");
                }
                imported.add(importFile(file.getFileName().toString(), Files.readAllBytes(file), "INBOX", "inbox"));
            } catch (ProblemException refused) {
                outcome = "refused";
                log.warn("Settlement file {} refused: {}", file.getFileName(), refused.getMessage());
            } catch (IOException e) {
                log.warn("Settlement file {} could not be read: {}", file, e.getMessage());
                continue;
            }
            try {
                Path target = inbox.resolve(outcome);
                Files.createDirectories(target);
                Files.move(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                log.warn("Settlement file {} could not be moved to {}: {}", file, outcome, e.getMessage());
            }
        }
        return imported;
    }

    static List<SettlementMapper.Line> parse(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] rows = body.split("\\r?\\n", -1);
        if (!rows[0].strip().equalsIgnoreCase(HEADER)) {
            throw new InvalidField("file", "line 1 must be the header " + HEADER);
        }
        List<SettlementMapper.Line> lines = new ArrayList<>(rows.length);
        for (int i = 1; i < rows.length; i++) {
            String row = rows[i];
            if (row.isBlank()) {
                continue;
            }
            String where = "line " + (i + 1) + ": ";
            String[] f = row.split(",", -1);
            if (f.length != 4) {
                throw new InvalidField("file", where + "needs 4 fields (" + HEADER + "), has " + f.length);
            }
            String reference = f[0].strip();
            if (!REFERENCE.matcher(reference).matches()) {
                throw new InvalidField("file", where + "reference must be 1 to 100 letters, digits or . _ : / -");
            }
            if (!AMOUNT.matcher(f[1].strip()).matches()) {
                throw new InvalidField("file", where + "amount must be a number with at most 2 decimals");
            }
            if (!FEE.matcher(f[2].strip()).matches()) {
                throw new InvalidField("file", where + "fee must be 0 or more, at most 2 decimals");
            }
            LocalDate valueDate;
            try {
                valueDate = LocalDate.parse(f[3].strip());
            } catch (DateTimeParseException e) {
                throw new InvalidField("file", where + "value_date must be a date (YYYY-MM-DD)");
            }
            lines.add(new SettlementMapper.Line(i + 1, reference, new BigDecimal(f[1].strip()).setScale(2),
                    new BigDecimal(f[2].strip()).setScale(2), valueDate));
        }
        if (lines.isEmpty()) {
            throw new InvalidField("file", "has no lines after the header");
        }
        return lines;
    }

    private static String text(byte[] content) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidField("file", "is not UTF-8 text");
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same file a second time: 409. */
    static final class FileAlreadyImported extends ProblemException {
        FileAlreadyImported(String name) {
            super(Kind.CONFLICT, "SETTLEMENT_FILE_IMPORTED", "File already imported",
                    "This settlement file (" + name + ") was imported before; each file is taken once.", Map.of("name", name));
        }
    }
}
