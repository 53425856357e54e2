#if canImport(Glibc)
import Glibc
#endif

/// Settings for glibc's allocator, made once at start-up, before any thread allocates.
///
/// A batch screen allocates and frees small values by the million on two threads, and, now and
/// then, a buffer of a kB or more (a name's similarity table, an output chunk). glibc keeps freed
/// small chunks in "fast bins" and sweeps them all together (`malloc_consolidate`) before serving
/// such a larger request: profiled on a million names, that sweep and the chunk unlinking it
/// causes were 1.7 % of all CPU, spread over every stage. With fast bins off, small chunks still
/// come from the per-thread cache first, and nothing waits for a sweep. A generous trim threshold
/// and top pad stop the heap from being handed back to the kernel and grown again as batches come
/// and go. Run at the same time as the build without them, each pinned to its own core, this took
/// 2–5 % of CPU off 200,000 names and 1.7 % off a million, with a peak no higher. Elsewhere
/// (macOS) there is nothing to set.
public enum AllocatorTuning {
    /// Applies the settings; call first thing in `main`.
    public static func apply() {
        #if canImport(Glibc)
        // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out: found by name, with
        // that header's option numbers.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        let mxFast: Int32 = 1, trimThreshold: Int32 = -1, topPad: Int32 = -2
        _ = mallopt(mxFast, 0)
        _ = mallopt(trimThreshold, 128 << 20)
        _ = mallopt(topPad, 16 << 20)
        #endif
    }
}
