// One daemon per data dir, with the real binary: a second start finds the running one and leaves
// with exit code 4, a crash leaves no lock that blocks the next start, and separate data dirs run
// side by side.
#include "e2e/DaemonProcess.h"

namespace {

using kiwoomd::test::DaemonProcess;
using kiwoomd::test::getJson;
using kiwoomd::test::pollUntil;

constexpr int kExitAlreadyRunning = 4;

// SIGTERM is handled from the moment the session starts logging in; before that it would simply
// end the process, so the tests wait for this line before they stop a daemon.
bool startedLoggingIn(DaemonProcess& daemon) {
    return pollUntil([&] { return daemon.output().contains("logging in through"); }, 10);
}

TEST(SingleInstanceEndToEnd, SecondStartWithTheSameDataDirExitsWithCode4AndNamesTheRunningOne) {
    DaemonProcess first;
    const int port = first.waitForPort();
    ASSERT_GT(port, 0) << first.output().toStdString();

    DaemonProcess second({}, first.dataDir());
    ASSERT_TRUE(second.process().waitForFinished(20000)) << "the second start must leave by itself";
    EXPECT_EQ(second.process().exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(second.process().exitCode(), kExitAlreadyRunning) << second.output().toStdString();
    const QString expected =
        QStringLiteral("kiwoomd is already running (pid %1, serving http://127.0.0.1:%2)")
            .arg(first.process().processId())
            .arg(port);
    EXPECT_TRUE(second.output().contains(expected)) << second.output().toStdString();
    EXPECT_TRUE(second.output().contains("its log is in")) << "a headless daemon has no tray to look at";
    EXPECT_FALSE(second.output().contains("/api/volume-ranking")) << "it never served";

    // The running one was asked, said so in its log, and keeps serving.
    EXPECT_TRUE(pollUntil([&] { return first.output().contains("another kiwoomd start (pid"); }, 10))
        << first.output().toStdString();
    EXPECT_EQ(first.process().state(), QProcess::Running);
    httplib::Client client("127.0.0.1", port);
    EXPECT_EQ(getJson(client, "/api/health")["status"], "ok");
    ASSERT_TRUE(startedLoggingIn(first));
    EXPECT_EQ(first.terminate(), 0) << first.output().toStdString();
}

TEST(SingleInstanceEndToEnd, AStartAfterACrashTakesOverTheStaleLock) {
    DaemonProcess crashed;
    ASSERT_GT(crashed.waitForPort(), 0) << crashed.output().toStdString();
    ASSERT_TRUE(QFile::exists(QDir(crashed.dataDir()).filePath("kiwoomd.lock")));
    crashed.killHard(); // SIGKILL: the lock file (and on Unix the socket file) stay behind

    DaemonProcess next({}, crashed.dataDir());
    const int port = next.waitForPort();
    ASSERT_GT(port, 0) << next.output().toStdString();
    EXPECT_FALSE(next.output().contains("already running"));
    httplib::Client client("127.0.0.1", port);
    EXPECT_EQ(getJson(client, "/api/health")["status"], "ok");
    ASSERT_TRUE(startedLoggingIn(next));
    EXPECT_EQ(next.terminate(), 0) << next.output().toStdString();
    EXPECT_FALSE(QFile::exists(QDir(next.dataDir()).filePath("kiwoomd.lock"))) << "a clean stop releases it";
}

TEST(SingleInstanceEndToEnd, DaemonsWithSeparateDataDirsRunSideBySide) {
    DaemonProcess one;
    DaemonProcess two;
    ASSERT_GT(one.waitForPort(), 0) << one.output().toStdString();
    ASSERT_GT(two.waitForPort(), 0) << two.output().toStdString();
    EXPECT_NE(one.port(), two.port());
    ASSERT_TRUE(startedLoggingIn(one));
    ASSERT_TRUE(startedLoggingIn(two));
    EXPECT_EQ(one.terminate(), 0);
    EXPECT_EQ(two.terminate(), 0);
}

} // namespace
