package io.eventline.bench;

import java.io.IOException;
import java.util.List;

/**
 * {@code ./eventline bench --jmh [JMH options]}: JMH over the benchmarks in {@code io.eventline.bench.jmh}.
 * With no options, a short run (one fork, 3 warm-up and 5 measured iterations of 1 s); any option
 * given replaces them all, e.g. {@code --jmh -f 2 -wi 5 -i 10 EnvelopeCodec}.
 */
final class Jmh {
    static final List<String> QUICK = List.of("-f", "1", "-wi", "3", "-w", "1s", "-i", "5", "-r", "1s",
            "io.eventline.bench.jmh");

    private Jmh() {
    }

    static void main(String[] args) {
        try {
            org.openjdk.jmh.Main.main(args.length == 0 ? QUICK.toArray(String[]::new) : args);
        } catch (IOException e) {
            System.err.println("eventline bench --jmh: " + e.getMessage());
            System.exit(1);
        }
    }
}
