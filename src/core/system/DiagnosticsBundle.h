// A diagnostics bundle for support: a zip file of plain text and JSON files, in parts a person
// may leave out (system, settings, profiles, doctor, sessions, engine), never with a secret. The
// settings and profiles are written without keys, credentials or passwords (none is kept there,
// and any value whose name says it is one is replaced); sessions come from the history, already
// redacted, and are scrubbed again; addresses lose any user name and password.
#pragma once

#include "core/model/Profile.h"
#include "core/session/SessionHistory.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

class MachineSettings;
class QSettings;

class DiagnosticsBundle
{
public:
    enum class Part { System, Settings, Profiles, Doctor, Sessions, Engine };

    static QList<Part> allParts();
    static QString partName(Part part); // "system", …, as --without takes them
    static std::optional<Part> partFromName(const QString &name);
    // One sentence for people: what the part holds.
    static QString partDescription(Part part);

    struct Inputs
    {
        QJsonObject system; // versions, OS, display: see systemFacts()
        const QSettings *userSettings = nullptr;
        const MachineSettings *machine = nullptr;
        QList<Profile> profiles;
        QJsonObject doctor; // Doctor::toJson()
        QString doctorText; // Doctor::toText()
        QList<HistoryEntry> sessions; // newest first
    };

    // What Qt and the OS say about this run (the display and the web engine's versions are added
    // by the caller, which has them).
    static QJsonObject systemFacts();

    // The bundle's files (name to contents) for `parts`, with the sessions finished after `since`
    // (all when invalid); manifest.json always, saying what was left out.
    static QMap<QString, QByteArray> files(const Inputs &inputs, const QList<Part> &parts,
                                           const QDateTime &since = {});
    // The files of one part, as files() would write them (for a preview).
    static QMap<QString, QByteArray> partFiles(const Inputs &inputs, Part part,
                                               const QDateTime &since = {});

    // Writes `files` as a zip to `path` (through a temporary file: a failed write leaves no half
    // bundle). False, with *error saying why, when it could not.
    static bool writeZip(const QString &path, const QMap<QString, QByteArray> &files,
                         QString *error);
    // Reads a zip written by writeZip() back (for tests and for checking a bundle).
    static std::optional<QMap<QString, QByteArray>> readZip(const QString &path, QString *error);

    // Whether a settings key or a JSON field of this name holds a secret (key, token, password…).
    static bool isSecretName(const QString &name);
};
