// Specification: the profile dialog draws what the chosen platform's profiles hold
// (PlatformTraits), checks what is typed where it is typed, and keeps secrets out of the
// settings.
#include "core/model/PlatformTraits.h"
#include "core/settings/ProfileStore.h"
#include "ui/KeychainAccess.h"
#include "ui/ProfileDialog.h"
#include "ui/Translations.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

Q_DECLARE_METATYPE(Profile::Platform)
Q_DECLARE_METATYPE(Profile::Access)

namespace {

// Armour and a body of the right shape; not a key anything could sign with.
const QString fakeKey =
    QStringLiteral("-----BEGIN PRIVATE KEY-----\n"
                   "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDfakefake\n"
                   "-----END PRIVATE KEY-----\n");

// The mnemonic letter of a text ("&Name:" is n), or a null char when it has none.
QChar mnemonic(const QString &text)
{
    for (int i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&')) {
            if (text.at(i + 1) == QLatin1Char('&')) {
                ++i;
                continue;
            }
            return text.at(i + 1).toLower();
        }
    }
    return {};
}

} // namespace

class TestProfileDialog : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_store;

    static void choose(QComboBox *box, const QString &data)
    {
        const int index = box->findData(data);
        QVERIFY2(index >= 0, qPrintable(data));
        box->setCurrentIndex(index);
    }

    // A new profile's dialog with this platform and kind chosen, shown.
    std::unique_ptr<ProfileDialog> dialogFor(Profile::Platform platform, Profile::Access access)
    {
        auto dialog = std::make_unique<ProfileDialog>(m_store.get(), std::nullopt);
        dialog->show();
        choose(dialog->platformField(), Profile::platformName(platform));
        choose(dialog->kindField(), Profile::accessName(access));
        return dialog;
    }

    // The visible controls' mnemonics that are used more than once.
    static QStringList duplicateMnemonics(const QDialog &dialog)
    {
        QHash<QChar, QStringList> used;
        for (const QLabel *label : dialog.findChildren<QLabel *>()) {
            if (label->buddy() && label->isVisibleTo(&dialog) && !mnemonic(label->text()).isNull())
                used[mnemonic(label->text())].append(label->text());
        }
        for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>()) {
            if (button->isVisibleTo(&dialog) && !mnemonic(button->text()).isNull())
                used[mnemonic(button->text())].append(button->text());
        }
        QStringList duplicates;
        for (auto it = used.cbegin(); it != used.cend(); ++it) {
            if (it.value().size() > 1)
                duplicates.append(it.value().join(QLatin1String(" / ")));
        }
        return duplicates;
    }

