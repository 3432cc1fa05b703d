#include "core/system/DiagnosticsBundle.h"

#include "core/model/ExchangeLog.h"
#include "core/settings/MachineSettings.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSettings>
#include <QSysInfo>
#include <QUrl>

#include <zip.h>

namespace {

const QString removed = QStringLiteral("[removed]");

QString tr(const char *text)
{
    return QCoreApplication::translate("DiagnosticsBundle", text);
}

QByteArray json(const QJsonValue &value)
{
    const QJsonDocument document =
        value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    return document.toJson(QJsonDocument::Indented);
}

QJsonValue scrubValue(const QString &name, const QVariant &value)
{
    if (!value.isValid())
        return QJsonValue();
    if (DiagnosticsBundle::isSecretName(name))
        return removed;
    if (value.typeId() == QMetaType::QStringList) {
        QJsonArray items;
        for (const QString &item : value.toStringList())
            items.append(ExchangeLog::scrub(item));
        return items;
    }
    return ExchangeLog::scrub(value.toString());
}

QJsonObject profileJson(const Profile &profile)
{
    QJsonObject environments;
    for (auto it = profile.environments.cbegin(); it != profile.environments.cend(); ++it)
        environments.insert(it.key(), ExchangeLog::scrub(it.value().toString()));
    return {{QLatin1String("id"), profile.id},
            {QLatin1String("name"), profile.name},
            {QLatin1String("platform"), Profile::platformName(profile.platform)},
            {QLatin1String("access"), Profile::accessName(profile.access)},
            {QLatin1String("base_url"), ExchangeLog::scrub(profile.baseUrl.toString())},
            {QLatin1String("api_version"), profile.apiVersion},
            // The header's name only; its value lives in the keychain.
            {QLatin1String("credential_header"), profile.credentialHeader},
            {QLatin1String("project_id"), profile.projectId},
            {QLatin1String("user_id"), profile.userId},
            {QLatin1String("environments"), environments},
            {QLatin1String("remember_sign_ins"), profile.rememberSignIns},
            {QLatin1String("accept_invalid_certificates"), profile.acceptInvalidCertificates},
            {QLatin1String("needs_secret"), profile.needsKey()}};
}

QJsonObject settingsJson(const QSettings *user, const MachineSettings *machine)
{
    QStringList keys = MachineSettings::knownKeys();
    if (user) {
        for (const QString &key : user->allKeys()) {
            if (!keys.contains(key))
                keys.append(key);
        }
    }
    keys.sort();
    QJsonObject settings;
    for (const QString &key : std::as_const(keys)) {
        const QVariant mine = user ? user->value(key) : QVariant();
        const bool locked = machine && machine->isLocked(key);
        const QVariant machineDefault = machine ? machine->defaultValue(key) : QVariant();
        const QVariant lockedValue = locked ? machine->lockedValue(key) : QVariant();
        if (!mine.isValid() && !machineDefault.isValid() && !locked)
            continue;
        const QVariant effective = locked ? lockedValue : (mine.isValid() ? mine : machineDefault);
        settings.insert(
            key,
            QJsonObject{{QLatin1String("user"), scrubValue(key, mine)},
                        {QLatin1String("machine_default"), scrubValue(key, machineDefault)},
                        {QLatin1String("locked"), locked},
                        {QLatin1String("effective"), scrubValue(key, effective)}});
    }
    QJsonObject out{{QLatin1String("settings"), settings}};
    if (machine) {
        out.insert(QLatin1String("machine_source"), MachineSettings::systemSourceLocation());
        out.insert(QLatin1String("machine_problems"),
                   QJsonArray::fromStringList(machine->problems()));
    }
    return out;
}

QList<HistoryEntry> sessionsSince(const QList<HistoryEntry> &sessions, const QDateTime &since)
{
    QList<HistoryEntry> kept;
    // Each one was scrubbed as the history kept it (SessionHistory::add).
    for (const HistoryEntry &entry : sessions) {
        if (!since.isValid() || entry.finishedAt >= since)
            kept.append(entry);
    }
    return kept;
}

bool isEngineEvent(const ExchangeEntry &entry)
{
    static const QStringList methods{QStringLiteral("refused"), QStringLiteral("dialog"),
                                     QStringLiteral("console"), QStringLiteral("problem"),
                                     QStringLiteral("certificate accepted (support override)")};
    return entry.kind == QLatin1String("web") && methods.contains(entry.method);
}

} // namespace

QList<DiagnosticsBundle::Part> DiagnosticsBundle::allParts()
{
    return {Part::System, Part::Settings, Part::Profiles,
            Part::Doctor, Part::Sessions, Part::Engine};
}

