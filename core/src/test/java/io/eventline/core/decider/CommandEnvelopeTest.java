package io.eventline.core.decider;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventline.core.envelope.EventMetadata;
import io.eventline.core.envelope.Json;
import org.junit.jupiter.api.Test;

class CommandEnvelopeTest {
    private static final CommandEnvelope COMMAND = new CommandEnvelope("c1", "tally.add", 1, "t1",
            Json.mapper().createObjectNode().put("amount", 2), new EventMetadata("corr", "cause", "test"));

    @Test
    void aCommandSaysNothingOfRepliesUnlessNobodyWaitsForOne() throws Exception {
        String answered = new String(Json.write(COMMAND));
        String unanswered = new String(Json.write(COMMAND.withoutReply()));

        assertThat(answered).doesNotContain("unanswered");
        assertThat(unanswered).contains("\"unanswered\":true");
        assertThat(Json.mapper().readValue(unanswered, CommandEnvelope.class).unanswered()).isTrue();
    }

    @Test
    void aCommandWrittenBeforeRepliesCouldBeSkippedIsAnswered() throws Exception {
        String old = new String(Json.write(COMMAND)).replace(",\"unanswered\":false", "");

        assertThat(Json.mapper().readValue(old, CommandEnvelope.class).unanswered()).isFalse();
    }
}
