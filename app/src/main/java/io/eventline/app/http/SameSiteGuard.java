package io.eventline.app.http;

import io.eventline.http.ApiException;
import io.eventline.http.FieldError;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps web pages of other sites from driving Eventline through the user's browser, token or not.
 * <ul>
 * <li>A {@code Host} this server does not answer to is refused (421): that is how a DNS-rebound page
 *     arrives, since its browser believes it talks to the page's own site.</li>
 * <li>A state-changing request from a page of another origin is refused (403): its {@code Origin}
 *     names another host than the request's {@code Host}, or its {@code Sec-Fetch-Site} says
 *     {@code cross-site} or {@code same-site} (another port of localhost is the same site, yet
 *     another origin). A body-less POST needs no preflight, so CORS alone does not stop it.</li>
 * </ul>
 * Requests without {@code Origin} and {@code Sec-Fetch-Site} (curl, the CLI, Java's HttpClient, one
 * instance forwarding to another) are not browsers' cross-site requests and pass.
 */
final class SameSiteGuard {
    private static final Set<HandlerType> WRITES = Set.of(HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
            HandlerType.DELETE);
    private static final Set<String> FOREIGN_FETCH_SITES = Set.of("cross-site", "same-site");

    private final AllowedHosts hosts;

    SameSiteGuard(AllowedHosts hosts) {
        this.hosts = hosts;
    }

    void check(Context ctx) {
        String host = ctx.header("Host");
        if (!hosts.allows(host)) {
            throw new ApiException(421, "Misdirected Request", "this server does not answer to the host '" + host
                    + "': a request must name it as localhost, 127.0.0.1, [::1], its --bind or --advertised-host "
                    + "address, or a host of --allowed-hosts (EVENTLINE_ALLOWED_HOSTS)",
                    List.of(new FieldError("Host", "not a host this server answers to")));
        }
        if (WRITES.contains(ctx.method())) {
            refuseForeignPage(ctx.method(), ctx.path(), host, ctx.header("Origin"), ctx.header("Sec-Fetch-Site"));
        }
    }

    /** @throws ApiException 403 naming the request and the header that showed it came from another site */
    static void refuseForeignPage(HandlerType method, String path, String host, String origin, String fetchSite) {
        String what = method + " " + path;
        if (fetchSite != null && FOREIGN_FETCH_SITES.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            throw forbidden(what + " was sent by a page of another site (Sec-Fetch-Site: " + fetchSite
                    + "); only the console's own pages may change state from a browser", "Sec-Fetch-Site");
        }
        if (origin != null && !sameAuthority(origin, host)) {
            throw forbidden(what + " was sent by a page of " + origin + ", not of this server (" + host
                    + "); only the console's own pages may change state from a browser", "Origin");
        }
    }

    /** Whether {@code scheme://host[:port]} names the same host and port as the {@code Host} header. */
    private static boolean sameAuthority(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = new URI(origin.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return false; // "null" (a sandboxed page, a file) or garbage
            }
            return uri.getRawAuthority().equalsIgnoreCase(host.strip());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static ApiException forbidden(String detail, String header) {
        return new ApiException(403, "Forbidden", detail,
                List.of(new FieldError(header, "names another site than this server's")));
    }
}
