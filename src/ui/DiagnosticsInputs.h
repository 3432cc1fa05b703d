// What a diagnostics bundle is made from, gathered in one place for Help, Save Diagnostics and
// `connect-desktop diagnostics`: the facts of this run (with the display and the web engine's
// versions), the settings, the profiles, the doctor's findings and the kept sessions.
#pragma once

#include "core/system/DiagnosticsBundle.h"
#include "ui/Doctor.h"

class AppSettings;
class ProfileStore;
class SessionHistory;

namespace DiagnosticsInputs {

DiagnosticsBundle::Inputs gather(const AppSettings *settings, const ProfileStore *profiles,
                                 const SessionHistory *history, const Profile &checked,
                                 const QList<DoctorFinding> &findings);

} // namespace DiagnosticsInputs
