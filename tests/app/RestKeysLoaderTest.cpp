// Where the REST API's keys come from: the environment first, else files only their owner may
// read; and whatever goes wrong, the message never quotes a key.
#include "kiwoomd/app/RestKeysLoader.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kiwoomd::app {
namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// Clears KIWOOM_APPKEY and KIWOOM_SECRETKEY for the test and puts back whatever was there.
class RestKeysLoader : public ::testing::Test {
protected:
    void SetUp() override {
        for (const char* name : {kAppKeyVariable, kSecretKeyVariable}) {
            m_saved.push_back({name, qEnvironmentVariableIsSet(name)
                                         ? std::optional<QByteArray>(qgetenv(name))
                                         : std::nullopt});
            qunsetenv(name);
        }
        ASSERT_TRUE(m_dir.isValid());
    }

    void TearDown() override {
        for (const auto& [name, value] : m_saved) {
            if (value) {
                qputenv(name, *value);
            } else {
                qunsetenv(name);
            }
        }
    }

    // A file in the temporary directory holding `content`, with exactly `permissions`.
    std::string keyFile(const QString& name, const QByteArray& content,
                        QFileDevice::Permissions permissions = kOwnerOnly) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        EXPECT_TRUE(file.open(QIODevice::WriteOnly)) << path.toStdString();
        file.write(content);
        file.close();
        EXPECT_TRUE(QFile::setPermissions(path, permissions)) << path.toStdString();
        return path.toStdString();
    }

    QTemporaryDir m_dir;

private:
    std::vector<std::pair<const char*, std::optional<QByteArray>>> m_saved;
};

TEST_F(RestKeysLoader, TheEnvironmentWinsOverTheFiles) {
    qputenv(kAppKeyVariable, "ENV-APP-KEY");
    qputenv(kSecretKeyVariable, "ENV-SECRET-KEY");
    RestConfig config;
    config.appKeyFile = keyFile("appkey", "FILE-APP-KEY");
    config.secretKeyFile = keyFile("secretkey", "FILE-SECRET-KEY");

    QString error;
    const auto keys = loadRestKeys(config, error);
    ASSERT_TRUE(keys) << error.toStdString();
    EXPECT_EQ(keys->appKey, "ENV-APP-KEY");
    EXPECT_EQ(keys->secretKey, "ENV-SECRET-KEY");
}

TEST_F(RestKeysLoader, TheEnvironmentAloneIsEnough) {
    qputenv(kAppKeyVariable, "  ENV-APP-KEY\n");
    qputenv(kSecretKeyVariable, "ENV-SECRET-KEY");
    QString error;
    const auto keys = loadRestKeys(RestConfig{}, error);
    ASSERT_TRUE(keys) << error.toStdString();
    EXPECT_EQ(keys->appKey, "ENV-APP-KEY");
    EXPECT_EQ(keys->secretKey, "ENV-SECRET-KEY");
}

TEST_F(RestKeysLoader, OwnerOnlyFilesAreReadAndTrimmed) {
    RestConfig config;
    config.appKeyFile = keyFile("appkey", "  FILE-APP-KEY\r\n");
    config.secretKeyFile = keyFile("secretkey", "FILE-SECRET-KEY\n", QFileDevice::ReadOwner);

    QString error;
    const auto keys = loadRestKeys(config, error);
    ASSERT_TRUE(keys) << error.toStdString();
    EXPECT_EQ(keys->appKey, "FILE-APP-KEY");
    EXPECT_EQ(keys->secretKey, "FILE-SECRET-KEY");
}

TEST_F(RestKeysLoader, OneKeyMayComeFromTheEnvironmentAndTheOtherFromAFile) {
    qputenv(kAppKeyVariable, "ENV-APP-KEY");
    RestConfig config;
    config.secretKeyFile = keyFile("secretkey", "FILE-SECRET-KEY");
    QString error;
    const auto keys = loadRestKeys(config, error);
    ASSERT_TRUE(keys) << error.toStdString();
    EXPECT_EQ(keys->appKey, "ENV-APP-KEY");
    EXPECT_EQ(keys->secretKey, "FILE-SECRET-KEY");
}

#ifndef Q_OS_WIN
TEST_F(RestKeysLoader, AGroupReadableFileIsRefusedNamingItAndChmodButNotTheKey) {
    RestConfig config;
    config.appKeyFile = keyFile("appkey", "FILE-APP-KEY");
    config.secretKeyFile = keyFile("secretkey", "FILE-SECRET-KEY", kOwnerOnly | QFileDevice::ReadGroup);

    QString error;
    EXPECT_FALSE(loadRestKeys(config, error));
    const std::string message = error.toStdString();
    EXPECT_NE(message.find("rest.secretkey_file"), std::string::npos) << message;
    EXPECT_NE(message.find(config.secretKeyFile), std::string::npos) << message;
    EXPECT_NE(message.find("chmod 600 " + config.secretKeyFile), std::string::npos) << message;
    EXPECT_EQ(message.find("FILE-SECRET-KEY"), std::string::npos) << message;
    EXPECT_EQ(message.find("FILE-APP-KEY"), std::string::npos) << message;
}

