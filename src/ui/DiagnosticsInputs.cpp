#include "ui/DiagnosticsInputs.h"

#include "core/session/SessionHistory.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProfileStore.h"

#include <QGuiApplication>
#include <QtWebEngineCore/qtwebenginecoreglobal.h>

namespace DiagnosticsInputs {

DiagnosticsBundle::Inputs gather(const AppSettings *settings, const ProfileStore *profiles,
                                 const SessionHistory *history, const Profile &checked,
                                 const QList<DoctorFinding> &findings)
{
    DiagnosticsBundle::Inputs inputs;
    inputs.system = DiagnosticsBundle::systemFacts();
    inputs.system.insert(QLatin1String("display"), QGuiApplication::platformName());
    inputs.system.insert(QLatin1String("qt_webengine"), QLatin1String(qWebEngineVersion()));
    inputs.system.insert(QLatin1String("chromium"), QLatin1String(qWebEngineChromiumVersion()));
    inputs.system.insert(QLatin1String("language"), settings ? settings->language() : QString());
    if (settings) {
        inputs.userSettings = settings->userSettings();
        inputs.machine = settings->machine();
    }
    if (profiles)
        inputs.profiles = profiles->profiles();
    inputs.doctor = Doctor::toJson(checked, findings);
    inputs.doctorText = Doctor::toText(findings);
    if (history)
        inputs.sessions = history->entries();
    return inputs;
}

} // namespace DiagnosticsInputs
