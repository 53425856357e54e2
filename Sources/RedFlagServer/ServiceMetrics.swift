import Foundation
import Hummingbird
import Prometheus
import RedFlagCore
import RedFlagKit
import RedFlagLists

/// The service's Prometheus metrics (`GET /metrics`), on a registry of its own (not the process-
/// wide MetricsSystem, so several services in one test process do not mix their counts):
/// requests by endpoint, method and status; request latency; decisions by endpoint; list age and
/// the time the lists were loaded.
public final class ServiceMetrics: Sendable {
    public let registry = PrometheusCollectorRegistry()

    /// Latency buckets: the single-screen target is p99 < 25 ms, so the low end is fine-grained.
    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(5), .seconds(30),
    ]

    public init() {}

    static func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "redflag", metricName: metric, unitName: unit, helpText: help)
    }

    static var requests: MetricNameDescriptor { name("http_requests", "total", "HTTP requests answered, by endpoint, method and status code") }
    static var latency: MetricNameDescriptor { name("http_request_duration", "seconds", "Time from request to response head, by endpoint") }
    static var decisions: MetricNameDescriptor { name("decisions", "total", "Screening and check decisions, by endpoint and decision") }
    static var loadedAt: MetricNameDescriptor { name("lists_loaded_timestamp", "seconds", "When the lists in service were loaded (Unix time)") }
    static var listAge: MetricNameDescriptor { name("list_age", "days", "Age of each list in days (from its publication date, else its import time)") }
    static var listStale: MetricNameDescriptor { name("list_stale", "", "1 when a list is older than --max-age-days") }
    static var listEntries: MetricNameDescriptor { name("list_entries", "", "Records in each list") }

    /// Counts one answered request and its latency. `endpoint` is the route pattern
    /// (`/v1/rules/{id}`), never the raw path, so the label set stays bounded.
    func request(endpoint: String, method: String, status: Int, duration: Duration) {
        registry.makeCounter(descriptor: Self.requests,
                             labels: [("endpoint", endpoint), ("method", method), ("status", String(status))]).increment()
        registry.makeDurationHistogram(descriptor: Self.latency, labels: [("endpoint", endpoint)], buckets: Self.buckets)
            .recordNanoseconds(Int64(duration.components.seconds) * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    /// Counts decisions made (`clear`, `hold`, `stop`, `error` for a record that could not be screened).
    func decisions(endpoint: String, counts: [(String, Int)]) {
        for (decision, count) in counts where count > 0 {
            registry.makeCounter(descriptor: Self.decisions, labels: [("endpoint", endpoint), ("decision", decision)]).increment(by: Int64(count))
        }
    }

    /// Sets the list gauges from the context in service (called before each scrape).
    func lists(_ loaded: (context: ScreeningContext, loadedAt: Date)?, maxAgeDays: Int, now: Date = Date()) {
        guard let loaded else { return }
        registry.makeGauge(descriptor: Self.loadedAt).set(to: loaded.loadedAt.timeIntervalSince1970)
        for s in loaded.context.snapshots {
            let labels = [("source", s.source.rawValue)]
            registry.makeGauge(descriptor: Self.listAge, labels: labels)
                .set(to: Double(s.ageInDays(now: now) ?? -1))
            registry.makeGauge(descriptor: Self.listStale, labels: labels)
                .set(to: s.isStale(maxAgeDays: maxAgeDays, now: now) ? 1 : 0)
            registry.makeGauge(descriptor: Self.listEntries, labels: labels)
                .set(to: Double(s.recordCount))
        }
    }

    /// The exposition text.
    public func text() -> String { registry.emitToString() }
}

/// Times and counts every request for `ServiceMetrics`, labelled by route pattern.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let response = try await next(request, context)
        // The route pattern when one matched; unknown paths are lumped together.
        let endpoint = context.endpointPath ?? "unmatched"
        metrics.request(endpoint: endpoint, method: request.method.rawValue, status: response.status.code,
                        duration: ContinuousClock.now - start)
        return response
    }
}
