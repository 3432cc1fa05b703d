// connect-desktop-bench: the app against bare Qt baselines, in the same run, on this machine.
// Starts the sandbox in this process on 127.0.0.1, then starts itself as children: the app
// (the real start-up code, offscreen) and the baseline, alternately, several times, and once the
// app for the soak. Prints one JSON object on stdout (docs/performance.md says what each figure
// means); progress goes to stderr.
#include "Child.h"
#include "Probe.h"
#include "core/model/PlatformTraits.h"
#include "core/settings/ProfileStore.h"
#include "sandbox/SandboxServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

// A child's web engine processes outlive it for a moment (orphans of the exited child, still
// shutting down): the next child would start beside them, sharing the two cores. The bench
// adopts such orphans (it is their subreaper) and waits for the last of them before going on.
void becomeSubreaper()
{
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
}

void waitForOrphans(int timeoutMs = 10000)
{
    QElapsedTimer waited;
    waited.start();
    for (;;) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid > 0)
            continue; // one more gone
        if (pid < 0 && errno == ECHILD)
            return; // none left
        if (waited.elapsed() > timeoutMs)
            return; // measure anyway; the figures will show it
        QThread::msleep(5);
    }
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

double round1(double value)
{
    return std::round(value * 10.0) / 10.0;
}
double round2(double value)
{
    return std::round(value * 100.0) / 100.0;
}

struct Spread
{
    double median = 0, min = 0, max = 0;
    int count = 0;
    QJsonObject json() const
    {
        return {{QLatin1String("median"), round1(median)},
                {QLatin1String("min"), round1(min)},
                {QLatin1String("max"), round1(max)},
                {QLatin1String("samples"), count}};
    }
};

Spread spreadOf(QList<double> values)
{
    Spread spread;
    if (values.isEmpty())
        return spread;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    spread.median = n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2.0;
    spread.min = values.constFirst();
    spread.max = values.constLast();
    spread.count = int(n);
    return spread;
}

// Growth between the first reading (session 20) and the last, in per cent of the first, read
// off the least-squares line through all the readings ([session, MiB] pairs): one reading moves
// with the renderer's memory by several MiB either way, a line through nineteen hardly does.
double trendGrowthPct(const QJsonArray &readings)
{
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const QJsonValue &value : readings) {
        const QJsonArray pair = value.toArray();
        const double x = pair.at(0).toDouble(), y = pair.at(1).toDouble();
        n += 1;
        sx += x;
        sy += y;
        sxx += x * x;
        sxy += x * y;
    }
    const double spread = n * sxx - sx * sx;
    if (n < 2 || spread <= 0)
        return 0;
    const double slope = (n * sxy - sx * sy) / spread;
    const double intercept = (sy - slope * sx) / n;
    const double first = readings.first().toArray().at(0).toDouble();
    const double last = readings.last().toArray().at(0).toDouble();
    const double atFirst = intercept + slope * first;
    return atFirst > 0 ? slope * (last - first) / atFirst * 100.0 : 0;
}

// The median of the last `count` values: this run's.
double medianOfLast(const QList<double> &values, qsizetype count)
{
    return spreadOf(values.mid(values.size() - count)).median;
}

struct Samples
{
    QList<double> startup, startupFromMain, modal, firstModal, domReady, confirm, rss;
    int pickerFromCache = 0; // app runs whose picker was filled from the disk cache
    void add(const QJsonObject &report, qint64 startedNs)
    {
        if (report.value(QLatin1String("picker_from_cache")).toBool())
            ++pickerFromCache;
        const qint64 readyNs = report.value(QLatin1String("ready_ns")).toString().toLongLong();
        startup.append(Probe::msBetween(startedNs, readyNs));
        const qint64 mainNs = report.value(QLatin1String("main_ns")).toString().toLongLong();
        if (mainNs)
            startupFromMain.append(Probe::msBetween(mainNs, readyNs));
        if (!report.contains(QLatin1String("rss_total_mb")))
            return; // a start-up alone
        const QJsonArray modalMs = report.value(QLatin1String("modal_ready_ms")).toArray();
        for (const QJsonValue &value : modalMs)
            modal.append(value.toDouble());
        if (!modalMs.isEmpty())
            firstModal.append(modalMs.first().toDouble()); // the first click after start-up
        for (const QJsonValue &value : report.value(QLatin1String("dom_ready_ms")).toArray())
            domReady.append(value.toDouble());
        for (const QJsonValue &value : report.value(QLatin1String("confirm_ms")).toArray())
            confirm.append(value.toDouble());
        rss.append(report.value(QLatin1String("rss_total_mb")).toDouble());
    }
};