TEST_F(RestKeysLoader, FilesOthersMayReadOrChangeAreRefused) {
    for (const auto permissions :
         {QFileDevice::ReadOther, QFileDevice::WriteOther, QFileDevice::WriteGroup}) {
        RestConfig config;
        config.appKeyFile = keyFile("appkey", "FILE-APP-KEY", kOwnerOnly | permissions);
        config.secretKeyFile = keyFile("secretkey", "FILE-SECRET-KEY");
        QString error;
        EXPECT_FALSE(loadRestKeys(config, error)) << permissions;
        EXPECT_NE(error.toStdString().find("chmod 600"), std::string::npos) << error.toStdString();
        EXPECT_EQ(error.toStdString().find("FILE-APP-KEY"), std::string::npos) << error.toStdString();
    }
}

TEST_F(RestKeysLoader, AFileIsNotCheckedWhenTheEnvironmentHasItsKey) {
    qputenv(kSecretKeyVariable, "ENV-SECRET-KEY");
    RestConfig config;
    config.appKeyFile = keyFile("appkey", "FILE-APP-KEY");
    config.secretKeyFile = keyFile("secretkey", "FILE-SECRET-KEY", kOwnerOnly | QFileDevice::ReadOther);
    QString error;
    const auto keys = loadRestKeys(config, error);
    ASSERT_TRUE(keys) << error.toStdString();
    EXPECT_EQ(keys->secretKey, "ENV-SECRET-KEY");
}
#endif

TEST_F(RestKeysLoader, AnEmptyFileIsRefusedNamingIt) {
    RestConfig config;
    config.appKeyFile = keyFile("appkey", " \n\t\n");
    config.secretKeyFile = keyFile("secretkey", "FILE-SECRET-KEY");
    QString error;
    EXPECT_FALSE(loadRestKeys(config, error));
    EXPECT_NE(error.toStdString().find("rest.appkey_file " + config.appKeyFile + " is empty"),
              std::string::npos)
        << error.toStdString();
}

TEST_F(RestKeysLoader, AMissingFileIsRefusedNamingIt) {
    RestConfig config;
    config.appKeyFile = m_dir.filePath("no-such-file").toStdString();
    config.secretKeyFile = keyFile("secretkey", "FILE-SECRET-KEY");
    QString error;
    EXPECT_FALSE(loadRestKeys(config, error));
    EXPECT_NE(error.toStdString().find(config.appKeyFile + " does not exist"), std::string::npos)
        << error.toStdString();
}

TEST_F(RestKeysLoader, MissingKeysAreExplainedNamingBothVariablesAndTheFileSettings) {
    const std::vector<std::pair<bool, bool>> filesGiven = {{false, false}, {true, false}, {false, true}};
    for (const auto& [appFile, secretFile] : filesGiven) {
        RestConfig config;
        if (appFile) {
            config.appKeyFile = keyFile("appkey", "FILE-APP-KEY");
        }
        if (secretFile) {
            config.secretKeyFile = keyFile("secretkey", "FILE-SECRET-KEY");
        }
        QString error;
        EXPECT_FALSE(loadRestKeys(config, error));
        const std::string message = error.toStdString();
        EXPECT_NE(message.find("KIWOOM_APPKEY"), std::string::npos) << message;
        EXPECT_NE(message.find("KIWOOM_SECRETKEY"), std::string::npos) << message;
        EXPECT_NE(message.find("rest.appkey_file"), std::string::npos) << message;
        EXPECT_NE(message.find("rest.secretkey_file"), std::string::npos) << message;
        EXPECT_EQ(message.find("FILE-"), std::string::npos) << message;
    }
}

TEST_F(RestKeysLoader, ABlankVariableCountsAsUnset) {
    qputenv(kAppKeyVariable, "   ");
    qputenv(kSecretKeyVariable, "ENV-SECRET-KEY");
    QString error;
    EXPECT_FALSE(loadRestKeys(RestConfig{}, error));
    EXPECT_NE(error.toStdString().find("KIWOOM_APPKEY"), std::string::npos) << error.toStdString();
    EXPECT_EQ(error.toStdString().find("ENV-SECRET-KEY"), std::string::npos) << error.toStdString();
}

} // namespace
} // namespace kiwoomd::app
