package org.ticketops.web;

import static org.ticketops.identity.Groups.ADMIN;
import static org.ticketops.identity.Groups.CUSTOMER_SERVICE;
import static org.ticketops.identity.Groups.FINANCE;
import static org.ticketops.identity.Groups.GENERAL_MANAGER;
import static org.ticketops.identity.Groups.HR;
import static org.ticketops.identity.Groups.OPERATIONS_MANAGER;
import static org.ticketops.identity.Groups.PROCUREMENT;
import static org.ticketops.identity.Groups.TICKET_SALES;

import java.io.IOException;
import java.util.Arrays;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.ticketops.identity.CamundaIdentityAuthenticationProvider;
import org.ticketops.identity.Groups;
import org.ticketops.identity.TasklistSessionAuthentication;

/**
 * Who may call what. {@code /api/**}, the OpenAPI description and the actuator (but health) take HTTP
 * Basic against the Camunda identity: 401 without valid credentials, 403 outside the needed group, both
 * as problem details. {@code /engine-rest/**} is authenticated by Camunda's own filter, so the engine's
 * authorizations apply to it. The webapps (Tasklist, Cockpit, Admin) keep their own log-in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** Every staff group that works with customers, orders and refunds. */
    static final String[] STAFF = groups(CUSTOMER_SERVICE, TICKET_SALES, FINANCE, OPERATIONS_MANAGER, GENERAL_MANAGER, ADMIN);
    static final String[] FRONT_DESK = groups(CUSTOMER_SERVICE, TICKET_SALES, ADMIN);
    static final String[] TABLE_READERS = groups(FINANCE, OPERATIONS_MANAGER, GENERAL_MANAGER, ADMIN);
    static final String[] TABLE_EDITORS = groups(OPERATIONS_MANAGER, GENERAL_MANAGER, ADMIN);
    static final String[] OPERATORS = groups(OPERATIONS_MANAGER, GENERAL_MANAGER, ADMIN);
    static final String[] SELLERS = groups(TICKET_SALES, ADMIN);
    static final String[] CATALOG_WRITERS = groups(OPERATIONS_MANAGER, TICKET_SALES, ADMIN);
    /** Procurement writes suppliers and requests; the managers and finance, who approve, read them. */
    static final String[] BUYERS = groups(PROCUREMENT, ADMIN);
    static final String[] QUALITY_READERS = groups(CUSTOMER_SERVICE, OPERATIONS_MANAGER, GENERAL_MANAGER, ADMIN);
    static final String[] PRICE_READERS = groups(TICKET_SALES, FINANCE, OPERATIONS_MANAGER, GENERAL_MANAGER, ADMIN);
    /** Process owners: the cycle-time monitor. */
    static final String[] MONITOR_READERS = groups(OPERATIONS_MANAGER, GENERAL_MANAGER, ADMIN);
    static final String[] PROCUREMENT_READERS = groups(PROCUREMENT, FINANCE, OPERATIONS_MANAGER, GENERAL_MANAGER, ADMIN);

    @Bean
    @Order(1)
    SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        // Camunda's webapps and engine REST authenticate and protect themselves (sessions + CSRF / Basic).
        // Explicit path matchers: these paths are served by Camunda's own servlets and filters, not by Spring MVC.
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http.securityMatcher(new OrRequestMatcher(paths.matcher("/camunda/**"), paths.matcher("/engine-rest/**"),
                        paths.matcher("/"), paths.matcher("/favicon.ico"), paths.matcher("/error")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .securityContext(AbstractHttpConfigurer::disable)
                .sessionManagement(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * The desk page ({@code /desk}): a browser session with a log-in form against the same identity, CSRF tokens on
     * every form, front-desk groups only; selling only for ticket-sales. Its styles and scripts ({@code /webjars})
     * come from the jar.
     */
    @Bean
    @Order(2)
    SecurityFilterChain desk(HttpSecurity http, CamundaIdentityAuthenticationProvider identity) throws Exception {
        return http.securityMatcher("/desk", "/desk/**", "/decisions", "/decisions/**", "/webjars/**", "/survey/**", "/quality", "/monitor", "/monitor/**")
                .authenticationProvider(identity)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/webjars/**", "/desk/login").permitAll()
                        // the public survey page: its single-use token is the only key
                        .requestMatchers("/survey/**").permitAll()
                        .requestMatchers("/quality").hasAnyAuthority(QUALITY_READERS)
                        .requestMatchers("/monitor").hasAnyAuthority(MONITOR_READERS)
                        .requestMatchers(HttpMethod.POST, "/monitor/risk-warnings/*/acknowledge")
                        .hasAnyAuthority(groups(GENERAL_MANAGER, ADMIN))
                        .requestMatchers(HttpMethod.GET, "/decisions", "/decisions/**").hasAnyAuthority(TABLE_READERS)
                        .requestMatchers("/decisions", "/decisions/**").hasAnyAuthority(TABLE_EDITORS)
                        .requestMatchers(HttpMethod.POST, "/desk/customers/*/orders", "/desk/customers/*/quote")
                        .hasAnyAuthority(SELLERS)
                        .anyRequest().hasAnyAuthority(FRONT_DESK))
                .formLogin(f -> f.loginPage("/desk/login").defaultSuccessUrl("/desk").failureUrl("/desk/login?error"))
                .logout(l -> l.logoutUrl("/desk/logout").logoutSuccessUrl("/desk/login?logout"))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, CamundaIdentityAuthenticationProvider identity, ObjectMapper json,
                            IdentityService identityService) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"TicketOps\"");
            write(json, response, HttpStatus.UNAUTHORIZED, "UNAUTHORIZED", "Unauthorized",
                    "Log in with HTTP Basic (your Tasklist user and password).");
        };
        return http
                .authenticationProvider(identity)
                // the webapps' own log-in reads (GET only) the case a start form opened in Tasklist and the
                // monitor's figures for Cockpit's heatmap
                .addFilterBefore(new TasklistSessionAuthentication(identityService, "/api/cases/", "/api/monitor/"),
                        BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAnyAuthority(groups(ADMIN))
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/decisions/*/evaluate").authenticated()
                        // whoever started a process reads its case's outcome (the controller: its opener only)
                        .requestMatchers(HttpMethod.GET, "/api/cases/started/*").authenticated()
                        .requestMatchers(HttpMethod.GET, "/api/decision-tables/**").hasAnyAuthority(TABLE_READERS)
                        .requestMatchers("/api/decision-tables/**").hasAnyAuthority(TABLE_EDITORS)
                        .requestMatchers(HttpMethod.GET, "/api/shows/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/shows/*/presales").hasAnyAuthority(OPERATORS)
                        .requestMatchers(HttpMethod.POST, "/api/events/**", "/api/shows/**").hasAnyAuthority(CATALOG_WRITERS)
                        .requestMatchers(HttpMethod.PATCH, "/api/events/**", "/api/shows/**", "/api/categories/**")
                        .hasAnyAuthority(CATALOG_WRITERS)
                        .requestMatchers(HttpMethod.POST, "/api/orders", "/api/orders/**").hasAnyAuthority(SELLERS)
                        .requestMatchers(HttpMethod.POST, "/api/customers/**").hasAnyAuthority(FRONT_DESK)
                        .requestMatchers(HttpMethod.PATCH, "/api/customers/**").hasAnyAuthority(FRONT_DESK)
                        .requestMatchers(HttpMethod.POST, "/api/refund-requests/*/payment")
                        .hasAnyAuthority(groups(CUSTOMER_SERVICE, TICKET_SALES, FINANCE, ADMIN))
                        .requestMatchers("/api/refund-requests/**").hasAnyAuthority(FRONT_DESK)
                        .requestMatchers("/api/quotes/**").hasAnyAuthority(groups(TICKET_SALES, ADMIN))
                        .requestMatchers("/api/notifications/**").hasAnyAuthority(OPERATORS)
                        .requestMatchers(HttpMethod.POST, "/api/complaints", "/api/complaints/**")
                        .hasAnyAuthority(groups(CUSTOMER_SERVICE, ADMIN))
                        .requestMatchers("/api/quality", "/api/quality/**").hasAnyAuthority(QUALITY_READERS)
                        .requestMatchers(HttpMethod.GET, "/api/monitor/**").hasAnyAuthority(MONITOR_READERS)
                        .requestMatchers(HttpMethod.POST, "/api/monitor/rebuild").hasAnyAuthority(groups(ADMIN))
                        .requestMatchers(HttpMethod.GET, "/api/price-changes/**").hasAnyAuthority(PRICE_READERS)
                        .requestMatchers("/api/price-changes", "/api/price-changes/**").hasAnyAuthority(SELLERS)
                        .requestMatchers(HttpMethod.GET, "/api/suppliers", "/api/suppliers/**", "/api/procurement-requests/**")
                        .hasAnyAuthority(PROCUREMENT_READERS)
                        .requestMatchers("/api/suppliers", "/api/suppliers/**", "/api/procurement-requests", "/api/procurement-requests/**")
                        .hasAnyAuthority(BUYERS)
                        .requestMatchers(HttpMethod.POST, "/api/performance/cycles").hasAnyAuthority(groups(HR, ADMIN))
                        .requestMatchers(HttpMethod.GET, "/api/performance/results/me", "/api/performance/results/employees/*")
                        .authenticated() // the controller lets each employee read only their own
                        .requestMatchers(HttpMethod.GET, "/api/performance/results", "/api/performance/results/csv")
                        .hasAnyAuthority(groups(HR, OPERATIONS_MANAGER, ADMIN))
                        .requestMatchers("/api/performance/**").denyAll()
                        .requestMatchers(HttpMethod.POST, "/api/stocktakes").hasAnyAuthority(OPERATORS)
                        .requestMatchers(HttpMethod.POST, "/api/settlements", "/api/reconciliation/**")
                        .hasAnyAuthority(groups(FINANCE, ADMIN))
                        .requestMatchers(HttpMethod.POST, "/api/risk-warnings/*/acknowledge")
                        .hasAnyAuthority(groups(FINANCE, GENERAL_MANAGER, ADMIN))
                        .requestMatchers(HttpMethod.GET, "/api/reconciliation/**", "/api/reports/**", "/api/risk-warnings")
                        .hasAnyAuthority(groups(FINANCE, OPERATIONS_MANAGER, GENERAL_MANAGER, ADMIN))
                        .requestMatchers(HttpMethod.GET, "/api/stocktakes/**", "/api/inventory-movements")
                        .hasAnyAuthority(groups(TICKET_SALES, FINANCE, OPERATIONS_MANAGER, GENERAL_MANAGER, ADMIN))
                        .requestMatchers("/api/**").hasAnyAuthority(STAFF)
                        .requestMatchers(HttpMethod.GET, "/demo/**").hasAnyAuthority(STAFF)
                        .anyRequest().denyAll())
                .httpBasic(basic -> basic.realmName("TicketOps").authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> write(json, response, HttpStatus.FORBIDDEN,
                                "FORBIDDEN", "Forbidden", "Your groups do not allow this request.")))
                .csrf(AbstractHttpConfigurer::disable)
                // stateless; and a read with the webapps' session must not change that session's id (fixation
                // protection would), or the webapp's requests still in flight with the old id fail as logged out
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS).sessionFixation(f -> f.none()))
                .build();
    }

    /** Camunda's own authentication for the engine REST API: HTTP Basic, then the engine's authorizations. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-engine-rest-auth");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String code,
                              String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, code, title, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String[] groups(String... groups) {
        return Arrays.stream(groups).map(Groups::authority).toArray(String[]::new);
    }
}
