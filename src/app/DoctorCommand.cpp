#include "app/DoctorCommand.h"

#include "app/ProfileChoice.h"
#include "ui/Doctor.h"

#include <QApplication>
#include <QJsonDocument>
#include <QTextStream>

namespace DoctorCommand {

int run(const DoctorOptions &options, const AppContext &context)
{
    QString error;
    const auto profile = ProfileChoice::resolve(options.target, *context.profiles, &error);
    if (!profile) {
        QTextStream(stderr) << "connect-desktop doctor: " << error << Qt::endl;
        return CommandLine::BadUsage;
    }
    Doctor doctor(context.backends);
    int code = CommandLine::Failed;
    QObject::connect(
        &doctor, &Doctor::finished, &doctor, [&](const QList<DoctorFinding> &findings) {
            QTextStream out(stdout);
            if (options.json)
                out << QJsonDocument(Doctor::toJson(*profile, findings))
                           .toJson(QJsonDocument::Compact)
                    << Qt::endl;
            else
                out << Doctor::toText(findings) << Qt::endl;
            code = Doctor::anyProblem(findings) ? CommandLine::Failed : CommandLine::Completed;
            QCoreApplication::exit(code);
        });
    if (!options.json)
        QTextStream(stdout) << QCoreApplication::translate("DoctorCommand",
                                                           "Checking the profile “%1”…")
                                   .arg(profile->name)
                            << Qt::endl;
    doctor.run(*profile);
    if (doctor.isRunning())
        QApplication::exec();
    return code;
}

} // namespace DoctorCommand
