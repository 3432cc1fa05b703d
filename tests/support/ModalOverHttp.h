// Test helper: what a browser does in the sandbox's modal, over plain HTTP: submit the
// PostgreSQL form, then ask where the modal sends the browser.
#pragma once

#include <QString>
#include <QUrl>

namespace ModalOverHttp {

// Submits the PostgreSQL form of the session at `modal` and returns where its finish page
// redirects (the app's redirect URL with the sandbox's result added).
QUrl completePostgres(const QUrl &modal, const QString &password = QStringLiteral("secret"),
                      const QString &database = QStringLiteral("d"));
// Closes the modal and returns where it redirects.
QUrl close(const QUrl &modal);

} // namespace ModalOverHttp
