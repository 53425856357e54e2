import Foundation
import RedFlagCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX operations the store's crash safety rests on (durable writes, directory fsync, an
/// atomic symlink swap, an advisory lock), each failing with a `RedFlagError.cannotWrite` that
/// names the path.
enum StoreFileSystem {
    /// Writes `data` to a new file and flushes it to disk before returning.
    static func writeDurably(_ data: Data, to url: URL) throws {
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw posixError(url) }
        defer { close(fd) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw posixError(url)
                }
                offset += n
            }
        }
        guard fsync(fd) == 0 else { throw posixError(url) }
    }

    /// Flushes a directory's entries (new files, renames) to disk.
    static func syncDirectory(_ url: URL) throws {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw posixError(url) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw posixError(url) }
    }

    /// Makes `link` a symlink to `target` atomically: a reader sees either the old or the new
    /// target, never a missing link (symlink to a temporary name, then rename(2) over).
    static func replaceSymlink(_ link: URL, target: String) throws {
        let temporary = link.deletingLastPathComponent()
            .appendingPathComponent(".\(link.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        unlink(temporary.path)
        guard symlink(target, temporary.path) == 0 else { throw posixError(temporary) }
        guard rename(temporary.path, link.path) == 0 else {
            let error = posixError(link)
            unlink(temporary.path)
            throw error
        }
    }

    /// The target of a symlink as written (relative), nil when `url` is not a symlink.
    static func symlinkTarget(_ url: URL) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink(url.path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Takes an exclusive advisory lock on `url` (created if needed), waiting for other imports.
    /// The lock is released when the returned descriptor is closed (or the process dies).
    static func lock(_ url: URL) throws -> Int32 {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw posixError(url) }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let error = posixError(url)
            close(fd)
            throw error
        }
        return fd
    }

    static func unlock(_ fd: Int32) {
        flock(fd, LOCK_UN)
        close(fd)
    }

    /// Hard-links `source` to `destination` (files are never modified in place, so sharing is
    /// safe and free), copying when linking is impossible.
    static func linkOrCopy(_ source: URL, to destination: URL) throws {
        if link(source.path, destination.path) == 0 { return }
        do {
            try FileManager.default.copyItem(at: source, to: destination)
        } catch {
            throw RedFlagError.cannotWrite(path: destination.path, reason: error.localizedDescription)
        }
    }

    static func posixError(_ url: URL) -> RedFlagError {
        RedFlagError.cannotWrite(path: url.path, reason: String(cString: strerror(errno)))
    }
}
