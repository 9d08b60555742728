#pragma once
// The tray's language: Korean or English, from the config's tray.language, where "system"
// follows the system's locale (Korean on a Korean system, English everywhere else). The
// translations are compiled into the binary (src/app/translations/*.ts, as :/translations/*.qm).
// Thread: main thread (installs a translator into the application).

#include "kiwoomd/core/Config.h"

#include <QLocale>

class QCoreApplication;

namespace kiwoomd::app {

// Korean or English, never System: what the tray speaks for this setting on this system.
TrayLanguage trayLanguageFor(TrayLanguage configured, const QLocale& system);

// Loads the chosen language's translation and installs it into `app`, which keeps it until the
// application ends; installing again replaces the previous one. Returns the language chosen. Call it
// before the tray is built, so its first texts are already translated.
TrayLanguage installTrayTranslator(QCoreApplication& app, TrayLanguage configured,
                                   const QLocale& system = QLocale::system());

// "ko" or "en": the two-letter code of a chosen language, for logs.
const char* trayLanguageCode(TrayLanguage language);

} // namespace kiwoomd::app
