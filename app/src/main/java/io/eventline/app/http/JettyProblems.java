package io.eventline.app.http;

import io.eventline.core.envelope.Json;
import io.javalin.http.HttpStatus;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own answers as problems too: a request Jetty refuses before Javalin sees it (a URI it
 * cannot decode, one too long, headers too large) would otherwise answer an HTML page. Whatever the
 * request accepts: a problem is the one form of error this API gives.
 *
 * <p>Each such answer says {@code Connection: close}: Jetty 12 closes the connection after it (the
 * request could not be read, so neither can what follows it), but answers a URI too long (414)
 * without saying so, and a client that sent its next request on that connection lost it.
 */
final class JettyProblems extends ErrorHandler {
    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        response.write(true, ByteBuffer.wrap(problem(code, message)), callback);
    }

    private static byte[] problem(int status, String reason) {
        String title = HttpStatus.forStatus(status).getMessage();
        String detail = reason == null || reason.isBlank() ? "the request was refused before it reached the API" : reason;
        return Json.write(Problem.of(status, title, detail, List.of()));
    }
}