private Q_SLOTS:
    void init()
    {
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("settings.ini")),
                                                 QSettings::IniFormat);
        m_settings->clear();
        m_store = std::make_unique<ProfileStore>(m_settings.get());
    }

    void aNewProfileOffersEveryPlatform()
    {
        ProfileDialog dialog(m_store.get(), std::nullopt);
        QCOMPARE(dialog.platformField()->count(), 2);
        QCOMPARE(dialog.platformField()->itemText(0), QStringLiteral("Polytomic"));
        QCOMPARE(dialog.platformField()->itemText(1), QStringLiteral("Paragon"));
        QVERIFY(dialog.platformField()->isEnabled());
    }

    void polytomicShowsItsBaseUrlVersionsAndApiKey()
    {
        auto dialog = dialogFor(Profile::Platform::Polytomic, Profile::Access::Direct);
        QVERIFY(dialog->baseUrlField()->isVisible());
        QCOMPARE(dialog->baseUrlLabel()->text(), QStringLiteral("&Base URL:"));
        QVERIFY(dialog->versionField()->isVisible());
        QVERIFY(dialog->secretField()->isVisible());
        QVERIFY(!dialog->projectIdField()->isVisible());
        QVERIFY(!dialog->userIdField()->isVisible());
        QVERIFY(!dialog->signingKeyField()->isVisible());
        QVERIFY(!dialog->selfHostedField()->isVisible());
        QVERIFY(!dialog->kindWarning()->isVisible());
    }

    void paragonBackendShowsItsProjectTokenUrlAndCredentialHeader()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Backend);
        QVERIFY(dialog->projectIdField()->isVisible());
        QVERIFY(dialog->baseUrlField()->isVisible());
        QCOMPARE(dialog->baseUrlLabel()->text(), QStringLiteral("&Token URL:"));
        QCOMPARE(dialog->baseUrlField()->accessibleName(), QStringLiteral("Token URL"));
        QVERIFY(dialog->headerField()->isVisible());
        QVERIFY(dialog->secretField()->isVisible());
        QVERIFY(!dialog->versionField()->isVisible());
        QVERIFY(!dialog->userIdField()->isVisible());
        QVERIFY(!dialog->signingKeyField()->isVisible());
        QVERIFY(dialog->selfHostedField()->isVisible());
    }

    void paragonDirectShowsTheUserTheSigningKeyAndTheSupportWarning()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Direct);
        QVERIFY(dialog->projectIdField()->isVisible());
        QVERIFY(dialog->userIdField()->isVisible());
        QVERIFY(dialog->signingKeyField()->isVisible());
        QVERIFY(dialog->chooseKeyFileButton()->isVisible());
        QVERIFY(!dialog->secretField()->isVisible());
        QVERIFY(!dialog->baseUrlField()->isVisible());
        QVERIFY(!dialog->headerField()->isVisible());
        QVERIFY(dialog->kindWarning()->isVisible());
        QVERIFY(
            dialog->kindWarning()->text().contains(QLatin1String("Never give it to end users")));
    }

    void goingBackToPolytomicShowsItsFieldsAgain()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Direct);
        choose(dialog->platformField(), QStringLiteral("polytomic"));
        QVERIFY(dialog->versionField()->isVisible());
        QVERIFY(dialog->baseUrlField()->isVisible());
        QVERIFY(!dialog->projectIdField()->isVisible());
        QVERIFY(!dialog->signingKeyField()->isVisible());
        QCOMPARE(dialog->profile().platform, Profile::Platform::Polytomic);
        QCOMPARE(dialog->profile().access, Profile::Access::Direct); // kept: Polytomic has it
    }

    void aFieldShownAgainGetsItsRoomBack()
    {
        // Polytomic's direct kind, then Paragon's direct (no address), then Paragon's backend,
        // with a problem said under the project ID: the token URL is drawn at its full height.
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Backend);
        QTest::keyClicks(dialog->projectIdField(), QStringLiteral("bad id"));
        dialog->layout()->activate();
        QVERIFY(dialog->baseUrlField()->height()
                >= dialog->baseUrlField()->minimumSizeHint().height());
        QVERIFY(dialog->secretField()->height()
                >= dialog->secretField()->minimumSizeHint().height());
    }

    void theSelfHostedServicesShowOnlyWhenAsked()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Backend);
        QLineEdit *zeus = dialog->environmentField(QStringLiteral("ZEUS_PUBLIC_URL"));
        QLineEdit *connect = dialog->environmentField(QStringLiteral("CONNECT_PUBLIC_URL"));
        QVERIFY(zeus && connect);
        QVERIFY(!zeus->isVisible());
        dialog->selfHostedField()->click();
        QVERIFY(zeus->isVisible());
        QVERIFY(connect->isVisible());
        QCOMPARE(zeus->placeholderText(), QStringLiteral("https://zeus.useparagon.com"));
        QCOMPARE(zeus->accessibleName(), QStringLiteral("ZEUS_PUBLIC_URL"));
    }

    void aParagonBackendProfileIsSavedWithWhatWasTyped()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Backend);
        QTest::keyClicks(dialog->nameField(), QStringLiteral("ACME Paragon"));
        QTest::keyClicks(dialog->projectIdField(),
                         QStringLiteral("3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c"));
        QTest::keyClicks(dialog->baseUrlField(),
                         QStringLiteral("https://backend.acme.example/jwt"));
        dialog->selfHostedField()->click();
        QTest::keyClicks(dialog->environmentField(QStringLiteral("ZEUS_PUBLIC_URL")),
                         QStringLiteral("https://zeus.paragon.acme.example"));
        QSignalSpy finished(dialog.get(), &QDialog::finished);
        dialog->accept();
        QCOMPARE(finished.count(), 1); // no secret typed: nothing for the keychain
        const auto saved = m_store->find(QStringLiteral("acme-paragon"));
        QVERIFY(saved);
        QCOMPARE(saved->platform, Profile::Platform::Paragon);
        QCOMPARE(saved->projectId, QStringLiteral("3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c"));
        QCOMPARE(saved->baseUrl, QUrl(QStringLiteral("https://backend.acme.example/jwt")));
        QCOMPARE(saved->environments.value(QStringLiteral("ZEUS_PUBLIC_URL")),
                 QUrl(QStringLiteral("https://zeus.paragon.acme.example")));
        QCOMPARE(saved->environments.size(), 1);
    }

    void aMissingProjectIdIsSaidAndNothingIsSaved()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Backend);
        QTest::keyClicks(dialog->nameField(), QStringLiteral("No project"));
        QTest::keyClicks(dialog->baseUrlField(),
                         QStringLiteral("https://backend.acme.example/jwt"));
        dialog->accept();
        QVERIFY2(dialog->errorText().contains(QLatin1String("project ID")),
                 qPrintable(dialog->errorText()));
        QVERIFY(!m_store->find(QStringLiteral("no-project")));
    }

    void aProjectIdWithOtherCharactersIsSaidAsItIsTyped()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Backend);
        QTest::keyClicks(dialog->projectIdField(), QStringLiteral("acme project"));
        const auto labels = dialog->findChildren<QLabel *>();
        const bool said = std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->isVisible() && label->text().contains(QLatin1String("hyphens"));
        });
        QVERIFY(said);
    }

    void aServiceAddressThatIsNotAWebAddressIsSaidAsItIsTyped()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Backend);
        dialog->selfHostedField()->click();
        QTest::keyClicks(dialog->environmentField(QStringLiteral("CONNECT_PUBLIC_URL")),
                         QStringLiteral("ftp://connect.acme.example"));
        const auto labels = dialog->findChildren<QLabel *>();
        const bool said = std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
            return label->isVisible() && label->text().contains(QLatin1String("CONNECT_PUBLIC_URL"))
                && label->text().contains(QLatin1String("https://connect.useparagon.com"));
        });
        QVERIFY(said);
    }

    void aSigningKeyThatIsNotAPemIsSaidUnderTheField()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Direct);
        QVERIFY(!dialog->signingKeyProblem()->isVisible());
        QTest::keyClicks(dialog->signingKeyField(), QStringLiteral("not a key"));
        QVERIFY(dialog->signingKeyProblem()->isVisible());
        dialog->signingKeyField()->setPlainText(fakeKey);
        QVERIFY(!dialog->signingKeyProblem()->isVisible());
    }

    void anEncryptedKeyIsRefusedSayingWhy()
    {
        QVERIFY(!ProfileDialog::looksLikePrivateKey(
            QStringLiteral("-----BEGIN ENCRYPTED PRIVATE KEY-----\nabc\n"
                           "-----END ENCRYPTED PRIVATE KEY-----")));
        QVERIFY(!ProfileDialog::looksLikePrivateKey(
            QStringLiteral("-----BEGIN PUBLIC KEY-----\nabc\n-----END PUBLIC KEY-----")));
        QVERIFY(ProfileDialog::looksLikePrivateKey(
            QStringLiteral("-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----")));
        QVERIFY(ProfileDialog::looksLikePrivateKey(fakeKey));
    }

    void aKeyFileIsReadIntoTheField()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Direct);
        const QString path = m_dir.filePath(QStringLiteral("signing.pem"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(fakeKey.toUtf8());
        file.close();
        QVERIFY(dialog->loadKeyFile(path));
        QCOMPARE(dialog->signingKeyField()->toPlainText(), fakeKey);
        QVERIFY(!dialog->signingKeyProblem()->isVisible());
    }

    void theSigningKeyNeverLandsInTheSettingsFile()
    {
        auto dialog = dialogFor(Profile::Platform::Paragon, Profile::Access::Direct);
        QTest::keyClicks(dialog->nameField(), QStringLiteral("Support"));
        QTest::keyClicks(dialog->projectIdField(), QStringLiteral("3f2a9c1e"));
        QTest::keyClicks(dialog->userIdField(), QStringLiteral("user-42"));
        dialog->signingKeyField()->setPlainText(fakeKey);
        QSignalSpy finished(dialog.get(), &QDialog::finished);
        dialog->accept();
        // The keychain stores it or says it could not; either way the field is emptied.
        QTRY_VERIFY(finished.count() == 1 || !dialog->errorText().isEmpty());
        QVERIFY(dialog->signingKeyField()->toPlainText().isEmpty());
        QVERIFY(m_store->find(QStringLiteral("support")));
        m_settings->sync();
        QFile settings(m_settings->fileName());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        const QByteArray text = settings.readAll();
        QVERIFY(!text.contains("PRIVATE KEY"));
        QVERIFY(!text.contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"));
        if (finished.isEmpty()) {
            QVERIFY2(dialog->errorText().contains(QLatin1String("PARAGON_SIGNING_KEY")),
                     qPrintable(dialog->errorText()));
        } else {
            KeychainAccess cleanup;
            QSignalSpy removed(&cleanup, &KeychainAccess::removed);
            cleanup.remove(QStringLiteral("support"));
            QTRY_VERIFY(removed.count() == 1);
        }
    }

    void editingKeepsThePlatformOfTheProfile()
    {
        Profile paragon;
        paragon.id = QStringLiteral("acme");
        paragon.name = QStringLiteral("ACME");
        paragon.platform = Profile::Platform::Paragon;
        paragon.access = Profile::Access::Backend;
        paragon.projectId = QStringLiteral("3f2a9c1e");
        paragon.baseUrl = QUrl(QStringLiteral("https://backend.acme.example/jwt"));
        paragon.environments.insert(QStringLiteral("CDN_PUBLIC_URL"),
                                    QUrl(QStringLiteral("https://cdn.acme.example")));
        QVERIFY(m_store->save(paragon));
        ProfileDialog dialog(m_store.get(), paragon);
        dialog.show();
        QVERIFY(!dialog.platformField()->isEnabled());
        QCOMPARE(dialog.platformField()->currentData().toString(), QStringLiteral("paragon"));
        QCOMPARE(dialog.projectIdField()->text(), QStringLiteral("3f2a9c1e"));
        QVERIFY(dialog.selfHostedField()->isChecked());
        QCOMPARE(dialog.environmentField(QStringLiteral("CDN_PUBLIC_URL"))->text(),
                 QStringLiteral("https://cdn.acme.example"));
        QCOMPARE(dialog.profile().environments, paragon.environments);
    }

    void noTwoVisibleControlsShareAMnemonic_data()
    {
        QTest::addColumn<Profile::Platform>("platform");
        QTest::addColumn<Profile::Access>("access");
        for (const Profile::Platform platform : PlatformTraits::platforms()) {
            for (const AccessTraits &access : PlatformTraits::of(platform).accesses)
                QTest::addRow("%s-%s", qPrintable(Profile::platformName(platform)),
                              qPrintable(Profile::accessName(access.access)))
                    << platform << access.access;
        }
    }

    void noTwoVisibleControlsShareAMnemonic()
    {
        QFETCH(Profile::Platform, platform);
        QFETCH(Profile::Access, access);
        auto dialog = dialogFor(platform, access);
        if (dialog->selfHostedField()->isVisible())
            dialog->selfHostedField()->click();
        dialog->certificateOverrideField()->click();
        const QStringList duplicates = duplicateMnemonics(*dialog);
        QVERIFY2(duplicates.isEmpty(), qPrintable(duplicates.join(QLatin1String("; "))));
    }

    void noTwoVisibleControlsShareAMnemonicInAnyLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<Profile::Platform>("platform");
        QTest::addColumn<Profile::Access>("access");
        for (const QString &language : Translations::available()) {
            for (const Profile::Platform platform : PlatformTraits::platforms()) {
                for (const AccessTraits &access : PlatformTraits::of(platform).accesses)
                    QTest::addRow("%s-%s-%s", qPrintable(language),
                                  qPrintable(Profile::platformName(platform)),
                                  qPrintable(Profile::accessName(access.access)))
                        << language << platform << access.access;
            }
        }
    }

    void noTwoVisibleControlsShareAMnemonicInAnyLanguage()
    {
        QFETCH(QString, language);
        QFETCH(Profile::Platform, platform);
        QFETCH(Profile::Access, access);
        Translations::install(language);
        auto dialog = dialogFor(platform, access);
        if (dialog->selfHostedField()->isVisible())
            dialog->selfHostedField()->click();
        const QStringList duplicates = duplicateMnemonics(*dialog);
        const QString title = dialog->windowTitle();
        Translations::install(QStringLiteral("en"));
        if (language != QLatin1String("en"))
            QVERIFY2(title != QLatin1String("Add Profile"), qPrintable(title)); // it is translated
        QVERIFY2(duplicates.isEmpty(), qPrintable(duplicates.join(QLatin1String("; "))));
    }

    void everyVisibleInputIsNamedForScreenReaders_data()
    {
        noTwoVisibleControlsShareAMnemonic_data();
    }

    void everyVisibleInputIsNamedForScreenReaders()
    {
        QFETCH(Profile::Platform, platform);
        QFETCH(Profile::Access, access);
        auto dialog = dialogFor(platform, access);
        if (dialog->selfHostedField()->isVisible())
            dialog->selfHostedField()->click();
        QList<QWidget *> inputs;
        for (QLineEdit *field : dialog->findChildren<QLineEdit *>()) {
            if (!qobject_cast<QComboBox *>(field->parentWidget()))
                inputs.append(field);
        }
        for (QComboBox *field : dialog->findChildren<QComboBox *>())
            inputs.append(field);
        for (QPlainTextEdit *field : dialog->findChildren<QPlainTextEdit *>())
            inputs.append(field);
        for (QCheckBox *field : dialog->findChildren<QCheckBox *>())
            inputs.append(field);
        for (const QWidget *input : std::as_const(inputs)) {
            if (input->isVisibleTo(dialog.get()))
                QVERIFY2(!input->accessibleName().isEmpty(), input->metaObject()->className());
        }
    }
};

QTEST_MAIN(TestProfileDialog)
#include "tst_profiledialog.moc"
