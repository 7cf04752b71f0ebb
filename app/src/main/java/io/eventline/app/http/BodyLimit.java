package io.eventline.app.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * The 1 MiB limit for bodies sent without a length ({@code Transfer-Encoding: chunked}): Javalin
 * only checks {@code Content-Length}, so such a body is counted as it is read, and reading past the
 * limit answers 413 like a declared length over it (see {@link RequestGuards#tooLarge()}).
 *
 * <p>Once answered, what is left of a body nobody read (a 413, a 415, a guard's refusal, a body
 * malformed early) is read and dropped, up to {@value #DRAINED_AT_MOST} bytes. Jetty 12 closes a
 * connection whose request was not read to its end, after an answer that told the client to keep
 * it: the client's next request on it, or the answer still in flight while the client sends, was
 * lost. Beyond that many bytes the connection is closed as before: the work a request causes stays
 * bounded.
 */
final class BodyLimit implements Filter {
    static final long DRAINED_AT_MOST = 4 * RequestGuards.MAX_BODY_BYTES;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean unknownLength = request.getContentLengthLong() < 0 && request instanceof HttpServletRequest;
        try {
            chain.doFilter(unknownLength ? new Limited((HttpServletRequest) request) : request, response);
        } finally {
            drain(request);
        }
    }

    private static void drain(ServletRequest request) {
        try {
            ServletInputStream in = request.getInputStream();
            byte[] buffer = new byte[8192];
            long dropped = 0;
            while (dropped < DRAINED_AT_MOST && !in.isFinished()) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                dropped += n;
            }
        } catch (IOException | IllegalStateException e) {
            // The client left, or the body was read as a reader: nothing more to do for it.
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        Limited(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new CountingStream(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private long read;

        CountingStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > RequestGuards.MAX_BODY_BYTES) {
                throw RequestGuards.tooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
