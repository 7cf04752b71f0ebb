package io.eventline.app.http;

import io.eventline.core.envelope.Json;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's own answers as problems too: a request Jetty refuses before Javalin sees it (a URI it
 * cannot decode, one too long, headers too large) would otherwise answer an HTML page.
 */
final class JettyProblems extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, Problem.CONTENT_TYPE);
        return ByteBuffer.wrap(problem(status, reason));
    }

    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                                              HttpServletResponse response, int code, String message) throws IOException {
        baseRequest.setHandled(true);
        response.setContentType(Problem.CONTENT_TYPE);
        response.getOutputStream().write(problem(code, message));
    }

    private static byte[] problem(int status, String reason) {
        String title = HttpStatus.forStatus(status).getMessage();
        String detail = reason == null || reason.isBlank() ? "the request was refused before it reached the API" : reason;
        return Json.write(Problem.of(status, title, detail, List.of()));
    }
}
