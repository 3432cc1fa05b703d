// Specification: connect pages of each backend profile get a web profile of their own, off the
// record unless the profile remembers sign-ins; remembered cookies survive a restart in the
// profile's own folder, and "Clear web data" forgets them. Real pages on the sandbox.
#include "WebTestSupport.h"
#include "core/settings/ProfileStore.h"
#include "sandbox/SandboxServer.h"
#include "web/ConnectWebPage.h"
#include "web/WebProfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QWebEngineProfile>

#include <memory>

using namespace WebTest;

class TestWebProfiles : public QObject
{
    Q_OBJECT

    SandboxServer *m_server = nullptr;
    std::unique_ptr<QTemporaryDir> m_root;

    static Profile profile(const QString &id, bool remember)
    {
        Profile profile;
        profile.id = id;
        profile.name = id;
        profile.access = Profile::Access::Direct;
        profile.rememberSignIns = remember;
        return profile;
    }

    QString root() const { return m_root->filePath(QStringLiteral("web")); }

    // Loads the sandbox's start page (a real page on 127.0.0.1) in a page of `web`.
    std::unique_ptr<ConnectWebPage> openPage(QWebEngineProfile *web)
    {
        auto page = std::make_unique<ConnectWebPage>(web);
        QSignalSpy loaded(page.get(), &QWebEnginePage::loadFinished);
        page->load(m_server->url());
        if (!loaded.wait(pageTimeout))
            return nullptr;
        return page;
    }

    // A sign-in's traces: a cookie that lasts a year and one for the session only.
    void signIn(QWebEngineProfile *web)
    {
        auto page = openPage(web);
        QVERIFY(page);
        evaluate(page.get(),
                 QStringLiteral("document.cookie = 'kept=yes; max-age=31536000; path=/';"
                                "document.cookie = 'session=yes; path=/'; true"));
        QCOMPARE(cookies(web), QStringLiteral("kept=yes; session=yes"));
    }

    QString cookies(QWebEngineProfile *web)
    {
        auto page = openPage(web);
        if (!page)
            return QStringLiteral("(no page)");
        return evaluate(page.get(), QStringLiteral("document.cookie")).toString();
    }

