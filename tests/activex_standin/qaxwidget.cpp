#include "qaxwidget.h"

namespace {

QAxWidget* g_current = nullptr;
int g_created = 0;

} // namespace

QAxWidget::QAxWidget(QObject* parent)
    : QObject(parent) {
    g_current = this;
    ++g_created;
}

QAxWidget::~QAxWidget() {
    if (g_current == this) {
        g_current = nullptr;
    }
}

bool QAxWidget::setControl(const QString& c) {
    m_control = registeredControls().contains(c) ? c : QString();
    return !m_control.isEmpty();
}

QVariant QAxWidget::dynamicCall(const char* function, QList<QVariant>& vars) {
    m_calls.push_back({QByteArray(function), vars});
    return m_answers.value(QMetaObject::normalizedSignature(function));
}

QStringList& QAxWidget::registeredControls() {
    static QStringList controls;
    return controls;
}

QAxWidget* QAxWidget::current() {
    return g_current;
}

int QAxWidget::instancesCreated() {
    return g_created;
}
