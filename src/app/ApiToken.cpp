#include "ApiToken.h"

#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSaveFile>

#include <spdlog/spdlog.h>

namespace kiwoomd::app {

std::optional<QString> loadOrCreateApiToken(const QString& path) {
    QFile existing(path);
    if (existing.open(QIODevice::ReadOnly)) {
        const QString token = QString::fromLatin1(existing.readAll()).trimmed();
        if (QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(token).hasMatch()) {
            QFile::setPermissions(path,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner); // in case it was widened
            return token;
        }
        spdlog::warn("the API token in {} is malformed; making a new one", path.toStdString());
    }
    QByteArray bytes(32, Qt::Uninitialized);
    // The operating system's generator: the token guards the API, so it must not be guessable.
    QRandomGenerator::system()->generate(bytes.begin(), bytes.end());
    const QString token = QString::fromLatin1(bytes.toHex());
    // Owner-only before the token is written: QSaveFile keeps the permissions of the file it replaces.
    {
        QFile placeholder(path);
        if (placeholder.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            placeholder.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        spdlog::error("cannot write the API token to {}: {}", path.toStdString(),
                      file.errorString().toStdString());
        return std::nullopt;
    }
    file.write(token.toLatin1() + '\n');
    if (!file.commit()) {
        spdlog::error("cannot write the API token to {}: {}", path.toStdString(),
                      file.errorString().toStdString());
        return std::nullopt;
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    spdlog::info("created the API token in {}", path.toStdString());
    return token;
}

} // namespace kiwoomd::app
