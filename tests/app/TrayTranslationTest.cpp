// Which language the tray speaks: the config's tray.language, or the system's locale for "system"
// (Korean on a Korean system, English elsewhere); and that installing one changes the tray's words.
#include "kiwoomd/app/tray/TrayTranslation.h"
#include "kiwoomd/app/tray/TrayText.h"

#include <QCoreApplication>

#include <gtest/gtest.h>

namespace kiwoomd::app {
namespace {

TEST(TrayTranslation, SystemFollowsAKoreanLocale) {
    EXPECT_EQ(trayLanguageFor(TrayLanguage::System, QLocale(QLocale::Korean, QLocale::SouthKorea)),
              TrayLanguage::Korean);
    EXPECT_EQ(trayLanguageFor(TrayLanguage::System, QLocale(QLocale::Korean, QLocale::NorthKorea)),
              TrayLanguage::Korean);
}

TEST(TrayTranslation, SystemIsEnglishOnEveryOtherLocale) {
    for (const QLocale& locale :
         {QLocale(QLocale::English, QLocale::UnitedStates), QLocale(QLocale::German, QLocale::Germany),
          QLocale(QLocale::Japanese, QLocale::Japan), QLocale(QLocale::Chinese, QLocale::China),
          QLocale::c()}) {
        EXPECT_EQ(trayLanguageFor(TrayLanguage::System, locale), TrayLanguage::English)
            << locale.name().toStdString();
    }
}

TEST(TrayTranslation, ANamedLanguageWinsOverTheSystems) {
    EXPECT_EQ(trayLanguageFor(TrayLanguage::Korean, QLocale(QLocale::English, QLocale::UnitedStates)),
              TrayLanguage::Korean);
    EXPECT_EQ(trayLanguageFor(TrayLanguage::English, QLocale(QLocale::Korean, QLocale::SouthKorea)),
              TrayLanguage::English);
}

TEST(TrayTranslation, InstallingALanguageChangesTheTraysWordsAndSaysWhichItChose) {
    QCoreApplication& app = *QCoreApplication::instance();
    const QLocale korean(QLocale::Korean, QLocale::SouthKorea);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    EXPECT_EQ(installTrayTranslator(app, TrayLanguage::System, korean), TrayLanguage::Korean);
    const QString koreanText = TrayText::state(TrayState::Live);
    EXPECT_EQ(installTrayTranslator(app, TrayLanguage::System, english), TrayLanguage::English);
    const QString englishText = TrayText::state(TrayState::Live);
    EXPECT_NE(koreanText, englishText);
    EXPECT_EQ(installTrayTranslator(app, TrayLanguage::Korean, english), TrayLanguage::Korean);
    EXPECT_EQ(TrayText::state(TrayState::Live), koreanText) << "installing again replaces the catalogue";
    installTrayTranslator(app, TrayLanguage::English);
}

TEST(TrayTranslation, TheLanguagesCodeIsTheConfigsWordForIt) {
    EXPECT_STREQ(trayLanguageCode(TrayLanguage::Korean), "ko");
    EXPECT_STREQ(trayLanguageCode(TrayLanguage::English), "en");
}

} // namespace
} // namespace kiwoomd::app
