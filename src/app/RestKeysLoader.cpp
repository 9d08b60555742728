#include "RestKeysLoader.h"

#include <QFile>
#include <QFileInfo>

namespace kiwoomd::app {
namespace {

// A key file's content, trimmed; nullopt with `error` when it cannot be used.
std::optional<std::string> readKeyFile(const QString& path, const char* key, QString& error) {
    const QFileInfo info(path);
    if (!info.exists()) {
        error = QStringLiteral("rest.%1 %2 does not exist").arg(QLatin1String(key), path);
        return std::nullopt;
    }
#ifndef Q_OS_WIN
    // Group or others may not read (or write) a secret. Windows keeps this in ACLs that Qt's
    // permission bits do not show, so the check is for POSIX systems; docs/sources.md says how
    // to protect the file on Windows.
    const auto others =
        QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ReadOther | QFileDevice::WriteOther;
    if (info.permissions() & others) {
        error = QStringLiteral("rest.%1 %2 can be read or changed by other users; make it its owner's only "
                               "(chmod 600 %2)")
                    .arg(QLatin1String(key), path);
        return std::nullopt;
    }
#endif
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        error =
            QStringLiteral("rest.%1 %2 cannot be read: %3").arg(QLatin1String(key), path, file.errorString());
        return std::nullopt;
    }
    const QByteArray content = file.read(4096).trimmed();
    if (content.isEmpty()) {
        error = QStringLiteral("rest.%1 %2 is empty").arg(QLatin1String(key), path);
        return std::nullopt;
    }
    return content.toStdString();
}

} // namespace

std::optional<RestKeys> loadRestKeys(const RestConfig& config, QString& error) {
    RestKeys keys;
    const QByteArray appKey = qgetenv(kAppKeyVariable).trimmed();
    const QByteArray secretKey = qgetenv(kSecretKeyVariable).trimmed();
    if (!appKey.isEmpty()) {
        keys.appKey = appKey.toStdString();
    } else if (!config.appKeyFile.empty()) {
        const auto key = readKeyFile(QString::fromStdString(config.appKeyFile), "appkey_file", error);
        if (!key) {
            return std::nullopt;
        }
        keys.appKey = *key;
    }
    if (!secretKey.isEmpty()) {
        keys.secretKey = secretKey.toStdString();
    } else if (!config.secretKeyFile.empty()) {
        const auto key = readKeyFile(QString::fromStdString(config.secretKeyFile), "secretkey_file", error);
        if (!key) {
            return std::nullopt;
        }
        keys.secretKey = *key;
    }
    if (keys.appKey.empty() || keys.secretKey.empty()) {
        error = QStringLiteral("the REST source needs the app key and the secret key: set %1 and %2, or "
                               "rest.appkey_file and rest.secretkey_file (files only their owner may read)")
                    .arg(QLatin1String(kAppKeyVariable), QLatin1String(kSecretKeyVariable));
        return std::nullopt;
    }
    return keys;
}

} // namespace kiwoomd::app
