package io.eventline.http;

import java.util.Objects;
import java.util.Optional;

/** The owner's answer to a forwarded GET, to be passed on to the client unchanged. */
public record ForwardedResponse(int status, Optional<String> contentType, byte[] body) {
    public ForwardedResponse {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
