// Test helpers for the secrets searches (tst_secrets, tst_paragonsecrets): every log line of the
// process, the files under a folder and the texts of a window, searched for secrets in each way
// they could have been written.
#pragma once

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringList>
#include <QUrl>
#include <QWidget>

namespace SecretSearch {

// Every message of the process from startLog() on, as "category message".
inline QStringList &log()
{
    static QStringList lines;
    return lines;
}

inline QtMessageHandler &previousHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

inline void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    log().append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ')
                 + message);
    if (previousHandler())
        previousHandler()(type, context, message);
}

inline void startLog()
{
    previousHandler() = qInstallMessageHandler(capture);
}

inline void stopLog()
{
    qInstallMessageHandler(previousHandler());
}

// The number of files under `root`.
inline int fileCount(const QString &root)
{
    int count = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++count;
    }
    return count;
}

// Every file under `root` that holds one of `secrets`, as UTF-8, UTF-16, base64 or
// percent-encoded.
inline QStringList filesHolding(const QString &root, const QStringList &secrets)
{
    QList<QByteArray> forms;
    for (const QString &secret : secrets) {
        forms << secret.toUtf8()
              << QByteArray(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2)
              << secret.toUtf8().toBase64() << QUrl::toPercentEncoding(secret);
    }
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray contents = file.readAll();
        for (const QByteArray &form : std::as_const(forms)) {
            if (!form.isEmpty() && contents.contains(form)) {
                hits.append(file.fileName());
                break;
            }
        }
    }
    return hits;
}

// What `root` shows: its labels (and their tooltips), fields, text views and title.
inline QStringList texts(QWidget *root)
{
    QStringList shown;
    for (QLabel *label : root->findChildren<QLabel *>())
        shown.append(label->text() + label->toolTip());
    for (QLineEdit *edit : root->findChildren<QLineEdit *>())
        shown.append(edit->text());
    for (QPlainTextEdit *edit : root->findChildren<QPlainTextEdit *>())
        shown.append(edit->toPlainText());
    shown.append(root->windowTitle());
    return shown;
}

} // namespace SecretSearch
