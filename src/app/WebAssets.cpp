#include "WebAssets.h"

#include <QDirIterator>
#include <QFile>

#include <spdlog/spdlog.h>

// Resources compiled into a static library are only linked in when initialised by name, and
// Q_INIT_RESOURCE has to be called outside any namespace.
static void initialiseWebResources() {
    Q_INIT_RESOURCE(kiwoomd_web);
}

namespace kiwoomd::app {

std::shared_ptr<const http::AssetSource> embeddedWebAssets() {
    initialiseWebResources();
    std::vector<std::pair<std::string, std::string>> files;
    const QString root = QStringLiteral(":/web");
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const QByteArray bytes = file.readAll();
        files.emplace_back(path.mid(root.size()).toStdString(), std::string(bytes.constData(), bytes.size()));
    }
    if (files.empty()) {
        spdlog::warn("this build has no dashboard files; GET / answers 404");
    }
    return std::make_shared<http::MemoryAssets>(files);
}

std::shared_ptr<const http::AssetSource> webAssetsFromFolder(const QString& folder) {
    return std::make_shared<http::DirectoryAssets>(folder.toStdString());
}

} // namespace kiwoomd::app
