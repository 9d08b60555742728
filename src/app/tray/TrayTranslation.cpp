#include "kiwoomd/app/tray/TrayTranslation.h"

#include <QCoreApplication>
#include <QTranslator>

// The .qm files sit in a static library; nothing else references them, so the linker would drop
// them unless this initialiser runs. Q_INIT_RESOURCE has to be called outside any namespace.
static void initTranslationResources() {
    Q_INIT_RESOURCE(kiwoomd_translations);
}

namespace kiwoomd::app {

TrayLanguage trayLanguageFor(TrayLanguage configured, const QLocale& system) {
    if (configured != TrayLanguage::System) {
        return configured;
    }
    return system.language() == QLocale::Korean ? TrayLanguage::Korean : TrayLanguage::English;
}

const char* trayLanguageCode(TrayLanguage language) {
    return language == TrayLanguage::Korean ? "ko" : "en";
}

TrayLanguage installTrayTranslator(QCoreApplication& app, TrayLanguage configured, const QLocale& system) {
    initTranslationResources();
    const TrayLanguage chosen = trayLanguageFor(configured, system);
    // One translator, a child of the application found by name, its catalogue swapped on a
    // second call.
    const QString name = QStringLiteral("kiwoomd-tray-translator");
    auto* translator = app.findChild<QTranslator*>(name, Qt::FindDirectChildrenOnly);
    if (translator == nullptr) {
        translator = new QTranslator(&app);
        translator->setObjectName(name);
    } else {
        QCoreApplication::removeTranslator(translator);
    }
    // English needs its catalogue too: it carries the plural forms ("1 day", "2 days").
    if (translator->load(
            QStringLiteral(":/translations/kiwoomd_%1.qm").arg(QLatin1String(trayLanguageCode(chosen))))) {
        QCoreApplication::installTranslator(translator);
    }
    return chosen;
}

} // namespace kiwoomd::app
