#include "core/system/LogCategories.h"

// Quiet by default (the command line prints results, not chatter); the sandbox logs its requests.
// Turn on with QT_LOGGING_RULES="connectdesktop.*.info=true".

Q_LOGGING_CATEGORY(lcApi, "connectdesktop.api", QtWarningMsg)
Q_LOGGING_CATEGORY(lcSandbox, "connectdesktop.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWeb, "connectdesktop.web", QtWarningMsg)
Q_LOGGING_CATEGORY(lcUi, "connectdesktop.ui", QtWarningMsg)
Q_LOGGING_CATEGORY(lcApp, "connectdesktop.app", QtWarningMsg)
