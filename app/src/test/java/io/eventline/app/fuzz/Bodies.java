package io.eventline.app.fuzz;

import io.eventline.app.fuzz.Slot.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Valid bodies of every write endpoint, with their slots, for {@link BodyFaults} to break one at a time. */
final class Bodies {
    static final Set<String> ORDER_FIELDS = Set.of("orderId", "customerId", "items", "currency");
    static final Set<String> ITEM_FIELDS = Set.of("sku", "quantity", "price");
    static final Set<String> ADDRESS_FIELDS = Set.of("line1", "city", "postcode", "country");

    private Bodies() {
    }

    static Arbitrary<Sample> amount() {
        return Values.validMoney("1000000000").map(amount -> new Sample(Doc.Obj.of(List.of(Map.entry("amount", amount))),
                List.of(root(Set.of("amount")), Slot.leaf(Type.MONEY, "amount"))));
    }

    static Arbitrary<Sample> quantity() {
        return Values.validQuantity(1_000_000).map(quantity -> new Sample(
                Doc.Obj.of(List.of(Map.entry("quantity", quantity))),
                List.of(root(Set.of("quantity")), Slot.leaf(Type.QUANTITY, "quantity"))));
    }

    static Arbitrary<Sample> customer() {
        Arbitrary<Doc> email = Combinators.combine(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10)).as((a, b) -> Doc.text(a + "@" + b + ".io"));
        Arbitrary<Doc.Obj> address = Combinators.combine(Values.validText(), Values.validText(), Values.validText(),
                Arbitraries.of("DE", "FR", "GB", "NL", "US").map(Doc::text)).as((line1, city, postcode, country) ->
                Doc.Obj.of(List.of(Map.entry("line1", line1), Map.entry("city", city), Map.entry("postcode", postcode),
                        Map.entry("country", country))));
        return Combinators.combine(Values.validText(), email, address).as((name, mail, where) -> new Sample(
                Doc.Obj.of(List.of(Map.entry("name", name), Map.entry("email", mail), Map.entry("address", where))),
                List.of(root(Set.of("name", "email", "address")), Slot.leaf(Type.TEXT, "name"),
                        Slot.leaf(Type.EMAIL, "email"), new Slot(List.of("address"), Type.OBJECT, true, ADDRESS_FIELDS),
                        Slot.leaf(Type.TEXT, "address", "line1"), Slot.leaf(Type.TEXT, "address", "city"),
                        Slot.leaf(Type.TEXT, "address", "postcode"), Slot.leaf(Type.COUNTRY, "address", "country"))));
    }

    /** An order whose total is far below the maximum, so that only the fault a generator puts in is one. */
    static Arbitrary<Sample> order(Known known) {
        Arbitrary<Optional<String>> orderId = Arbitraries.oneOf(Arbitraries.just(Optional.<String>empty()),
                Arbitraries.just(Optional.of(known.orderId())), Values.unknownId().map(Optional::of));
        Arbitrary<String> customerId = Arbitraries.oneOf(Arbitraries.just(known.customerId()), Values.unknownId());
        return Combinators.combine(orderId, customerId, items(known, 1, 5),
                Arbitraries.of("EUR", "USD", "GBP")).as(Bodies::orderSample);
    }

    static Arbitrary<List<Doc>> items(Known known, int min, int max) {
        Arbitrary<Doc> item = Combinators.combine(Arbitraries.oneOf(Arbitraries.just(known.sku()), Values.validId()),
                Values.validQuantity(100), Values.validMoney("100.00")).as(Bodies::item);
        return item.list().ofMinSize(min).ofMaxSize(max);
    }

    static Doc item(String sku, Doc quantity, Doc price) {
        return Doc.Obj.of(List.of(Map.entry("sku", Doc.text(sku)), Map.entry("quantity", quantity),
                Map.entry("price", price)));
    }

    static Sample orderSample(Optional<String> orderId, String customerId, List<Doc> items, String currency) {
        List<Map.Entry<String, Doc>> members = new ArrayList<>();
        List<Slot> slots = new ArrayList<>(List.of(root(ORDER_FIELDS)));
        orderId.ifPresent(id -> {
            members.add(Map.entry("orderId", Doc.text(id)));
            slots.add(new Slot(List.of("orderId"), Type.ID, false, Set.of()));
        });
        members.add(Map.entry("customerId", Doc.text(customerId)));
        members.add(Map.entry("items", new Doc.Arr(items)));
        members.add(Map.entry("currency", Doc.text(currency)));
        slots.add(Slot.leaf(Type.ID, "customerId"));
        slots.add(new Slot(List.of("items"), Type.ARRAY, true, Set.of()));
        for (int i = 0; i < items.size(); i++) {
            slots.add(new Slot(List.of("items", i), Type.OBJECT, true, ITEM_FIELDS));
            slots.add(Slot.leaf(Type.ID, "items", i, "sku"));
            slots.add(Slot.leaf(Type.QUANTITY, "items", i, "quantity"));
            slots.add(Slot.leaf(Type.MONEY, "items", i, "price"));
        }
        slots.add(Slot.leaf(Type.CURRENCY, "currency"));
        return new Sample(Doc.Obj.of(members), slots);
    }

    private static Slot root(Set<String> members) {
        return new Slot(List.of(), Type.OBJECT, true, members);
    }
}
