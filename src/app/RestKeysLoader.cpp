#include "kiwoomd/app/RestKeysLoader.h"

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

// One key: the variable when set, else the file when named; "" when neither; nullopt when the
// file cannot be used.
std::optional<std::string> loadKey(const char* variable, const std::string& file, const char* setting,
                                   QString& error) {
    const QByteArray fromEnvironment = qgetenv(variable).trimmed();
    if (!fromEnvironment.isEmpty()) {
        return fromEnvironment.toStdString();
    }
    if (file.empty()) {
        return std::string();
    }
    return readKeyFile(QString::fromStdString(file), setting, error);
}

} // namespace

std::optional<RestKeys> loadRestKeys(const RestConfig& config, QString& error) {
    const auto appKey = loadKey(kAppKeyVariable, config.appKeyFile, "appkey_file", error);
    const auto secretKey =
        appKey ? loadKey(kSecretKeyVariable, config.secretKeyFile, "secretkey_file", error) : std::nullopt;
    if (!appKey || !secretKey) {
        return std::nullopt;
    }
    if (appKey->empty() || secretKey->empty()) {
        error = QStringLiteral("the REST source needs the app key and the secret key: set %1 and %2, or "
                               "rest.appkey_file and rest.secretkey_file (files only their owner may read)")
                    .arg(QLatin1String(kAppKeyVariable), QLatin1String(kSecretKeyVariable));
        return std::nullopt;
    }
    return RestKeys{*appKey, *secretKey};
}

} // namespace kiwoomd::app
