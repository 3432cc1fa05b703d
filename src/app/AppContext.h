// What a windowed run of the app holds: settings, profiles, backends and the web profiles.
#pragma once

#include "app/AppBackends.h"
#include "core/settings/AppSettings.h"
#include "core/settings/ProfileStore.h"

#include <QSettings>

class SessionHistory;
class WebProfiles;
class ThemeManager;

struct AppContext
{
    QSettings *settings = nullptr;
    AppSettings *appSettings = nullptr;
    ProfileStore *profiles = nullptr;
    AppBackends *backends = nullptr;
    ThemeManager *theme = nullptr;
    WebProfiles *webProfiles = nullptr;
    SessionHistory *history = nullptr; // where finished sessions are kept; may be null
};
