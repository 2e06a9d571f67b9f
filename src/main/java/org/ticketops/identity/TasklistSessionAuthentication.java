package org.ticketops.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a page of Tasklist read {@code GET /api/cases/**}, and Cockpit's heatmap plugin {@code GET /api/monitor/**},
 * with the webapps' log-in of the same browser (their session), so a clerk sees the case a start form opened, and a
 * process owner the heatmap, without logging in twice. Reads
 * only (GET: nothing can be changed with it, so no CSRF exposure), only those paths, and only when the
 * request brings no credentials of its own; the groups are read fresh from the identity, so a user removed
 * from a group loses access at once.
 */
public class TasklistSessionAuthentication extends OncePerRequestFilter {

    private static final String ENGINE = "default";
    private final IdentityService identity;
    private final List<String> pathPrefixes;

    public TasklistSessionAuthentication(IdentityService identity, String... pathPrefixes) {
        this.identity = identity;
        this.pathPrefixes = List.of(pathPrefixes);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getHeader("Authorization") != null
                || pathPrefixes.stream().noneMatch(request.getRequestURI().substring(request.getContextPath().length())::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            Authentications all = AuthenticationUtil.getAuthsFromSession(session);
            Authentication tasklist = all == null ? null : all.getAuthenticationForProcessEngine(ENGINE);
            if (tasklist != null && tasklist != Authentication.ANONYMOUS && tasklist.getName() != null
                    && identity.createUserQuery().userId(tasklist.getName()).count() == 1) {
                List<SimpleGrantedAuthority> authorities = IdentitySetup.groupsOf(identity, tasklist.getName()).stream()
                        .map(g -> new SimpleGrantedAuthority(Groups.authority(g))).toList();
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(tasklist.getName(), null, authorities));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
