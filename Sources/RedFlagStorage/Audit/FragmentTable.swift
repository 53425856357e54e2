/// The audit packer's fragment numbers by key: an open-addressing table probed by the key's own
/// SHA-256 bits.
///
/// A `Dictionary` ran every lookup through `Hasher` (seed, combine, finalize) and stored its
/// buckets apart from its keys; the key is already uniformly random, and a heavy check looks up
/// some forty fragments per record, so the table indexes by those bits directly and keeps each
/// slot's key and number side by side.
struct FragmentTable {
    private struct Slot {
        var a: UInt64
        var b: UInt64
        /// A fragment is part of one record, far below 4 GB.
        var length: UInt32
        /// The fragment number plus one; 0 marks an empty slot.
        var idPlusOne: UInt32
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    init(initialCapacity: Int = 1 << 12) {
        var size = 16
        while size * 3 < initialCapacity * 4 { size <<= 1 }
        slots = Array(repeating: Slot(a: 0, b: 0, length: 0, idPlusOne: 0), count: size)
        mask = size - 1
    }

    subscript(key: AuditRecordPacker.Key) -> UInt32? {
        var i = Int(truncatingIfNeeded: key.a) & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let slot = slots[i]
                if slot.idPlusOne == 0 { return nil }
                if slot.a == key.a && slot.b == key.b && slot.length == UInt32(truncatingIfNeeded: key.length) { return slot.idPlusOne - 1 }
                i = (i + 1) & mask
            }
        }
    }

    /// Files `id` under `key`, which must not be in the table yet.
    mutating func insert(_ key: AuditRecordPacker.Key, id: UInt32) {
        // At most three quarters full: a run's million fragments fit in 2M slots of 24 bytes.
        if (count + 1) * 4 > slots.count * 3 { grow() }
        place(Slot(a: key.a, b: key.b, length: UInt32(truncatingIfNeeded: key.length), idPlusOne: id + 1))
        count += 1
    }

    mutating func removeAll() {
        for i in slots.indices { slots[i].idPlusOne = 0 }
        count = 0
    }

    private mutating func place(_ slot: Slot) {
        var i = Int(truncatingIfNeeded: slot.a) & mask
        slots.withUnsafeMutableBufferPointer { slots in
            while slots[i].idPlusOne != 0 { i = (i + 1) & mask }
            slots[i] = slot
        }
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(a: 0, b: 0, length: 0, idPlusOne: 0), count: old.count * 2)
        mask = slots.count - 1
        for slot in old where slot.idPlusOne != 0 { place(slot) }
    }
}
