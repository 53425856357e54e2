import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How far a run has read its input file (bytes read / file size), for the progress line's
/// percentage and ETA. Only for a regular file: a pipe or a terminal has no size, so no ETA.
public struct InputProgress: Sendable {
    private let descriptor: Int32
    private let size: Int64

    /// Follows the read position of `handle`; nil when it is not a non-empty regular file.
    public init?(handle: FileHandle) {
        var info = stat()
        let fd = handle.fileDescriptor
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_size > 0 else { return nil }
        descriptor = fd
        size = Int64(info.st_size)
    }

    /// 0…1: the share of the file read so far (readers run ahead of the output by one buffer).
    public var fraction: Double {
        let offset = lseek(descriptor, 0, SEEK_CUR)
        guard offset >= 0 else { return 0 }
        return min(1, Double(offset) / Double(size))
    }
}
