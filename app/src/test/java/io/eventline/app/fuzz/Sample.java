package io.eventline.app.fuzz;

import java.util.List;

/** A valid body and the slots in it a generator may break. */
record Sample(Doc.Obj body, List<Slot> slots) {
    Sample {
        slots = List.copyOf(slots);
    }
}
