import Foundation
import Hummingbird
import HummingbirdTesting
import RedFlagCore
import RedFlagKit
import RedFlagStorage
import Testing
@testable import RedFlagServer

/// API keys: the file, the Bearer check on /v1, and the key's name as the audit trail's user.
@Suite("redflag serve: API keys")
struct AuthTests {
    @Test("keys add appends NAME sha256:HEX, returns a key that verifies, refuses a duplicate name")
    func addKeys() throws {
        let file = ServiceFixtures.temporaryDirectory().appendingPathComponent("keys").path
        let key = try APIKeys.add(name: "erp-prod", path: file)
        #expect(key.hasPrefix(APIKeys.prefix))
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains("erp-prod sha256:\(APIKeys.hash(key))\n"))
        #expect(!text.contains(key), "the key itself is never stored")
        let attributes = try FileManager.default.attributesOfItem(atPath: file)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let keys = try APIKeys.load(path: file)
        #expect(keys.name(forKey: key) == "erp-prod")
        #expect(keys.name(forKey: key + "x") == nil)
        #expect(throws: RedFlagError.self) { try APIKeys.add(name: "erp-prod", path: file) }
        #expect(throws: RedFlagError.self) { try APIKeys.add(name: "two words", path: file) }
        let second = try APIKeys.add(name: "crm", path: file)
        #expect(second != key)
        #expect(try APIKeys.load(path: file).namesByHash.count == 2)
    }

    @Test("a malformed keys file is refused naming the line")
    func malformed() throws {
        let file = ServiceFixtures.temporaryDirectory().appendingPathComponent("keys")
        try "# keys\nerp sha256:abc\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try APIKeys.load(path: file.path)
        } throws: { error in
            "\(error)".contains("line 2")
        }
    }

    @Test("without a key /v1 is 401; with an unknown key 401; with a good key 200; health needs none")
    func bearer() async throws {
        let file = ServiceFixtures.temporaryDirectory().appendingPathComponent("keys").path
        let key = try APIKeys.add(name: "desk-7", path: file)
        let service = try ServiceFixtures.service(keysFile: file)
        let body = ByteBuffer(string: #"{"name":"Everbright Trading Co., Ltd."}"#)
        try await ServiceFixtures.test(service) { client in
            try await client.execute(uri: "/v1/screen", method: .post, body: body) { response in
                #expect(response.status == .unauthorized)
                #expect(errorCode(response.body) == "unauthorized")
                #expect(response.headers[.wwwAuthenticate] != nil)
            }
            try await client.execute(uri: "/v1/lists", method: .get, headers: [.authorization: "Bearer rfk_wrong"]) { response in
                #expect(response.status == .unauthorized)
            }
            try await client.execute(uri: "/v1/screen", method: .post, headers: [.authorization: "Bearer \(key)"], body: body) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("the key's name is the user of the audit run")
    func auditUser() async throws {
        let directory = ServiceFixtures.temporaryDirectory()
        let file = directory.appendingPathComponent("keys").path
        let key = try APIKeys.add(name: "onboarding-portal", path: file)
        let service = try ServiceFixtures.service(keysFile: file, directory: directory)
        try await ServiceFixtures.test(service) { client in
            try await client.execute(uri: "/v1/screen", method: .post, headers: [.authorization: "Bearer \(key)"],
                                     body: ByteBuffer(string: #"{"name":"Zhongshan Everlight Microelectronics Co., Ltd."}"#)) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/v1/screen/batch", method: .post, headers: [.authorization: "Bearer \(key)"],
                                     body: ByteBuffer(string: "{\"name\":\"Acme\"}\n")) { response in
                #expect(response.status == .ok)
            }
        }
        service.runs.closeAll()
        let audit = try #require(try SQLiteStores(dataDirectory: DataDirectory(url: directory)).audit(create: false))
        let runs = try audit.runs()
        #expect(runs.count == 2)
        #expect(runs.allSatisfy { $0.user == "onboarding-portal" })
        #expect(Set(runs.map(\.command)) == ["screen"])
    }

    @Test("a non-loopback address without --api-keys is refused; loopback addresses are recognised")
    func loopbackOnly() throws {
        for host in ["127.0.0.1", "localhost", "::1", "127.1.2.3"] { #expect(ServiceConfiguration.isLoopback(host), "\(host)") }
        for host in ["0.0.0.0", "10.0.0.1", "::", "example.com", "127.0.0.1.example.com"] { #expect(!ServiceConfiguration.isLoopback(host), "\(host)") }
        let configuration = ServiceConfiguration(host: "0.0.0.0", dataDirectory: DataDirectory(url: ServiceFixtures.temporaryDirectory()))
        #expect(throws: RedFlagError.self) { try configuration.validate() }
    }
}
