import Foundation
import GRDB
import StewardApp
import StewardCore
import StewardSQLite
import StewardTesting
import StewardWorkflows
import Testing

/// The dashboard over a real socket: signing in, cookies, form tokens, roles on pages and on
/// forged posts, escaping, and the actions pages take through the same services as the API.
@Suite(.stewardDatabase)
struct DashboardTests {
    @Test func aBrowserWithoutASessionIsSentToSignInAndBack() async throws {
        try await LiveServer.with { server in
            let page = try await server.get("/ui/jobs?state=discarded")
            #expect(page.status == 303)
            #expect(page.header("Location") == "/ui/login?next=%2Fui%2Fjobs%3Fstate%3Ddiscarded")
            #expect(try await server.get("/").header("Location") == "/ui")
            let form = try await server.get("/ui/login?next=/ui/jobs")
            #expect(form.text.contains(#"name="next" value="/ui/jobs""#))
            let wrong = try await server.send("POST", "/ui/login", body: Data("token=stw_nope".utf8), headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(wrong.status == 401)
            #expect(wrong.text.contains("That token is unknown or revoked."))
        }
    }

    @Test func signingInSetsAStrictHttpOnlyCookieAndSigningOutEndsIt() async throws {
        try await LiveServer.with { server in
            let secret = try await server.token("anna", .viewer)
            let login = try await server.send("POST", "/ui/login", body: Data("token=\(secret)&next=https://evil.example/".utf8),
                                              headers: ["Content-Type": "application/x-www-form-urlencoded"])
            #expect(login.status == 303)
            #expect(login.header("Location") == "/ui", "only dashboard paths are followed after signing in")
            let cookie = try #require(login.header("Set-Cookie"))
            #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict") && cookie.contains("Path=/"))
            #expect(!cookie.contains(secret), "the cookie is not the token")
            let (session, csrf) = try await server.signIn(secret)
            let overview = try await server.send("GET", "/ui", headers: ["Cookie": session])
            #expect(overview.status == 200)
            #expect(overview.header("Content-Security-Policy")?.contains("script-src 'self'") == true)
            #expect(overview.text.contains("anna · viewer"))
            let out = try await server.send("POST", "/ui/logout", body: Data("csrf=\(csrf)".utf8),
                                            headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": session])
            #expect(out.status == 303)
            #expect(try await server.send("GET", "/ui", headers: ["Cookie": session]).status == 303)
            let audit = try await server.store.database.read { db in try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE action LIKE 'session.%' ORDER BY audit_id") }
            #expect(audit == ["session.started", "session.started", "session.ended"])
        }
    }

    @Test func anOperatorRetriesFromThePageAndAViewerSeesNoButtonsAndIsRefused() async throws {
        try await LiveServer.with { server in
            let job = try await server.store.jobInsertMany([NewJob(kind: "fail", args: #"{"message": "<b>boom</b>"}"#, maxAttempts: 1)],
                                                           now: server.clock.now())[0].job
            let claimed = try await server.store.jobClaim(JobClaimParams(queue: "default", limit: 1, owner: "w", leaseDuration: .seconds(30), now: server.clock.now()))
            _ = try await server.store.jobFinishMany([JobFinish(lease: claimed[0].lease!, outcome: .discard(error: "<b>boom</b>"))], now: server.clock.now())

            let viewer = try await server.signIn(try await server.token("look", .viewer))
            let page = try await server.send("GET", "/ui/jobs/\(job.id)", headers: ["Cookie": viewer.cookie])
            #expect(page.status == 200)
            #expect(page.text.contains("&lt;b&gt;boom&lt;/b&gt;") && !page.text.contains("<b>boom</b>"), "output is escaped")
            #expect(!page.text.contains("/retry"), "a viewer sees no buttons")
            let forged = try await server.send("POST", "/ui/jobs/\(job.id)/retry", body: Data("csrf=\(viewer.csrf)".utf8),
                                               headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": viewer.cookie])
            #expect(forged.status == 403)

            let ops = try await server.signIn(try await server.token("ops", .operator))
            let opsPage = try await server.send("GET", "/ui/jobs/\(job.id)", headers: ["Cookie": ops.cookie])
            #expect(opsPage.text.contains("action=\"/ui/jobs/\(job.id)/retry\""))
            let noToken = try await server.send("POST", "/ui/jobs/\(job.id)/retry", body: Data(),
                                                headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": ops.cookie])
            #expect(noToken.status == 403, "a missing form token is refused")
            #expect(try await server.store.jobGet(id: job.id)?.state == .discarded)
            let retried = try await server.send("POST", "/ui/jobs/\(job.id)/retry", body: Data("csrf=\(ops.csrf)".utf8),
                                                headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": ops.cookie])
            #expect(retried.status == 303)
            #expect(retried.header("Location") == "/ui/jobs/\(job.id)")
            #expect(try await server.store.jobGet(id: job.id)?.state == .available)
            let audit = try await server.store.database.read { db in try String.fetchAll(db, sql: "SELECT actor FROM audit_log WHERE action = 'job.retried'") }
            #expect(audit == ["token:ops"])
        }
    }

    @Test func anAdminPausesAQueueFromThePageWithAReason() async throws {
        try await LiveServer.with { server in
            _ = try await server.store.jobInsertMany([NewJob(kind: "noop", queue: "imports")], now: server.clock.now())
            let admin = try await server.signIn(try await server.token("root", .admin))
            let paused = try await server.send("POST", "/ui/queues/imports/pause", body: Data("csrf=\(admin.csrf)&reason=nightly+load".utf8),
                                               headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": admin.cookie])
            #expect(paused.status == 303)
            #expect(try await server.store.queuePauses(now: server.clock.now()).map(\.reason) == ["nightly load"])
            let page = try await server.send("GET", "/ui/queues", headers: ["Cookie": admin.cookie])
            #expect(page.text.contains("paused since") && page.text.contains("nightly load"))
            let viewer = try await server.signIn(try await server.token("look", .viewer))
            let viewerPage = try await server.send("GET", "/ui/queues", headers: ["Cookie": viewer.cookie])
            #expect(!viewerPage.text.contains("/resume"), "a viewer sees no buttons")
            let sessionJSON = try await server.send("POST", "/queues/imports/resume", headers: ["Cookie": admin.cookie])
            #expect(sessionJSON.status == 403, "a session cookie on the API needs the form token too")
            let withHeader = try await server.send("POST", "/queues/imports/resume", headers: ["Cookie": admin.cookie, "X-CSRF-Token": admin.csrf])
            #expect(withHeader.json["resumed"] as? Bool == true)
        }
    }

    @Test func aQueuesOwnPageHasTheSameSwitchAndComesBackToItself() async throws {
        try await LiveServer.with { server in
            let admin = try await server.signIn(try await server.token("root", .admin))
            let form = ["Content-Type": "application/x-www-form-urlencoded", "Cookie": admin.cookie]
            let page = try await server.send("GET", "/ui/queues/nightly%20sync", headers: ["Cookie": admin.cookie])
            #expect(page.text.contains(#"action="/ui/queues/nightly sync/pause""#) && page.text.contains(#"name="back" value="queue""#), "\(page.text)")
            let paused = try await server.send("POST", "/ui/queues/nightly%20sync/pause", body: Data("csrf=\(admin.csrf)&reason=audit&back=queue".utf8), headers: form)
            #expect(paused.status == 303 && paused.header("Location") == "/ui/queues/nightly%20sync", "back to the queue's page")
            let resumed = try await server.send("POST", "/ui/queues/nightly%20sync/resume", body: Data("csrf=\(admin.csrf)".utf8), headers: form)
            #expect(resumed.status == 303 && resumed.header("Location") == "/ui/queues", "from the list, back to the list")
            let viewer = try await server.signIn(try await server.token("look", .viewer))
            let viewerPage = try await server.send("GET", "/ui/queues/nightly%20sync", headers: ["Cookie": viewer.cookie])
            #expect(viewerPage.status == 200 && !viewerPage.text.contains("/pause"), "a viewer sees the charts but no switch")
        }
    }
}

/// Keys a `kind: job_kind` file lists under `redact:` are masked on the job page.
@Suite(.stewardDatabase)
struct RedactionTests {
    @Test func redactedArgumentsAreMaskedAtAnyDepth() async throws {
        let workflows = try WorkflowLoader(environment: [:]).load(files: [("kinds.yml", """
            kind: job_kind
            name: sleep
            redact: [email, api_key]
            """)])
        try await LiveServer.with(workflows: workflows) { server in
            let job = try await server.store.jobInsertMany([NewJob(kind: "sleep", args: #"{"seconds": 1, "email": "anna@example.com", "nested": {"api_key": "sk_live_1"}}"#)],
                                                           now: server.clock.now())[0].job
            let page = try await server.send("GET", "/ui/jobs/\(job.id)", token: try await server.token("look", .viewer))
            #expect(page.status == 200)
            #expect(!page.text.contains("anna@example.com") && !page.text.contains("sk_live_1"))
            #expect(page.text.contains("&quot;email&quot; : &quot;•••&quot;"), "\(page.text)")
            #expect(page.text.contains("&quot;seconds&quot; : 1"))
        }
    }
}

/// Bulk actions from the jobs page: the exact count first, then a job that does it.
@Suite(.stewardDatabase)
struct BulkPageTests {
    @Test func anOperatorRetriesEveryDiscardedJobAfterSeeingTheCount() async throws {
        try await LiveServer.with { server in
            let now = server.clock.now()
            let inserted = try await server.store.jobInsertMany((0..<3).map { _ in NewJob(kind: "fail", args: #"{"message": "x"}"#, queue: "parked", maxAttempts: 1) }, now: now)
            let claimed = try await server.store.jobClaim(JobClaimParams(queue: "parked", limit: 3, owner: "w", leaseDuration: .seconds(30), now: now))
            _ = try await server.store.jobFinishMany(claimed.map { JobFinish(lease: $0.lease!, outcome: .discard(error: "x")) }, now: now)
            let ops = try await server.signIn(try await server.token("ops", .operator))
            let list = try await server.send("GET", "/ui/jobs?state=discarded", headers: ["Cookie": ops.cookie])
            #expect(list.text.contains("/ui/jobs/bulk?action=retry&amp;state=discarded"), "\(list.text)")
            let confirm = try await server.send("GET", "/ui/jobs/bulk?action=retry&state=discarded", headers: ["Cookie": ops.cookie])
            #expect(confirm.text.contains("Retry <strong>3</strong> jobs matching state=discarded?"), "\(confirm.text)")
            #expect(try await server.send("GET", "/ui/jobs/bulk?action=retry", headers: ["Cookie": ops.cookie]).status == 400)
            let started = try await server.send("POST", "/ui/jobs/bulk", body: Data("csrf=\(ops.csrf)&action=retry&state=discarded&queue=&kind=&args=".utf8),
                                                headers: ["Content-Type": "application/x-www-form-urlencoded", "Cookie": ops.cookie])
            #expect(started.status == 303)
            try await ImportFixtures.drain(server, queues: ["default"])
            for job in inserted { #expect(try await server.store.jobGet(id: job.job.id)?.state == .available) }
            let viewer = try await server.signIn(try await server.token("look", .viewer))
            #expect(!(try await server.send("GET", "/ui/jobs?state=discarded", headers: ["Cookie": viewer.cookie])).text.contains("/ui/jobs/bulk"))
            #expect(try await server.send("GET", "/ui/jobs/bulk?action=retry&state=discarded", headers: ["Cookie": viewer.cookie]).status == 403)
        }
    }
}

/// The overview's queue table is a live part: the page names its fragment, which answers alone.
@Suite(.stewardDatabase)
struct OverviewLiveTests {
    @Test func theQueueTableIsServedAsAFragmentThePagePolls() async throws {
        try await LiveServer.with { server in
            let viewer = try await server.token("look", .viewer)
            let page = try await server.send("GET", "/ui", token: viewer)
            #expect(page.text.contains(#"data-live="/ui/overview/queues""#))
            _ = try await server.store.jobInsertMany([NewJob(kind: "noop", queue: "reports")], now: server.clock.now())
            let fragment = try await server.send("GET", "/ui/overview/queues", token: viewer)
            #expect(fragment.status == 200)
            #expect(fragment.text.hasPrefix("<table>") && !fragment.text.contains("<html"))
            #expect(fragment.text.contains(#"href="/ui/queues/reports""#))
            #expect(try await server.get("/ui/overview/queues").status == 303, "a fragment needs a session or token too")
        }
    }
}
