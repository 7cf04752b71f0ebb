package io.eventline.bench;

/**
 * One target of issues 9 and 16, met or missed by the figures of this run. A figure that could not be
 * measured (NaN) misses.
 */
sealed interface Target permits Target.Ratio, Target.Within, Target.Limit, Target.AtLeast {
    String name();

    boolean met();

    /** {@code value} must be at least {@code minimum} times {@code baseline}, both measured in this run. */
    record Ratio(String name, double value, double baseline, double minimum) implements Target {
        /** value ÷ baseline; NaN when the baseline is not positive (nothing to compare with). */
        double ratio() {
            return baseline > 0 ? value / baseline : Double.NaN;
        }

        @Override
        public boolean met() {
            return ratio() >= minimum; // false for NaN
        }
    }

    /**
     * {@code value} must be at most {@code maximum} times {@code baseline}, both measured in this run:
     * a latency held to the floor's.
     */
    record Within(String name, double value, double baseline, double maximum) implements Target {
        /** value ÷ baseline; NaN when the baseline is not positive (nothing to compare with). */
        double ratio() {
            return baseline > 0 ? value / baseline : Double.NaN;
        }

        @Override
        public boolean met() {
            return ratio() <= maximum; // false for NaN
        }
    }

    /**
     * {@code value} must be at most {@code maximum}, in {@code unit}; {@code floor} is the same figure of
     * the minimal saga on raw Kafka, printed beside (NaN when there is none).
     */
    record Limit(String name, double value, double maximum, String unit, double floor) implements Target {
        Limit(String name, double value, double maximum, String unit) {
            this(name, value, maximum, unit, Double.NaN);
        }

        @Override
        public boolean met() {
            return value <= maximum; // false for NaN
        }
    }

    /** {@code value} must be at least {@code minimum}, in {@code unit}; {@code floor} as in {@link Limit}. */
    record AtLeast(String name, double value, double minimum, String unit, double floor) implements Target {
        @Override
        public boolean met() {
            return value >= minimum; // false for NaN
        }
    }
}
