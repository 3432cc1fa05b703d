#include "ui/PageFileDialog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileDialog>
#include <QMimeDatabase>
#include <QPointer>
#include <QWebEngineView>

namespace PageFileDialog {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("PageFileDialog", text);
}
} // namespace

QStringList nameFilters(const QStringList &acceptedMimeTypes)
{
    QStringList patterns;
    const QMimeDatabase mimeTypes;
    for (const QString &accepted : acceptedMimeTypes) {
        if (accepted.startsWith(QLatin1Char('.')))
            patterns << QLatin1Char('*') + accepted;
        else if (const QMimeType type = mimeTypes.mimeTypeForName(accepted); type.isValid())
            patterns << type.globPatterns();
    }
    patterns.removeDuplicates();
    QStringList filters;
    if (!patterns.isEmpty())
        filters << tr("Files the page accepts (%1)").arg(patterns.join(QLatin1Char(' ')));
    filters << tr("All files (*)");
    return filters;
}

QStringList choose(ConnectWebPage *page, QWebEnginePage::FileSelectionMode mode,
                   const QStringList &oldFiles, const QStringList &acceptedMimeTypes)
{
    QWebEngineView *view = QWebEngineView::forPage(page);
    if (!view)
        return {}; // a page nobody sees asks nobody
    // On the heap, a child of the window: if the window goes first, the dialog goes with it.
    QPointer<QFileDialog> dialog =
        new QFileDialog(view->window(), tr("Choose a File for the Page"));
    dialog->setWindowModality(Qt::WindowModal);
    dialog->setFileMode(mode == QWebEnginePage::FileSelectOpenMultiple ? QFileDialog::ExistingFiles
                                                                       : QFileDialog::ExistingFile);
    dialog->setNameFilters(nameFilters(acceptedMimeTypes));
    // Where a person keeps their files, not the folder the app happened to start in.
    dialog->setDirectory(QDir::homePath());
    if (!oldFiles.isEmpty())
        dialog->selectFile(oldFiles.constFirst());
    QObject::connect(page, &ConnectWebPage::fileChooserClosing, dialog.data(), &QDialog::reject);
    const bool chosen = dialog->exec() == QDialog::Accepted;
    if (!dialog)
        return {};
    const QStringList files = chosen ? dialog->selectedFiles() : QStringList();
    delete dialog.data();
    return files;
}

} // namespace PageFileDialog
