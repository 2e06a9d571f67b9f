package org.ticketops.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;

/**
 * Errors that Tomcat answers before any servlet runs (request headers too large, a malformed request
 * line) are written by the host's error report valve, as an HTML page by default. This valve writes
 * them as RFC 9457 problem details with a {@code code}, like every other error of TicketOps, and
 * reveals nothing about the server.
 */
public class ProblemJsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String code = known == null ? "HTTP_" + status : known.name();
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = "The request was refused before it reached the application.";
        if (throwable != null && throwable.getMessage() != null
                && throwable.getMessage().toLowerCase(Locale.ROOT).contains("header")) {
            code = "REQUEST_HEADER_TOO_LARGE";
            detail = "The request's headers are too large.";
        }
        String body = "{\"type\":\"urn:ticketops:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')
                + "\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail
                + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is already closed: nothing more to say
        }
    }

    /** Puts this valve on the embedded Tomcat's host, after Spring Boot's own settings. */
    @Configuration(proxyBeanMethods = false)
    static class Installer {
        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemJsonErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemJsonErrorReportValve.class.getName());
                }
            });
        }
    }
}
