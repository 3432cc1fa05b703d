// The file dialog a page's file input opens (ConnectWebPage::FileChooser): modal to the window
// that shows the page only, so the app's other windows, the session's end and Esc still work,
// and closed when the page asks (its session ended).
#pragma once

#include "web/ConnectWebPage.h"

#include <QStringList>

namespace PageFileDialog {

QStringList choose(ConnectWebPage *page, QWebEnginePage::FileSelectionMode mode,
                   const QStringList &oldFiles, const QStringList &acceptedMimeTypes);

// The dialog's name filters for what an input accepts ("image/png", ".pem"), then any file.
QStringList nameFilters(const QStringList &acceptedMimeTypes);

} // namespace PageFileDialog
