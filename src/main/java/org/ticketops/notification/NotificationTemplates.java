package org.ticketops.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Plain-text message templates, {@code notification-templates/<template>.txt}: the first line is
 * {@code Subject: ...}, the rest the body; {@code {name}} is replaced by the payload's value (plain text,
 * so nothing in a value can become markup). An unknown placeholder stays as it is.
 */
@Component
class NotificationTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    NotificationTemplates(ObjectMapper json) {
        this.json = json;
    }

    NotificationChannel.RenderedMessage render(String template, String payloadJson) {
        String text = cache.computeIfAbsent(template, NotificationTemplates::load);
        Map<String, Object> payload;
        try {
            payload = json.readValue(payloadJson, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException("Payload of " + template + " is not a JSON object", e);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = payload.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : String.valueOf(value)));
        }
        m.appendTail(out);
        String rendered = out.toString();
        int newline = rendered.indexOf('\n');
        String first = newline < 0 ? rendered : rendered.substring(0, newline);
        if (!first.startsWith("Subject: ")) {
            throw new IllegalStateException("notification-templates/" + template + ".txt must start with 'Subject: '");
        }
        return new NotificationChannel.RenderedMessage(first.substring("Subject: ".length()).strip(),
                newline < 0 ? "" : rendered.substring(newline + 1).strip() + "\n");
    }

    private static String load(String template) {
        if (!template.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("Not a template name: " + template);
        }
        ClassPathResource resource = new ClassPathResource("notification-templates/" + template + ".txt");
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("No template notification-templates/" + template + ".txt", e);
        }
    }
}
