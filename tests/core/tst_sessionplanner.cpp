// Specification of what the main window and the command line both decide before a session
// (SessionPlanner): the integrations offered, the connection's name, the request.
#include "core/session/SessionPlanner.h"
#include "core/settings/AppSettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

class TestSessionPlanner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_qsettings;
    std::unique_ptr<AppSettings> m_settings;

private Q_SLOTS:
    void init()
    {
        m_qsettings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("s.ini")),
                                                  QSettings::IniFormat);
        m_qsettings->clear();
        m_settings = std::make_unique<AppSettings>(m_qsettings.get());
    }

    void withNoIntegrationAskedTheCompanysAllowedOnesAreOffered()
    {
        m_settings->setAllowedIntegrations(
            {QStringLiteral("hubspot"), QStringLiteral("salesforce")});
        const SessionPlanner planner(m_settings.get());
        QCOMPARE(planner.integrationsFor({}),
                 (QStringList{QStringLiteral("hubspot"), QStringLiteral("salesforce")}));
    }

    void theIntegrationsAskedForWinOverTheAllowedList()
    {
        m_settings->setAllowedIntegrations({QStringLiteral("hubspot")});
        const SessionPlanner planner(m_settings.get());
        QCOMPARE(planner.integrationsFor({QStringLiteral("postgresql")}),
                 QStringList{QStringLiteral("postgresql")});
    }

    void aNameFollowsTheTemplateAndIsNeverOneTaken()
    {
        m_settings->setNameTemplate(QStringLiteral("{integration} warehouse"));
        const SessionPlanner planner(m_settings.get());
        QCOMPARE(planner.nameFor(QStringLiteral("PostgreSQL"), QStringLiteral("postgresql"),
                                 {QStringLiteral("PostgreSQL warehouse")}),
                 QStringLiteral("PostgreSQL warehouse (2)"));
    }

    void aReconnectReauthenticatesTheConnectionByItsNameAndType()
    {
        Connection connection;
        connection.id = QStringLiteral("c-9");
        connection.name = QStringLiteral("CRM");
        connection.typeId = QStringLiteral("hubspot");
        const SessionRequest request = SessionPlanner(m_settings.get()).reconnect(connection, true);
        QVERIFY(request.isUpdate());
        QCOMPARE(request.connectionId, QStringLiteral("c-9"));
        QCOMPARE(request.name, QStringLiteral("CRM"));
        QCOMPARE(request.integrations, QStringList{QStringLiteral("hubspot")});
        QVERIFY(request.dark);
    }
};

QTEST_GUILESS_MAIN(TestSessionPlanner)
#include "tst_sessionplanner.moc"
