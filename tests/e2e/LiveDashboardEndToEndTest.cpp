// The real binary's dashboard and event stream: the page served from inside the executable, and
// GET /api/stream delivering snapshots and connection changes as they happen.
#include "e2e/DaemonProcess.h"
#include "support/RawConnection.h"

namespace {

using kiwoomd::test::DaemonProcess;
using kiwoomd::test::RawConnection;

std::string streamRequest(int port) {
    return "GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) + "\r\n\r\n";
}

TEST(LiveDashboardEndToEnd, TheDashboardIsServedFromTheExecutableWithItsSecurityHeaders) {
    DaemonProcess daemon;
    const int port = daemon.waitForPort();
    ASSERT_GT(port, 0) << daemon.output().toStdString();
    httplib::Client client("127.0.0.1", port);
    const auto page = client.Get("/");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->status, 200);
    EXPECT_EQ(page->get_header_value("Content-Type"), "text/html; charset=utf-8");
    EXPECT_NE(page->body.find("<html"), std::string::npos);
    EXPECT_NE(page->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    EXPECT_EQ(page->get_header_value("X-Frame-Options"), "DENY");
    const auto revalidated = client.Get("/", {{"If-None-Match", page->get_header_value("ETag")}});
    ASSERT_TRUE(revalidated);
    EXPECT_EQ(revalidated->status, 304);
    const auto traversal = client.Get("/../../etc/passwd");
    ASSERT_TRUE(traversal);
    EXPECT_EQ(traversal->status, 404);
    EXPECT_EQ(daemon.terminate(), 0);
}

TEST(LiveDashboardEndToEnd, TheStreamDeliversEachNewSnapshotAndTheDropOfTheConnection) {
    DaemonProcess daemon({"--interval", "2", "--sim-fault", "disconnect@6+60"});
    const int port = daemon.waitForPort();
    ASSERT_GT(port, 0) << daemon.output().toStdString();
    RawConnection stream(port);
    ASSERT_TRUE(stream.send(streamRequest(port)));
    // A first snapshot, then a newer one pushed without asking.
    const std::string first = stream.readUntil(
        [](const std::string& r) { return r.find("event: kospi\nid: ") != std::string::npos; }, 10000);
    ASSERT_NE(first.find("event: kospi\nid: "), std::string::npos) << first.substr(0, 400);
    EXPECT_EQ(first.rfind("HTTP/1.1 200 OK\r\n", 0), 0u);
    const std::size_t kospiEvents = RawConnection::countOf(first, "event: kospi\n");
    stream.readUntil(
        [&](const std::string& r) {
            return static_cast<std::size_t>(RawConnection::countOf(r, "event: kospi\n")) > kospiEvents;
        },
        10000);
    EXPECT_GT(static_cast<std::size_t>(RawConnection::countOf(stream.received(), "event: kospi\n")),
              kospiEvents);

    // The emulator drops the connection at 6 s: a status event says so, and the rankings turn stale.
    const std::string dropped = stream.readUntil(
        [](const std::string& r) {
            return r.find("\"connection\":\"lost\"") != std::string::npos &&
                   r.find("\"stale\":true") != std::string::npos;
        },
        15000);
    EXPECT_NE(dropped.find("event: status\ndata: {\"backend\":\"emulator\",\"connection\":\"lost\""),
              std::string::npos);
    EXPECT_NE(dropped.rfind("\"stale\":true"), std::string::npos);

    httplib::Client client("127.0.0.1", port);
    const auto metrics = client.Get("/metrics");
    ASSERT_TRUE(metrics);
    EXPECT_NE(metrics->body.find("kiwoomd_stream_subscribers 1"), std::string::npos);
    EXPECT_EQ(daemon.terminate(), 0) << "an open stream does not hold up the shutdown";
}

} // namespace
