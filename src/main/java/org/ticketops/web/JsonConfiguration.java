package org.ticketops.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ticketops.platform.TicketOpsProperties;

/**
 * JSON conventions of {@code /api/**}: money is a string with two decimals ("120.00", rounded half-up),
 * times are ISO-8601 with the offset of the center's zone.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

    static {
        SpringDocUtils.getConfig().replaceWithSchema(BigDecimal.class,
                new StringSchema().pattern("^-?\\d+(\\.\\d{1,2})?$").example("120.00"));
    }

    /**
     * A text field takes text only: a number or a boolean where a name or a note belongs is the caller's mistake
     * (400 naming the field), not something to turn into "42" silently.
     */
    @Bean
    org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer textTakesTextOnly() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigFor(
                        com.fasterxml.jackson.databind.type.LogicalType.Textual)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                        com.fasterxml.jackson.databind.cfg.CoercionAction.Fail));
    }

    /** Boot registers every Jackson module bean with its ObjectMapper. */
    @Bean
    SimpleModule ticketOpsJsonModule(TicketOpsProperties properties) {
        SimpleModule module = new SimpleModule("ticketops");
        module.addSerializer(BigDecimal.class, new MoneySerializer());
        module.addSerializer(Instant.class, new ZonedInstantSerializer(properties.zone()));
        return module;
    }

    static final class MoneySerializer extends StdSerializer<BigDecimal> {
        MoneySerializer() {
            super(BigDecimal.class);
        }

        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
    }

    static final class ZonedInstantSerializer extends StdSerializer<Instant> {
        private final ZoneId zone;

        ZonedInstantSerializer(ZoneId zone) {
            super(Instant.class);
            this.zone = zone;
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(zone).toOffsetDateTime()));
        }
    }
}
