#include "app/DiagnosticsCommand.h"

#include "app/ProfileChoice.h"
#include "core/system/DiagnosticsBundle.h"
#include "ui/DiagnosticsInputs.h"
#include "ui/Doctor.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

namespace DiagnosticsCommand {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DiagnosticsCommand", text);
}

} // namespace

int run(const DiagnosticsOptions &options, const AppContext &context)
{
    QTextStream err(stderr);
    ConnectOptions target;
    target.profile = options.profile;
    QString error;
    const auto profile = ProfileChoice::resolve(target, *context.profiles, &error);
    if (!profile) {
        err << "connect-desktop diagnostics: " << error << Qt::endl;
        return CommandLine::BadUsage;
    }
    QList<DiagnosticsBundle::Part> parts;
    for (const DiagnosticsBundle::Part part : DiagnosticsBundle::allParts()) {
        if (!options.without.contains(DiagnosticsBundle::partName(part)))
            parts.append(part);
    }
    QList<DoctorFinding> findings;
    if (parts.contains(DiagnosticsBundle::Part::Doctor)) {
        err << tr("Running the doctor…") << Qt::endl;
        Doctor doctor(context.backends);
        QObject::connect(&doctor, &Doctor::finished, &doctor,
                         [&findings](const QList<DoctorFinding> &found) {
                             findings = found;
                             QCoreApplication::exit(0);
                         });
        doctor.run(*profile);
        if (doctor.isRunning())
            QApplication::exec();
    }
    const QDateTime since = options.sinceSeconds > 0
        ? QDateTime::currentDateTimeUtc().addSecs(-options.sinceSeconds)
        : QDateTime();
    const auto files =
        DiagnosticsBundle::files(DiagnosticsInputs::gather(context.appSettings, context.profiles,
                                                           context.history, *profile, findings),
                                 parts, since);
    const QString path = QFileInfo(options.output).absoluteFilePath();
    if (!DiagnosticsBundle::writeZip(path, files, &error)) {
        err << "connect-desktop diagnostics: " << error << Qt::endl;
        return CommandLine::Failed;
    }
    QTextStream out(stdout);
    out << tr("Saved %1 with:").arg(QDir::toNativeSeparators(path)) << Qt::endl;
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        out << "  " << it.key() << "  (" << it.value().size() << " bytes)" << Qt::endl;
    if (!options.without.isEmpty())
        out << tr("Left out: %1").arg(options.without.join(QLatin1String(", "))) << Qt::endl;
    return CommandLine::Completed;
}

} // namespace DiagnosticsCommand
