#include "LogCategories.h"

Q_LOGGING_CATEGORY(lcApi, "connectdesktop.api", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSandbox, "connectdesktop.sandbox", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWeb, "connectdesktop.web", QtInfoMsg)
Q_LOGGING_CATEGORY(lcApp, "connectdesktop.app", QtInfoMsg)