class Bench
{
public:
    Bench(const QString &program, const ChildOptions &options)
        : m_program(program)
        , m_options(options)
    { }

    bool prepare(QString *error)
    {
        if (!m_root.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        if (!m_sandbox.start(error))
            return false;
        m_options.api = m_sandbox.url();
        m_options.apiKey = m_sandbox.apiKey();
        // Each kind of child has a home of its own, kept across runs (a returning user's), with
        // the app's settings pointing at this sandbox as a Polytomic profile.
        for (const QString &kind : {QStringLiteral("app"), QStringLiteral("baseline")}) {
            for (const char *sub : {"config", "data", "cache", "runtime", "etc"})
                QDir().mkpath(m_root.filePath(kind + QLatin1Char('/') + QLatin1String(sub)));
            QFile::setPermissions(m_root.filePath(kind + QStringLiteral("/runtime")),
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                      | QFileDevice::ExeOwner);
        }
        QSettings settings(m_root.filePath(QStringLiteral("app/config/ConnectDesktop/"
                                                          "connect-desktop.conf")),
                           QSettings::IniFormat);
        ProfileStore profiles(&settings);
        Profile profile;
        profile.id = QStringLiteral("bench");
        profile.name = QStringLiteral("Benchmark sandbox");
        profile.access = Profile::Access::Direct;
        profile.baseUrl = m_options.api;
        profile.apiVersion = PlatformTraits::of(profile.platform).latestApiVersion();
        if (!profiles.save(profile, error))
            return false;
        profiles.setActive(profile.id);
        settings.sync();
        return true;
    }

    // Starts a child and waits for its report; the start time is in *startedNs.
    QJsonObject run(const QString &kind, const QStringList &arguments, qint64 *startedNs,
                    QString *error)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        const QString home = m_root.filePath(kind);
        environment.insert(QStringLiteral("HOME"), home);
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/runtime"));
        // No machine-wide settings of this computer's administrators.
        environment.insert(QStringLiteral("XDG_CONFIG_DIRS"), home + QStringLiteral("/etc"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        // An instance of its own: a Connect Desktop the person has open must not take the
        // child's launch (SingleInstance).
        environment.insert(QStringLiteral("CONNECT_DESKTOP_INSTANCE"),
                           QStringLiteral("connect-desktop-bench-%1-%2")
                               .arg(QCoreApplication::applicationPid())
                               .arg(kind));
        environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        environment.remove(QStringLiteral("LANGUAGE"));
        environment.remove(QStringLiteral("LC_ALL"));
        environment.insert(QStringLiteral("POLYTOMIC_API_KEY"), m_options.apiKey);
        if (::geteuid() == 0)
            environment.insert(QStringLiteral("QTWEBENGINE_DISABLE_SANDBOX"), QStringLiteral("1"));
        process.setProcessEnvironment(environment);
        QStringList childArguments = QStringList{QStringLiteral("--child"), kind,
                                                 QStringLiteral("--api"), m_options.api.toString()}
            + arguments;
        // For profiling a child: CONNECT_DESKTOP_BENCH_WRAP="heaptrack" (or "perf record -g --",
        // "valgrind --tool=callgrind") runs each child under that command.
        QStringList wrapper =
            QProcess::splitCommand(qEnvironmentVariable("CONNECT_DESKTOP_BENCH_WRAP"));
        if (!wrapper.isEmpty()) {
            process.setProgram(wrapper.takeFirst());
            process.setArguments(wrapper + QStringList{m_program} + childArguments);
        } else {
            process.setProgram(m_program);
            process.setArguments(childArguments);
        }

        QEventLoop loop;
        QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
        *startedNs = Probe::nowNs();
        process.start();
        // The sandbox answers from this loop while the child runs.
        loop.exec();
        if (process.state() != QProcess::NotRunning && !process.waitForFinished(600000)) {
            process.kill();
            *error = QStringLiteral("%1 child did not finish").arg(kind);
            return {};
        }
        waitForOrphans();
        const QByteArray output = process.readAllStandardOutput();
        const QByteArray errors = process.readAllStandardError();
        if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            *error = QStringLiteral("%1 child failed (exit %2): %3")
                         .arg(kind)
                         .arg(process.exitCode())
                         .arg(QString::fromLocal8Bit(errors.right(2000)));
            return {};
        }
        if (m_verbose) {
            err() << kind << ": " << output.trimmed() << Qt::endl;
            err() << errors << Qt::endl;
        }
        return Probe::parseReport(output, error);
    }

    void setVerbose(bool verbose) { m_verbose = verbose; }

    const ChildOptions &options() const { return m_options; }

private:
    QString m_program;
    ChildOptions m_options;
    QTemporaryDir m_root;
    SandboxServer m_sandbox;
    bool m_verbose = false;
};

// `calibrate`: the app's side runs the baseline too, so every ratio would be 1 but for the
// bench's own noise (docs/performance.md, "The bench's own noise").
int runParent(const QString &program, ChildOptions options, int runs, int starts, bool verbose,
              bool calibrate)
{
    becomeSubreaper();
    Bench bench(program, options);
    bench.setVerbose(verbose);
    QString error;
    if (!bench.prepare(&error)) {
        err() << "connect-desktop-bench: " << error << Qt::endl;
        return 1;
    }
    options = bench.options();
    const QStringList measured{QStringLiteral("--samples"), QString::number(options.samples),
                               QStringLiteral("--think-ms"), QString::number(options.thinkMs)};

    Samples app, baseline;
    const QString appKind = calibrate ? QStringLiteral("baseline") : QStringLiteral("app");
    auto runChild = [&](const QString &kind, Samples *into, const QStringList &arguments) {
        qint64 started = 0;
        const QJsonObject report = bench.run(kind, arguments, &started, &error);
        if (report.isEmpty()) {
            err() << "connect-desktop-bench: " << error << Qt::endl;
            return false;
        }
        if (into)
            into->add(report, started);
        if (verbose) {
            const qint64 readyNs = report.value(QLatin1String("ready_ns")).toString().toLongLong();
            const qint64 mainNs = report.value(QLatin1String("main_ns")).toString().toLongLong();
            err() << kind << ": start-up " << Probe::msBetween(started, readyNs)
                  << " ms, of which before main() " << Probe::msBetween(started, mainNs) << " ms"
                  << Qt::endl;
        }
        return true;
    };

    // One of each first, not counted: the disk cache and the app's own caches warm up, as on
    // any computer the app ran on before.
    err() << "warming up…" << Qt::endl;
    const QStringList once{QStringLiteral("--samples"), QStringLiteral("1"),
                           QStringLiteral("--think-ms"), QStringLiteral("200")};
    if (!runChild(appKind, nullptr, once) || !runChild(QStringLiteral("baseline"), nullptr, once))
        return 1;
    const QStringList startupOnly{QStringLiteral("--startup-only")};
    for (int run = 0; run < runs; ++run) {
        // Alternating which goes first spreads whatever else the machine does over both.
        const bool appFirst = run % 2 == 0;
        for (int k = 0; k < 2; ++k) {
            const bool isApp = (k == 0) == appFirst;
            if (!runChild(isApp ? appKind : QStringLiteral("baseline"), isApp ? &app : &baseline,
                          measured))
                return 1;
        }
        // More start-ups, alone: one a run is too few for a figure this noisy.
        for (int start = 1; start < starts; ++start) {
            for (int k = 0; k < 2; ++k) {
                const bool isApp = (k == 0) == appFirst;
                if (!runChild(isApp ? appKind : QStringLiteral("baseline"),
                              isApp ? &app : &baseline, startupOnly))
                    return 1;
            }
        }
        err() << QStringLiteral("run %1/%2: startup %3 ms (baseline %4), modal %5 ms (baseline "
                                "%6), memory %7 MiB (baseline %8)")
                     .arg(run + 1)
                     .arg(runs)
                     .arg(medianOfLast(app.startup, starts), 0, 'f', 1)
                     .arg(medianOfLast(baseline.startup, starts), 0, 'f', 1)
                     .arg(medianOfLast(app.modal, options.samples), 0, 'f', 1)
                     .arg(medianOfLast(baseline.modal, options.samples), 0, 'f', 1)
                     .arg(app.rss.constLast(), 0, 'f', 1)
                     .arg(baseline.rss.constLast(), 0, 'f', 1)
              << Qt::endl;
    }

    // The soak: many sessions in one app process.
    double growth = 0, twoReadings = 0, at20 = 0, atEnd = 0;
    int soakSessions = 0;
    QJsonArray soakReadings;
    if (options.soakSessions > 0 && !calibrate) {
        err() << "soak: " << options.soakSessions << " sessions…" << Qt::endl;
        qint64 started = 0;
        const QJsonObject report =
            bench.run(QStringLiteral("app"),
                      {QStringLiteral("--soak"), QString::number(options.soakSessions),
                       QStringLiteral("--think-ms"), QString::number(options.thinkMs)},
                      &started, &error);
        if (report.isEmpty()) {
            err() << "connect-desktop-bench: " << error << Qt::endl;
            return 1;
        }
        soakSessions = report.value(QLatin1String("soak_sessions")).toInt();
        soakReadings = report.value(QLatin1String("soak_readings")).toArray();
        if (!soakReadings.isEmpty()) {
            // The first reading is after session 20, the last after the last session.
            at20 = soakReadings.first().toArray().at(1).toDouble();
            atEnd = soakReadings.last().toArray().at(1).toDouble();
        }
        twoReadings = at20 > 0 && soakSessions > 20 ? (atEnd - at20) / at20 * 100.0 : 0;
        growth = soakSessions > 20 ? trendGrowthPct(soakReadings) : 0;
    }

    const Spread startup = spreadOf(app.startup), baseStartup = spreadOf(baseline.startup);
    const Spread modal = spreadOf(app.modal), baseModal = spreadOf(baseline.modal);
    const Spread rss = spreadOf(app.rss), baseRss = spreadOf(baseline.rss);
    const Spread confirm = spreadOf(app.confirm), domReady = spreadOf(app.domReady);
    auto goal = [](double ratio, double limit) {
        return QJsonObject{{QLatin1String("ratio"), round2(ratio)},
                           {QLatin1String("limit"), limit},
                           {QLatin1String("met"), ratio <= limit}};
    };
    QJsonObject result{
        {QLatin1String("startup_ms"), round1(startup.median)},
        {QLatin1String("baseline_startup_ms"), round1(baseStartup.median)},
        {QLatin1String("modal_ready_ms"), round1(modal.median)},
        {QLatin1String("baseline_modal_ready_ms"), round1(baseModal.median)},
        {QLatin1String("confirm_ms"), round1(confirm.median)},
        {QLatin1String("rss_total_mb"), round1(rss.median)},
        {QLatin1String("baseline_rss_total_mb"), round1(baseRss.median)},
        {QLatin1String("soak_sessions"), soakSessions},
        {QLatin1String("soak_rss_growth_pct"), round2(growth)},
        {QLatin1String("ratios"),
         QJsonObject{{QLatin1String("startup"), goal(startup.median / baseStartup.median, 1.25)},
                     {QLatin1String("modal_ready"), goal(modal.median / baseModal.median, 1.10)},
                     {QLatin1String("rss_total"), goal(rss.median / baseRss.median, 1.15)},
                     {QLatin1String("soak_rss_growth_pct"),
                      QJsonObject{{QLatin1String("value"), round2(growth)},
                                  {QLatin1String("limit"), 5},
                                  {QLatin1String("met"), growth <= 5.0},
                                  // The growth from the two readings alone, as before.
                                  {QLatin1String("two_readings"), round2(twoReadings)}}}}},
        {QLatin1String("spread"),
         QJsonObject{{QLatin1String("startup_ms"), startup.json()},
                     {QLatin1String("baseline_startup_ms"), baseStartup.json()},
                     // The same from main(): without exec and the dynamic linker.
                     {QLatin1String("startup_from_main_ms"), spreadOf(app.startupFromMain).json()},
                     {QLatin1String("baseline_startup_from_main_ms"),
                      spreadOf(baseline.startupFromMain).json()},
                     {QLatin1String("modal_ready_ms"), modal.json()},
                     {QLatin1String("baseline_modal_ready_ms"), baseModal.json()},
                     {QLatin1String("app_dom_ready_ms"), domReady.json()},
                     {QLatin1String("first_click_modal_ready_ms"), spreadOf(app.firstModal).json()},
                     {QLatin1String("confirm_ms"), confirm.json()},
                     {QLatin1String("rss_total_mb"), rss.json()},
                     {QLatin1String("baseline_rss_total_mb"), baseRss.json()}}},
        {QLatin1String("soak_rss_mb"),
         QJsonObject{{QLatin1String("after_session_20"), round1(at20)},
                     {QLatin1String("after_last_session"), round1(atEnd)},
                     // After session 20, every tenth and the last: [session, MiB].
                     {QLatin1String("readings"), soakReadings}}},
        {QLatin1String("setup"),
         QJsonObject{{QLatin1String("runs"), runs},
                     {QLatin1String("samples_per_run"), options.samples},
                     {QLatin1String("starts_per_run"), starts},
                     {QLatin1String("think_ms"), options.thinkMs},
                     // The app's figures are a second baseline's: the bench's own noise.
                     {QLatin1String("calibration"), calibrate},
                     // Start-ups whose picker came from the disk cache (then revalidated), as on
                     // a computer the app ran on before; the warm-up run fills the cache.
                     {QLatin1String("app_picker_from_cache"), app.pickerFromCache},
                     {QLatin1String("platform"), QStringLiteral("offscreen")},
                     {QLatin1String("qt"), QString::fromLatin1(qVersion())},
                     {QLatin1String("cpus"), QThread::idealThreadCount()},
                     {QLatin1String("sandbox"), options.api.toString()}}}};
    QTextStream(stdout) << QJsonDocument(result).toJson(QJsonDocument::Indented);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    Probe::markMain();
    // The children read their options before any QApplication exists (the app's is made by
    // Application::run); the parent uses a QCoreApplication for the command line.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Measures Connect Desktop against bare Qt baselines in the same run: start-up, click to "
        "form, confirmation, memory, and memory over a soak. Prints one JSON object."));
    parser.addHelpOption();
    // Twenty: with five, the click-to-form ratio of the baseline against itself ranged from 0.92
    // to 1.25 (--calibrate; docs/performance.md, item 31).
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs of app and baseline (default 20)."),
                                        QStringLiteral("N"), QStringLiteral("20"));
    const QCommandLineOption samplesOption(QStringLiteral("samples"),
                                           QStringLiteral("Sessions measured per run (default 3)."),
                                           QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption sessionsOption(
        QStringLiteral("sessions"),
        QStringLiteral("Sessions of the soak (default 200; 0 skips it)."), QStringLiteral("N"),
        QStringLiteral("200"));
    const QCommandLineOption startsOption(
        QStringLiteral("starts"),
        QStringLiteral("Start-ups measured per run (default 3): one with the run's sessions, the "
                       "rest alone."),
        QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption thinkOption(
        QStringLiteral("think-ms"),
        QStringLiteral("Pause before each measured click, as a person choosing (default 1000)."),
        QStringLiteral("MS"), QStringLiteral("1000"));
    const QCommandLineOption verboseOption(
        QStringLiteral("verbose"),
        QStringLiteral("Print every child's report and its own messages on stderr."));
    const QCommandLineOption calibrateOption(
        QStringLiteral("calibrate"),
        QStringLiteral("Measure the bench's own noise: the baseline in the app's place too, no "
                       "soak; every ratio would be 1.00 but for the noise."));
    QCommandLineOption childOption(QStringLiteral("child"), QString(), QStringLiteral("KIND"));
    QCommandLineOption apiOption(QStringLiteral("api"), QString(), QStringLiteral("URL"));
    QCommandLineOption soakOption(QStringLiteral("soak"), QString(), QStringLiteral("N"));
    QCommandLineOption startupOnlyOption(QStringLiteral("startup-only"));
    for (QCommandLineOption *hidden : {&childOption, &apiOption, &soakOption, &startupOnlyOption})
        hidden->setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({runsOption, samplesOption, startsOption, sessionsOption, thinkOption,
                       verboseOption, calibrateOption, childOption, apiOption, soakOption,
                       startupOnlyOption});

    ChildOptions options;
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << "connect-desktop-bench: " << parser.errorText() << Qt::endl;
        return 2;
    }
    auto number = [&](const QCommandLineOption &option, int fallback) {
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!parser.isSet(option) && !ok)
            return fallback;
        if (!ok || value < 0) {
            QTextStream(stderr) << "connect-desktop-bench: --" << option.names().constFirst()
                                << " wants a whole number, 0 or more" << Qt::endl;
            std::exit(2);
        }
        return value;
    };
    options.samples = std::max(1, number(samplesOption, 3));
    options.thinkMs = number(thinkOption, 1000);
    const QString child = parser.value(childOption);
    if (child == QLatin1String("app") || child == QLatin1String("baseline")) {
        options.api = QUrl(parser.value(apiOption));
        options.apiKey = qEnvironmentVariable("POLYTOMIC_API_KEY");
        options.soakSessions = number(soakOption, 0);
        options.startupOnly = parser.isSet(startupOnlyOption);
        return child == QLatin1String("app") ? Child::runApp(argc, argv, options)
                                             : Child::runBaseline(argc, argv, options);
    }

    QCoreApplication app(argc, argv);
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    options.soakSessions = number(sessionsOption, 200);
    const int runs = std::max(1, number(runsOption, 20));
    const int starts = std::max(1, number(startsOption, 3));
    return runParent(QCoreApplication::applicationFilePath(), options, runs, starts,
                     parser.isSet(verboseOption), parser.isSet(calibrateOption));
}
