#include "ui/ProfileDialog.h"

#include "core/model/PlatformTraits.h"
#include "core/settings/MachineSettings.h"
#include "core/settings/ProfileStore.h"
#include "ui/KeychainAccess.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ProfileDialog::ProfileDialog(ProfileStore *store, const std::optional<Profile> &profile,
                             QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_keychain(new KeychainAccess(this))
    , m_name(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_baseUrl(new QLineEdit(this))
    , m_version(new QComboBox(this))
    , m_headerLabel(new QLabel(tr("Credential &header:"), this))
    , m_header(new QLineEdit(this))
    , m_secretLabel(new QLabel(this))
    , m_secret(new QLineEdit(this))
    , m_secretState(new QLabel(this))
    , m_remember(new QCheckBox(tr("Re&member sign-ins"), this))
    , m_certificateOverride(
          new QCheckBox(tr("Allow continuing past an &invalid certificate (support only)"), this))
    , m_certificateWarning(new QLabel(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("ProfileDialog"));
    m_editing = profile.has_value();
    setWindowTitle(m_editing ? tr("Edit Profile") : tr("Add Profile"));
    if (profile)
        m_platform = profile->platform;

    // What this platform's profiles hold (PlatformTraits): its cloud's address, its versions.
    const PlatformTraits &traits = PlatformTraits::of(m_platform);
    m_kind->addItem(tr("%1 (API key)").arg(traits.displayName()),
                    Profile::accessName(Profile::Access::Direct));
    m_kind->addItem(tr("Backend proxy"), Profile::accessName(Profile::Access::Backend));
    m_baseUrl->setPlaceholderText(traits.defaultBaseUrl.toDisplayString());
    for (const QString &version : traits.apiVersions)
        m_version->addItem(version);
    m_version->setCurrentText(traits.latestApiVersion());
    m_header->setPlaceholderText(QStringLiteral("Authorization"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setClearButtonEnabled(true);
    // The key must not linger in undo history or be dragged out of the field.
    m_secret->setDragEnabled(false);
    m_secretState->setForegroundRole(QPalette::PlaceholderText);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    QPalette errorPalette = m_error->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xd0, 0x3b, 0x35));
    m_error->setPalette(errorPalette);
    m_error->hide();

    m_remember->setToolTip(
        tr("Keeps the cookies of sign-in pages in this profile's own folder, so providers "
           "remember you next time. Off: nothing of the web pages is kept once the app closes."));
    m_certificateWarning->setWordWrap(true);
    m_certificateWarning->setTextFormat(Qt::PlainText);
    m_certificateWarning->setText(tr(
        "Only for testing servers with self-made certificates. A page whose certificate is "
        "not valid may not be who it claims to be: anything typed into it can be read by "
        "others. Connect Desktop asks each time and shows a warning while such a page is open."));
    QPalette warningPalette = m_certificateWarning->palette();
    warningPalette.setColor(QPalette::WindowText, QColor(0xb2, 0x5e, 0x00));
    m_certificateWarning->setPalette(warningPalette);
    m_certificateWarning->hide();
    connect(m_certificateOverride, &QCheckBox::toggled, this, [this](bool on) {
        m_certificateWarning->setVisible(on);
        // Room for the warning's lines, which a hidden label did not ask for.
        if (layout()) {
            layout()->activate();
            resize(width(), qMax(height(), layout()->totalHeightForWidth(width())));
        }
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Kind:"), m_kind);
    form->addRow(tr("&Base URL:"), m_baseUrl);
    form->addRow(tr("API &version:"), m_version);
    form->addRow(m_headerLabel, m_header);
    m_headerLabel->setBuddy(m_header);
    form->addRow(m_secretLabel, m_secret);
    m_secretLabel->setBuddy(m_secret);
    form->addRow(QString(), m_secretState);
    form->addRow(tr("Web pages:"), m_remember);
    form->addRow(QString(), m_certificateOverride);
    form->addRow(QString(), m_certificateWarning);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateKind);

    if (profile) {
        m_id = profile->id;
        m_name->setText(profile->name);
        const int kind = m_kind->findData(Profile::accessName(profile->access));
        m_kind->setCurrentIndex(qMax(0, kind));
        m_baseUrl->setText(profile->baseUrl.toString());
        if (!profile->apiVersion.isEmpty())
            m_version->setCurrentText(profile->apiVersion);
        m_header->setText(profile->credentialHeader);
        m_remember->setChecked(profile->rememberSignIns);
        m_certificateOverride->setChecked(profile->acceptInvalidCertificates);
        connect(m_keychain, &KeychainAccess::checked, this, [this](const QString &, bool present) {
            m_secretStored = present;
            updateKind();
        });
        m_keychain->check(m_id);
        if (m_store->isManaged(m_id)) {
            // Administrators set where it points; the user brings only the key.
            m_managed = true;
            for (QWidget *field :
                 {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_kind),
                  static_cast<QWidget *>(m_baseUrl), static_cast<QWidget *>(m_version),
                  static_cast<QWidget *>(m_header), static_cast<QWidget *>(m_remember),
                  static_cast<QWidget *>(m_certificateOverride)})
                field->setEnabled(false);
            setWindowTitle(tr("Profile Set by %1").arg(m_store->managedBy()));
        }
    }
    connect(m_keychain, &KeychainAccess::stored, this, [this] {
        m_secret->clear();
        setBusy(false);
        QDialog::accept();
    });
    connect(m_keychain, &KeychainAccess::failed, this,
            [this](const QString &, const QString &message) {
                setBusy(false);
                if (!isVisible())
                    return;
                m_secret->clear();
                showError(message);
            });
    updateKind();
    resize(480, sizeHint().height());
}

void ProfileDialog::updateKind()
{
    const bool proxy =
        m_kind->currentData().toString() == Profile::accessName(Profile::Access::Backend);
    m_headerLabel->setVisible(proxy);
    m_header->setVisible(proxy);
    m_secretLabel->setText(proxy ? tr("Your &credential:") : tr("API &key:"));
    if (m_secretStored) {
        m_secret->setPlaceholderText(tr("•••• stored in keychain"));
        m_secretState->setText(tr("Leave empty to keep the stored one."));
    } else {
        m_secret->setPlaceholderText(proxy ? tr("Optional: sent in the credential header")
                                           : tr("Paste the API key"));
        m_secretState->setText(proxy ? QString()
                                     : tr("Kept in the system keychain, never shown again."));
    }
    m_secretState->setVisible(!m_secretState->text().isEmpty());
}

void ProfileDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

QString ProfileDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ProfileDialog::setBusy(bool busy)
{
    m_buttons->setEnabled(!busy);
    setCursor(busy ? Qt::BusyCursor : Qt::ArrowCursor);
}

QString ProfileDialog::uniqueId(const QString &name) const
{
    QString base;
    for (const QChar c : name.toLower()) {
        if (c.isLetterOrNumber() && c.unicode() < 128)
            base.append(c);
        else if (!base.isEmpty() && !base.endsWith(QLatin1Char('-')))
            base.append(QLatin1Char('-'));
    }
    while (base.endsWith(QLatin1Char('-')))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("profile");
    QString id = base;
    for (int n = 2; m_store->find(id).has_value() || id == ProfileStore::sandboxProfile().id
         || id == MachineSettings::profileId();
         ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    return id;
}

Profile ProfileDialog::profile() const
{
    Profile profile;
    profile.id = m_id.isEmpty() ? uniqueId(m_name->text().trimmed()) : m_id;
    profile.name = m_name->text().trimmed();
    profile.platform = m_platform;
    profile.access =
        Profile::accessFromName(m_kind->currentData().toString()).value_or(Profile::Access::Direct);
    profile.baseUrl = QUrl::fromUserInput(m_baseUrl->text().trimmed());
    if (m_baseUrl->text().trimmed().isEmpty())
        profile.baseUrl = QUrl();
    profile.apiVersion = m_version->currentText();
    if (profile.access == Profile::Access::Backend)
        profile.credentialHeader = m_header->text().trimmed();
    profile.rememberSignIns = m_remember->isChecked();
    profile.acceptInvalidCertificates = m_certificateOverride->isChecked();
    return profile;
}

void ProfileDialog::accept()
{
    showError({});
    Profile candidate = profile();
    if (candidate.name.isEmpty()) {
        showError(tr("Give the profile a name."));
        m_name->setFocus();
        return;
    }
    if (candidate.baseUrl.isEmpty()) {
        showError(tr("Enter the base URL of the API or of your backend proxy."));
        m_baseUrl->setFocus();
        return;
    }
    QString error;
    if (!m_managed && !m_store->save(candidate, &error)) {
        showError(error);
        return;
    }
    m_id = candidate.id;
    const QString secret = m_secret->text();
    if (secret.isEmpty()) {
        QDialog::accept();
        return;
    }
    setBusy(true);
    m_keychain->store(candidate.id, secret);
}
