import Foundation
import RedFlagCore
import RedFlagKit

/// Where a command's stores are: a PostgreSQL URL (`--database`, else `$REDFLAG_DATABASE_URL`)
/// for a team, else the SQLite files of the data directory (the embedded default).
public enum StoreLocation {
    public static let environmentVariable = "REDFLAG_DATABASE_URL"

    public static func resolve(databaseURL: String?, dataDirectory: DataDirectory,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws -> any StoreProvider {
        let url = databaseURL.flatMap { $0.isEmpty ? nil : $0 } ?? environment[environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
        guard let url else { return SQLiteStores(dataDirectory: dataDirectory) }
        guard PostgresTarget.isPostgresURL(url) else {
            throw RedFlagError.usage("--database: '\(PostgresTarget.redacted(url))' is not a postgres:// URL "
                + "(without --database the stores are SQLite files in the data directory)")
        }
        return try PostgresStores(url: url)
    }
}
