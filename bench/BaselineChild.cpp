// The baseline: what Qt alone costs for the same work. A bare QApplication that shows a list
// after one API GET; one raw POST with QNetworkAccessManager and the load of the returned URL in
// a bare QWebEngineView that has shown a small page on the same site before.
#include "Child.h"
#include "Probe.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QVBoxLayout>
#include <QWebEngineView>

namespace {

QNetworkRequest apiRequest(const ChildOptions &options, const QString &path)
{
    QUrl url = options.api;
    url.setPath(path);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + options.apiKey.toUtf8());
    request.setRawHeader("Accept", "application/json");
    return request;
}

QJsonValue dataOf(QNetworkReply *reply)
{
    if (reply->error() != QNetworkReply::NoError)
        Child::fail(QStringLiteral("baseline: %1").arg(reply->errorString()));
    return QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("data"));
}

} // namespace

namespace Child {

int runBaseline(int argc, char **argv, const ChildOptions &options)
{
    QCoreApplication::setAttribute(Qt::AA_ShareOpenGLContexts);
    QApplication app(argc, argv);
    QNetworkAccessManager network;

    // Start-up: one GET, then a window that lists what came back.
    QWidget window;
    auto *list = new QListWidget(&window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(list);
    window.resize(980, 640);
    Probe::FirstPaint paint;
    list->viewport()->installEventFilter(&paint);
    QNetworkReply *types =
        network.get(apiRequest(options, QStringLiteral("/api/connection_types")));
    QObject::connect(types, &QNetworkReply::finished, &window, [&] {
        const QJsonArray data = dataOf(types).toArray();
        for (const QJsonValue &type : data)
            list->addItem(type.toObject().value(QLatin1String("name")).toString());
        paint.armed = true;
        window.show();
    });
    if (!waitUntil([&] { return paint.at != 0; }))
        fail(QStringLiteral("baseline: the window never showed its list"));
    const qint64 readyNs = paint.at;
    types->deleteLater();
    if (options.startupOnly) {
        Probe::report(QJsonObject{{QLatin1String("ready_ns"), QString::number(readyNs)}});
        return 0;
    }

    // The modal: a bare view, warm (its renderer runs and has shown a small page with a form and
    // a script on the API's site, as the app's kept page has), then raw POST + load, timed to
    // DOMContentLoaded. Not warmed with the modal itself: that would leave the modal's compiled
    // script in the renderer's memory, which no first click can have.
    QWebEngineView view;
    auto *page = new Probe::WatchedPage(&view);
    view.setPage(page);
    view.resize(600, 740);
    view.show();
    bool warm = false;
    QObject::connect(page, &QWebEnginePage::loadFinished, &view, [&warm] { warm = true; });
    QUrl site = options.api;
    site.setPath(QStringLiteral("/"));
    page->setHtml(QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
                                 "body{font:14px sans-serif}input{padding:6px}</style></head>"
                                 "<body><form><label>A<input></label><button type=button>OK"
                                 "</button></form><script>document.querySelector('input').value"
                                 "=JSON.stringify([1,2,3]);</script></body></html>"),
                  site);
    if (!waitUntil([&] { return warm; }))
        fail(QStringLiteral("baseline: the view never loaded its first page"));
    auto post = [&]() {
        QNetworkRequest request = apiRequest(options, QStringLiteral("/api/connections/connect/"));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        static int count = 0;
        const QJsonObject body{
            {QLatin1String("name"), QStringLiteral("Baseline %1").arg(++count)},
            {QLatin1String("redirect_url"), QStringLiteral("http://127.0.0.1:9/return")},
            {QLatin1String("whitelist"), QJsonArray{options.integration}},
            {QLatin1String("dark"), false}};
        return network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    };
    QJsonArray modalMs, phases;
    double rssMb = 0;
    int processes = 0;
    QStringList kinds;
    for (int i = 0; i < options.samples; ++i) {
        pause(options.thinkMs);
        page->watch()->reset();
        const QList<qint64> pids = Probe::treePids();
        const Probe::CpuUse before = Probe::cpuUse(pids);
        Probe::CpuUse atReady;
        const QMetaObject::Connection readyCpu =
            QObject::connect(page->watch(), &Probe::DomReadyWatch::domReady, page,
                             [&] { atReady = Probe::cpuUse(pids); });
        qint64 loadStartedNs = 0;
        const QMetaObject::Connection started =
            QObject::connect(page, &QWebEnginePage::loadStarted, page, [&loadStartedNs] {
                if (!loadStartedNs)
                    loadStartedNs = Probe::nowNs();
            });
        const qint64 clickNs = Probe::nowNs();
        qint64 answeredNs = 0;
        QNetworkReply *reply = post();
        QObject::connect(reply, &QNetworkReply::finished, page, [reply, page, &answeredNs] {
            answeredNs = Probe::nowNs();
            const QUrl url(
                dataOf(reply).toObject().value(QLatin1String("redirect_url")).toString());
            reply->deleteLater();
            page->load(url);
        });
        if (!waitUntil([&] { return page->watch()->readyAt() != 0; }))
            fail(QStringLiteral("baseline: the modal never reached DOMContentLoaded"));
        modalMs.append(Probe::msBetween(clickNs, page->watch()->readyAt()));
        phases.append(QJsonObject{
            {QLatin1String("post_answered"), Probe::msBetween(clickNs, answeredNs)},
            {QLatin1String("load_started"), Probe::msBetween(clickNs, loadStartedNs)},
            {QLatin1String("dom_ready"), Probe::msBetween(clickNs, page->watch()->readyAt())},
            {QLatin1String("cpu_ms"), Probe::cpuBetween(before, atReady)}});
        QObject::disconnect(readyCpu);
        QObject::disconnect(started);
        if (i == 0)
            rssMb = settledResidentMiB(options.settleMs, &processes, &kinds);
    }
    Probe::report(QJsonObject{{QLatin1String("ready_ns"), QString::number(readyNs)},
                              {QLatin1String("modal_ready_ms"), modalMs},
                              {QLatin1String("phases"), phases},
                              {QLatin1String("rss_total_mb"), rssMb},
                              {QLatin1String("processes"), processes},
                              {QLatin1String("process_mb"), QJsonArray::fromStringList(kinds)}});
    return 0;
}

} // namespace Child
