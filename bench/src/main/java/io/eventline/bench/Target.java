package io.eventline.bench;

/** One target of issue 9, met or missed by the figures of this run. */
sealed interface Target permits Target.Ratio, Target.Limit {
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

    /** {@code value} must be at most {@code maximum}, in {@code unit}. */
    record Limit(String name, double value, double maximum, String unit) implements Target {
        @Override
        public boolean met() {
            return value <= maximum;
        }
    }
}
