package cn.gov.jieyang.talent.dataprotection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys a {@link Sealer} knows: one current key, which seals, and older keys, which only open what
 * was sealed before a rotation. A value names its key by {@code kid}, so rotating is: make a new key
 * current and move the old one to the older keys; once nothing sealed under an old key is left, drop it.
 *
 * <p>Immutable and thread-safe.
 */
public final class KeyRing {

    private final DataKey current;
    private final Map<String, DataKey> byKid;
    private final String olderKeysSetting;

    private KeyRing(DataKey current, List<DataKey> older, String olderKeysSetting) {
        this.current = Objects.requireNonNull(current, "current");
        Map<String, DataKey> keys = new LinkedHashMap<>();
        keys.put(current.kid(), current);
        for (DataKey key : older) {
            // The same key listed twice (e.g. as current and older during a rotation) is harmless.
            keys.putIfAbsent(Objects.requireNonNull(key, "older key").kid(), key);
        }
        this.byKid = Map.copyOf(keys);
        this.olderKeysSetting = olderKeysSetting;
    }

    /**
     * A ring of a current key and older keys.
     *
     * @param current the key that seals
     * @param older   keys that only open, in any order; may be empty
     * @return the ring
     */
    public static KeyRing of(DataKey current, List<DataKey> older) {
        return new KeyRing(current, List.copyOf(older), null);
    }

    /**
     * A ring from configuration, every key parsed by {@link DataKey#fromBase64}. Blank entries among the
     * older keys are skipped (an environment variable set to the empty string).
     *
     * @param current          the current key, base64
     * @param currentSetting   where it is configured, e.g. {@code "bridge.session.data-key (BRIDGE_SESSION_DATA_KEY)"}
     * @param older            the older keys, base64; null or empty for none
     * @param olderKeysSetting where they are configured, named in errors and in the message for a value
     *                         sealed under an unknown key
     * @return the ring
     * @throws DataProtectionException if any key is refused (the message names its setting, and its
     *                                 position among the older keys counting from 1)
     */
    public static KeyRing fromBase64(String current, String currentSetting, List<String> older,
                                     String olderKeysSetting) {
        Objects.requireNonNull(olderKeysSetting, "olderKeysSetting");
        List<DataKey> olderKeys = new ArrayList<>();
        List<String> given = older == null ? List.of() : older;
        for (int i = 0; i < given.size(); i++) {
            String value = given.get(i);
            if (value != null && !value.isBlank()) {
                olderKeys.add(DataKey.fromBase64(value, "item " + (i + 1) + " of " + olderKeysSetting));
            }
        }
        return new KeyRing(DataKey.fromBase64(current, currentSetting), olderKeys, olderKeysSetting);
    }

    /** @return the key that seals */
    public DataKey current() {
        return current;
    }

    /** @return the kids of all keys, the current one first */
    public List<String> kids() {
        List<String> kids = new ArrayList<>();
        kids.add(current.kid());
        byKid.keySet().stream().filter(kid -> !kid.equals(current.kid())).sorted().forEach(kids::add);
        return List.copyOf(kids);
    }

    Optional<DataKey> find(String kid) {
        return Optional.ofNullable(byKid.get(kid));
    }

    /** What to tell an operator whose value was sealed under a key this ring does not have. */
    String howToAddAnOlderKey() {
        return olderKeysSetting == null ? "add the key it was sealed with to the older keys"
                : "add the key it was sealed with to " + olderKeysSetting;
    }

    /** @return the kids, never key material */
    @Override
    public String toString() {
        return "KeyRing" + kids();
    }
}