    // Whether a file under the profile's folder holds this text (the cookie database).
    bool onDisk(const QString &profileId, const QByteArray &text) const
    {
        QDirIterator it(WebProfiles(root()).storagePath(profileId), QDir::Files | QDir::Hidden,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            if (file.open(QIODevice::ReadOnly) && file.readAll().contains(text))
                return true;
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_server = new SandboxServer({}, this);
        QVERIFY(m_server->start());
    }

    void init()
    {
        m_root = std::make_unique<QTemporaryDir>();
        QVERIFY(m_root->isValid());
    }

    void aProfileIsOffTheRecordByDefault()
    {
        WebProfiles profiles(root());
        QWebEngineProfile *web = profiles.profileFor(profile(QStringLiteral("prod"), false));
        QVERIFY(web->isOffTheRecord());
        signIn(web);
        QVERIFY(!QDir(root()).exists());
        QVERIFY(!profiles.hasStoredData(QStringLiteral("prod")));
    }

    void eachBackendProfileHasItsOwnCookies()
    {
        WebProfiles profiles(root());
        QWebEngineProfile *prod = profiles.profileFor(profile(QStringLiteral("prod"), false));
        QWebEngineProfile *staging = profiles.profileFor(profile(QStringLiteral("staging"), false));
        QVERIFY(prod != staging);
        QCOMPARE(profiles.profileFor(profile(QStringLiteral("prod"), false)), prod);
        signIn(prod);
        QCOMPARE(cookies(staging), QString());
    }

    void offTheRecordSignInsEndWithTheApp()
    {
        {
            WebProfiles profiles(root());
            signIn(profiles.profileFor(profile(QStringLiteral("prod"), false)));
        }
        WebProfiles restarted(root());
        QCOMPARE(cookies(restarted.profileFor(profile(QStringLiteral("prod"), false))), QString());
    }

    void rememberedSignInsSurviveARestartInTheProfilesFolder()
    {
        {
            WebProfiles profiles(root());
            QWebEngineProfile *web = profiles.profileFor(profile(QStringLiteral("prod"), true));
            QVERIFY(!web->isOffTheRecord());
            QCOMPARE(QDir(web->persistentStoragePath()),
                     QDir(profiles.storagePath(QStringLiteral("prod"))));
            signIn(web);
        }
        QTRY_VERIFY_WITH_TIMEOUT(onDisk(QStringLiteral("prod"), "kept"), pageTimeout);
        WebProfiles restarted(root());
        QVERIFY(restarted.hasStoredData(QStringLiteral("prod")));
        // Session cookies too: sign-ins often live in them.
        QCOMPARE(cookies(restarted.profileFor(profile(QStringLiteral("prod"), true))),
                 QStringLiteral("kept=yes; session=yes"));
        // Another profile sees none of it.
        QCOMPARE(cookies(restarted.profileFor(profile(QStringLiteral("staging"), true))),
                 QString());
    }

    void clearingWebDataSignsOutAndLeavesNothingOfTheSignInOnDisk()
    {
        WebProfiles profiles(root());
        signIn(profiles.profileFor(profile(QStringLiteral("prod"), true)));
        QVERIFY(profiles.hasStoredData(QStringLiteral("prod")));
        QString error;
        QVERIFY2(profiles.clearWebData(QStringLiteral("prod"), &error), qPrintable(error));
        QCOMPARE(cookies(profiles.profileFor(profile(QStringLiteral("prod"), true))), QString());
        // What the engine still held goes once it lets go; nothing of the sign-in is left.
        QTRY_VERIFY_WITH_TIMEOUT(!profiles.hasTrash(), pageTimeout);
        QVERIFY(!onDisk(QStringLiteral("prod"), "kept"));
    }

    void clearingWebDataWhileAPageIsOpenDeletesItsCookies()
    {
        WebProfiles profiles(root());
        QWebEngineProfile *web = profiles.profileFor(profile(QStringLiteral("prod"), false));
        signIn(web);
        auto open = openPage(web);
        QVERIFY(open);
        QCOMPARE(WebProfiles::pagesUsing(web), 1);
        QVERIFY(profiles.clearWebData(QStringLiteral("prod")));
        // The open page keeps its profile (it is not pulled from under it), signed out.
        QCOMPARE(profiles.profileFor(profile(QStringLiteral("prod"), false)), web);
        WEB_TRY_COMPARE(cookies(web), QString());
    }

    void turningRememberingOffStartsAFreshOffTheRecordProfile()
    {
        WebProfiles profiles(root());
        signIn(profiles.profileFor(profile(QStringLiteral("prod"), true)));
        QWebEngineProfile *web = profiles.profileFor(profile(QStringLiteral("prod"), false));
        QVERIFY(web->isOffTheRecord());
        QCOMPARE(cookies(web), QString());
    }

    void pagesAreCountedPerProfile()
    {
        WebProfiles profiles(root());
        QWebEngineProfile *web = profiles.profileFor(profile(QStringLiteral("prod"), false));
        QCOMPARE(WebProfiles::pagesUsing(web), 0);
        {
            ConnectWebPage first(web);
            ConnectWebPage second(web);
            QCOMPARE(WebProfiles::pagesUsing(web), 2);
        }
        QCOMPARE(WebProfiles::pagesUsing(web), 0);
    }

    void anIdFromAnEditedSettingsFileCannotLeaveTheFolder()
    {
        WebProfiles profiles(root());
        const QString path = profiles.storagePath(QStringLiteral("../../etc"));
        QCOMPARE(QFileInfo(path).dir(), QDir(root()));
        QVERIFY(!QFileInfo(path).fileName().contains(QLatin1Char('.')));
    }

    void anIdWithANewlineAtItsEndIsNotTakenAsAFolderName()
    {
        WebProfiles profiles(root());
        const QString path = profiles.storagePath(QStringLiteral("prod\n"));
        QCOMPARE(QFileInfo(path).dir(), QDir(root()));
        QVERIFY(!QFileInfo(path).fileName().contains(QLatin1Char('\n')));
        QVERIFY(path != profiles.storagePath(QStringLiteral("prod")));
    }
};

QTEST_MAIN(TestWebProfiles)
#include "tst_webprofiles.moc"