QString DiagnosticsBundle::partName(Part part)
{
    switch (part) {
    case Part::System:
        return QStringLiteral("system");
    case Part::Settings:
        return QStringLiteral("settings");
    case Part::Profiles:
        return QStringLiteral("profiles");
    case Part::Doctor:
        return QStringLiteral("doctor");
    case Part::Sessions:
        return QStringLiteral("sessions");
    case Part::Engine:
        return QStringLiteral("engine");
    }
    return {};
}

std::optional<DiagnosticsBundle::Part> DiagnosticsBundle::partFromName(const QString &name)
{
    for (const Part part : allParts()) {
        if (partName(part) == name)
            return part;
    }
    return std::nullopt;
}

QString DiagnosticsBundle::partDescription(Part part)
{
    switch (part) {
    case Part::System:
        return tr("The app's, Qt's and Chromium's versions, the operating system and the display.");
    case Part::Settings:
        return tr("The settings in effect: yours, the machine's defaults and what is locked, "
                  "without any secret.");
    case Part::Profiles:
        return tr("Your profiles: names, platforms and addresses, without keys or credentials.");
    case Part::Doctor:
        return tr("What the doctor found on this machine (the web engine, keychain, network, "
                  "proxies, certificates, clock).");
    case Part::Sessions:
        return tr("The last sessions: their results, timings and exchange logs (already "
                  "redacted), with the integrations and connection names they involved.");
    case Part::Engine:
        return tr("What the web engine refused or reported in those sessions (navigations, "
                  "permissions, dialogs, console errors).");
    }
    return {};
}

bool DiagnosticsBundle::isSecretName(const QString &name)
{
    static const QRegularExpression secret(
        QStringLiteral("(key|token|password|passwd|secret|credential(?!header)|cookie|auth)"),
        QRegularExpression::CaseInsensitiveOption);
    // The header's name (profile/credentialHeader) says which header, not what it carries.
    const QString last = name.section(QLatin1Char('/'), -1);
    if (last.compare(QLatin1String("credentialHeader"), Qt::CaseInsensitive) == 0)
        return false;
    return secret.match(last).hasMatch() || ExchangeLog::isCredentialName(last);
}

