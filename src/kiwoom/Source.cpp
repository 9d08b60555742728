#include "kiwoomd/kiwoom/Source.h"

namespace kiwoomd {

Source::Source(QObject* parent)
    : QObject(parent) {
    // So that pages and logins can travel through queued connections and signal spies.
    qRegisterMetaType<TrPage>();
    qRegisterMetaType<LoginInfo>();
}

} // namespace kiwoomd