QJsonObject DiagnosticsBundle::systemFacts()
{
    return {{QLatin1String("app"), QCoreApplication::applicationVersion()},
            {QLatin1String("qt_runtime"), QLatin1String(qVersion())},
            {QLatin1String("qt_build"), QLatin1String(QT_VERSION_STR)},
            {QLatin1String("os"), QSysInfo::prettyProductName()},
            {QLatin1String("kernel"),
             QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion()},
            {QLatin1String("cpu"), QSysInfo::currentCpuArchitecture()},
            {QLatin1String("locale"), QLocale().name()},
            {QLatin1String("made_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)}};
}

QMap<QString, QByteArray> DiagnosticsBundle::partFiles(const Inputs &inputs, Part part,
                                                       const QDateTime &since)
{
    QMap<QString, QByteArray> out;
    switch (part) {
    case Part::System:
        out.insert(QStringLiteral("system.json"), json(inputs.system));
        break;
    case Part::Settings:
        out.insert(QStringLiteral("settings.json"),
                   json(settingsJson(inputs.userSettings, inputs.machine)));
        break;
    case Part::Profiles: {
        QJsonArray profiles;
        for (const Profile &profile : inputs.profiles)
            profiles.append(profileJson(profile));
        out.insert(QStringLiteral("profiles.json"), json(profiles));
        break;
    }
    case Part::Doctor:
        out.insert(QStringLiteral("doctor.json"), json(inputs.doctor));
        out.insert(QStringLiteral("doctor.txt"),
                   ExchangeLog::scrub(inputs.doctorText).toUtf8() + '\n');
        break;
    case Part::Sessions: {
        const QList<HistoryEntry> sessions = sessionsSince(inputs.sessions, since);
        QJsonArray array;
        QStringList text;
        for (const HistoryEntry &entry : sessions) {
            array.append(entry.toJson());
            text.append(entry.toText());
        }
        out.insert(QStringLiteral("sessions.json"), json(array));
        out.insert(QStringLiteral("sessions.txt"),
                   text.join(QStringLiteral("\n\n")).toUtf8() + '\n');
        break;
    }
    case Part::Engine: {
        QStringList lines;
        for (const HistoryEntry &entry : sessionsSince(inputs.sessions, since)) {
            for (const ExchangeEntry &exchange : entry.exchanges) {
                if (!isEngineEvent(exchange))
                    continue;
                lines.append(QStringList{exchange.time.toUTC().toString(Qt::ISODateWithMs),
                                         entry.result.integration, exchange.method, exchange.url,
                                         exchange.note}
                                 .join(QLatin1Char('\t')));
            }
        }
        out.insert(QStringLiteral("engine.txt"),
                   lines.isEmpty() ? tr("Nothing was refused or reported.").toUtf8() + '\n'
                                   : lines.join(QLatin1Char('\n')).toUtf8() + '\n');
        break;
    }
    }
    return out;
}

QMap<QString, QByteArray> DiagnosticsBundle::files(const Inputs &inputs, const QList<Part> &parts,
                                                   const QDateTime &since)
{
    QMap<QString, QByteArray> out;
    QJsonArray included;
    QJsonArray left;
    for (const Part part : allParts()) {
        if (!parts.contains(part)) {
            left.append(partName(part));
            continue;
        }
        included.append(partName(part));
        const auto partOut = partFiles(inputs, part, since);
        for (auto it = partOut.cbegin(); it != partOut.cend(); ++it)
            out.insert(it.key(), it.value());
    }
    QJsonArray names;
    for (auto it = out.cbegin(); it != out.cend(); ++it)
        names.append(it.key());
    out.insert(
        QStringLiteral("manifest.json"),
        json(QJsonObject{
            {QLatin1String("made_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
            {QLatin1String("app"), QCoreApplication::applicationVersion()},
            {QLatin1String("sessions_since"),
             since.isValid() ? QJsonValue(since.toUTC().toString(Qt::ISODate)) : QJsonValue()},
            {QLatin1String("included"), included},
            {QLatin1String("left_out"), left},
            {QLatin1String("files"), names}}));
    return out;
}

bool DiagnosticsBundle::writeZip(const QString &path, const QMap<QString, QByteArray> &files,
                                 QString *error)
{
    const QString partial = path + QStringLiteral(".part");
    QFile::remove(partial);
    int code = 0;
    zip_t *archive =
        zip_open(QFile::encodeName(partial).constData(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (!archive) {
        zip_error_t zipError;
        zip_error_init_with_code(&zipError, code);
        *error = tr("Could not create %1 (%2).")
                     .arg(QDir::toNativeSeparators(path),
                          QString::fromLocal8Bit(zip_error_strerror(&zipError)));
        zip_error_fini(&zipError);
        return false;
    }
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        // libzip reads the buffer at zip_close(): it stays in `files` until then.
        zip_source_t *source =
            zip_source_buffer(archive, it.value().constData(), zip_uint64_t(it.value().size()), 0);
        if (!source
            || zip_file_add(archive, it.key().toUtf8().constData(), source,
                            ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE)
                < 0) {
            if (source)
                zip_source_free(source);
            *error = tr("Could not add %1 to the bundle (%2).")
                         .arg(it.key(), QString::fromLocal8Bit(zip_strerror(archive)));
            zip_discard(archive);
            QFile::remove(partial);
            return false;
        }
    }
    if (zip_close(archive) != 0) {
        *error =
            tr("Could not write %1 (%2).")
                .arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(zip_strerror(archive)));
        zip_discard(archive);
        QFile::remove(partial);
        return false;
    }
    QFile::setPermissions(partial, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile::remove(path);
    if (!QFile::rename(partial, path)) {
        *error = tr("Could not write %1.").arg(QDir::toNativeSeparators(path));
        QFile::remove(partial);
        return false;
    }
    return true;
}

std::optional<QMap<QString, QByteArray>> DiagnosticsBundle::readZip(const QString &path,
                                                                    QString *error)
{
    int code = 0;
    zip_t *archive = zip_open(QFile::encodeName(path).constData(), ZIP_RDONLY, &code);
    if (!archive) {
        *error = tr("Could not open %1 as a zip file.").arg(QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    QMap<QString, QByteArray> out;
    const zip_int64_t count = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive, zip_uint64_t(i), 0, &stat) != 0)
            continue;
        zip_file_t *file = zip_fopen_index(archive, zip_uint64_t(i), 0);
        if (!file)
            continue;
        QByteArray data(qsizetype(stat.size), Qt::Uninitialized);
        const zip_int64_t read = zip_fread(file, data.data(), stat.size);
        zip_fclose(file);
        if (read >= 0) {
            data.resize(qsizetype(read));
            out.insert(QString::fromUtf8(stat.name), data);
        }
    }
    zip_close(archive);
    return out;
}
