#include "ui/ProfileDialog.h"

#include "core/model/PlatformTraits.h"
#include "core/settings/MachineSettings.h"
#include "core/settings/ProfileStore.h"
#include "ui/KeychainAccess.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {

// A PEM key is a few KB; anything much larger is not one, and is not read whole.
constexpr qint64 maxKeyFileBytes = 64 * 1024;

// A label's text as a screen reader should say it: no mnemonic, no trailing colon.
QString spoken(QString text)
{
    text.replace(QLatin1String("&&"), QLatin1String("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    text = text.trimmed();
    if (text.endsWith(QLatin1Char(':')))
        text.chop(1);
    return text;
}

QLabel *messageLabel(QWidget *parent, const QColor &colour)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, colour);
    label->setPalette(palette);
    label->hide();
    return label;
}

QColor errorColour()
{
    return QColor(0xd0, 0x3b, 0x35);
}

QColor warningColour()
{
    return QColor(0xb2, 0x5e, 0x00);
}

// What a person typed as an address, as the profile will hold it ("host" alone is http).
QUrl typedAddress(const QString &text)
{
    return text.trimmed().isEmpty() ? QUrl() : QUrl::fromUserInput(text.trimmed());
}

bool isWebAddress(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
        && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

bool isProjectIdToken(const QString &id)
{
    for (const QChar c : id) {
        if (!(c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('-'))))
            return false;
    }
    return !id.isEmpty();
}

void setText(QLabel *label, const QString &text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

ProfileDialog::ProfileDialog(ProfileStore *store, const std::optional<Profile> &profile,
                             QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_keychain(new KeychainAccess(this))
    , m_name(new QLineEdit(this))
    , m_platformChoice(new QComboBox(this))
    , m_kind(new QComboBox(this))
    , m_kindDescription(new QLabel(this))
    , m_kindWarning(messageLabel(this, warningColour()))
    , m_projectId(new QLineEdit(this))
    , m_projectIdProblem(messageLabel(this, errorColour()))
    , m_baseUrlLabel(new QLabel(this))
    , m_baseUrl(new QLineEdit(this))
    , m_baseUrlProblem(messageLabel(this, errorColour()))
    , m_version(new QComboBox(this))
    , m_userId(new QLineEdit(this))
    , m_headerLabel(new QLabel(tr("Credential &header:"), this))
    , m_header(new QLineEdit(this))
    , m_secretLabel(new QLabel(this))
    , m_secret(new QLineEdit(this))
    , m_signingKeyLabel(new QLabel(this))
    , m_signingKeyRow(new QWidget(this))
    , m_signingKey(new QPlainTextEdit(m_signingKeyRow))
    , m_chooseKeyFile(new QPushButton(tr("Choose Key &File…"), m_signingKeyRow))
    , m_keyProblem(messageLabel(this, errorColour()))
    , m_secretState(new QLabel(this))
    , m_selfHosted(new QCheckBox(this))
    , m_environmentSection(new QWidget(this))
    , m_environmentProblem(messageLabel(this, errorColour()))
    , m_remember(new QCheckBox(tr("Re&member sign-ins"), this))
    , m_certificateOverride(
          new QCheckBox(tr("Allow continuing past an &invalid certificate (support only)"), this))
    , m_certificateWarning(new QLabel(this))
    , m_error(messageLabel(this, errorColour()))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("ProfileDialog"));
    m_editing = profile.has_value();
    setWindowTitle(m_editing ? tr("Edit Profile") : tr("Add Profile"));

    // Every platform the app knows; a saved profile keeps the platform it was made for.
    for (const Profile::Platform platform : PlatformTraits::platforms())
        m_platformChoice->addItem(PlatformTraits::of(platform).displayName(),
                                  Profile::platformName(platform));
    if (profile) {
        m_platformChoice->setCurrentIndex(
            qMax(0, m_platformChoice->findData(Profile::platformName(profile->platform))));
        m_platformChoice->setEnabled(false);
    }

    m_kindDescription->setWordWrap(true);
    m_kindDescription->setTextFormat(Qt::PlainText);
    m_kindDescription->setForegroundRole(QPalette::PlaceholderText);
    m_kindWarning->setAccessibleName(tr("Warning"));
    m_projectId->setPlaceholderText(QStringLiteral("3f2a9c1e-8b7d-4e6f-a5c4-1d2e3f4a5b6c"));
    m_projectId->setClearButtonEnabled(true);
    m_userId->setClearButtonEnabled(true);
    m_header->setPlaceholderText(QStringLiteral("Authorization"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setClearButtonEnabled(true);
    // The key must not linger in undo history or be dragged out of the field.
    m_secret->setDragEnabled(false);
    m_signingKey->setUndoRedoEnabled(false);
    m_signingKey->setTabChangesFocus(true);
    m_signingKey->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_signingKey->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_signingKey->setPlaceholderText(
        tr("Paste the key (-----BEGIN PRIVATE KEY----- …), or choose its file"));
    m_signingKey->setMinimumHeight(m_signingKey->fontMetrics().lineSpacing() * 5);
    auto *keyLayout = new QHBoxLayout(m_signingKeyRow);
    keyLayout->setContentsMargins(0, 0, 0, 0);
    keyLayout->addWidget(m_signingKey, 1);
    keyLayout->addWidget(m_chooseKeyFile, 0, Qt::AlignTop);
    m_secretState->setForegroundRole(QPalette::PlaceholderText);

    // A self-hosted installation's services, each under the platform's own key; empty fields
    // keep the cloud's address.
    auto *environmentLayout = new QVBoxLayout(m_environmentSection);
    environmentLayout->setContentsMargins(0, 0, 0, 0);
    auto *environmentForm = new QFormLayout;
    auto *environmentHint = new QLabel(
        tr("Only for an installation on your own servers. An empty field keeps the cloud's "
           "address."),
        m_environmentSection);
    environmentHint->setWordWrap(true);
    environmentHint->setForegroundRole(QPalette::PlaceholderText);
    environmentLayout->addWidget(environmentHint);
    environmentLayout->addLayout(environmentForm);
    for (const Profile::Platform platform : PlatformTraits::platforms()) {
        for (const QString &service : PlatformTraits::of(platform).environmentKeys) {
            if (m_environments.contains(service))
                continue;
            auto *field = new QLineEdit(m_environmentSection);
            field->setClearButtonEnabled(true);
            field->setAccessibleName(service);
            auto *label = new QLabel(service + QLatin1Char(':'), m_environmentSection);
            label->setTextFormat(Qt::PlainText);
            label->setBuddy(field);
            environmentForm->addRow(label, field);
            m_environments.insert(service, field);
            connect(field, &QLineEdit::textChanged, this, &ProfileDialog::checkFields);
        }
    }
    environmentLayout->addWidget(m_environmentProblem);

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
    warningPalette.setColor(QPalette::WindowText, warningColour());
    m_certificateWarning->setPalette(warningPalette);
    m_certificateWarning->hide();
    connect(m_certificateOverride, &QCheckBox::toggled, this, [this](bool on) {
        m_certificateWarning->setVisible(on);
        fitHeight();
    });

    // Each row with a label of its own, its buddy the field, so that the mnemonic reaches it.
    // A grid of labels and fields rather than a QFormLayout: Qt 6.4's form lays out the rows
    // after a hidden one wrongly once a word-wrapped label is among them.
    m_form = new QGridLayout;
    m_form->setColumnStretch(1, 1);
    const auto row = [this](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        field->setAccessibleName(spoken(text));
        addRow(label, field);
    };
    row(tr("&Name:"), m_name);
    row(tr("&Platform:"), m_platformChoice);
    row(tr("&Kind:"), m_kind);
    addRow(nullptr, m_kindDescription);
    addRow(nullptr, m_kindWarning);
    row(tr("Pro&ject ID:"), m_projectId);
    addRow(nullptr, m_projectIdProblem);
    addRow(m_baseUrlLabel, m_baseUrl);
    m_baseUrlLabel->setBuddy(m_baseUrl);
    addRow(nullptr, m_baseUrlProblem);
    row(tr("API &version:"), m_version);
    row(tr("&User ID:"), m_userId);
    addRow(m_headerLabel, m_header);
    m_headerLabel->setBuddy(m_header);
    m_header->setAccessibleName(spoken(m_headerLabel->text()));
    addRow(m_secretLabel, m_secret);
    m_secretLabel->setBuddy(m_secret);
    addRow(m_signingKeyLabel, m_signingKeyRow);
    m_form->setAlignment(m_signingKeyLabel, Qt::AlignLeft | Qt::AlignTop);
    m_signingKeyLabel->setBuddy(m_signingKey);
    m_chooseKeyFile->setAccessibleName(spoken(m_chooseKeyFile->text()));
    addRow(nullptr, m_keyProblem);
    addRow(nullptr, m_secretState);
    addRow(nullptr, m_selfHosted);
    m_form->addWidget(m_environmentSection, m_rows++, 0, 1, 2);
    addRow(new QLabel(tr("Web pages:"), this), m_remember);
    m_remember->setAccessibleName(spoken(m_remember->text()));
    addRow(nullptr, m_certificateOverride);
    m_certificateOverride->setAccessibleName(spoken(m_certificateOverride->text()));
    addRow(nullptr, m_certificateWarning);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    connect(m_platformChoice, &QComboBox::currentIndexChanged, this, [this] {
        fillKinds();
        updateKind();
    });
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateKind);
    connect(m_selfHosted, &QCheckBox::toggled, this, &ProfileDialog::updateKind);
    connect(m_projectId, &QLineEdit::textChanged, this, &ProfileDialog::checkFields);
    connect(m_baseUrl, &QLineEdit::textChanged, this, &ProfileDialog::checkFields);
    connect(m_signingKey, &QPlainTextEdit::textChanged, this, &ProfileDialog::checkFields);
    connect(m_chooseKeyFile, &QPushButton::clicked, this, [this] {
        const QString file =
            QFileDialog::getOpenFileName(this, tr("Choose the Signing Key"), QString(),
                                         tr("PEM keys (*.pem *.key);;All files (*)"));
        if (!file.isEmpty())
            loadKeyFile(file);
    });

    fillKinds();
    if (profile) {
        m_id = profile->id;
        m_name->setText(profile->name);
        const int kind = m_kind->findData(Profile::accessName(profile->access));
        m_kind->setCurrentIndex(qMax(0, kind));
        m_projectId->setText(profile->projectId);
        m_baseUrl->setText(profile->baseUrl.toString());
        if (!profile->apiVersion.isEmpty())
            m_version->setCurrentText(profile->apiVersion);
        m_userId->setText(profile->userId);
        m_header->setText(profile->credentialHeader);
        bool selfHosted = false;
        for (auto it = profile->environments.cbegin(); it != profile->environments.cend(); ++it) {
            if (QLineEdit *field = m_environments.value(it.key()); field && !it.value().isEmpty()) {
                field->setText(it.value().toString());
                selfHosted = true;
            }
        }
        m_selfHosted->setChecked(selfHosted);
        m_remember->setChecked(profile->rememberSignIns);
        m_certificateOverride->setChecked(profile->acceptInvalidCertificates);
        connect(m_keychain, &KeychainAccess::checked, this, [this](const QString &, bool present) {
            m_secretStored = present;
            updateKind();
        });
        m_keychain->setPlatform(profile->platform);
        m_keychain->check(m_id);
        if (m_store->isManaged(m_id)) {
            // Administrators set where it points; the user brings only the key.
            m_managed = true;
            QList<QWidget *> fields{m_name,
                                    m_platformChoice,
                                    m_kind,
                                    m_projectId,
                                    m_baseUrl,
                                    m_version,
                                    m_userId,
                                    m_header,
                                    m_selfHosted,
                                    m_remember,
                                    m_certificateOverride};
            for (QLineEdit *field : std::as_const(m_environments))
                fields.append(field);
            for (QWidget *field : std::as_const(fields))
                field->setEnabled(false);
            setWindowTitle(tr("Profile Set by %1").arg(m_store->managedBy()));
        }
    }
    connect(m_keychain, &KeychainAccess::stored, this, [this] {
        m_secret->clear();
        m_signingKey->clear();
        setBusy(false);
        QDialog::accept();
    });
    connect(m_keychain, &KeychainAccess::failed, this,
            [this](const QString &, const QString &message) {
                setBusy(false);
                if (!isVisible())
                    return;
                m_secret->clear();
                m_signingKey->clear();
                showError(message);
            });
    updateKind();
    resize(520, sizeHint().height());
}

Profile::Platform ProfileDialog::currentPlatform() const
{
    return Profile::platformFromName(m_platformChoice->currentData().toString())
        .value_or(Profile().platform);
}

const AccessTraits *ProfileDialog::currentAccess() const
{
    const PlatformTraits &traits = PlatformTraits::of(currentPlatform());
    const auto access = Profile::accessFromName(m_kind->currentData().toString());
    const AccessTraits *found = access ? traits.accessTraits(*access) : nullptr;
    return found ? found : &traits.accesses.constFirst();
}

void ProfileDialog::fillKinds()
{
    // The kinds the chosen platform offers, keeping the chosen kind where the platform has it.
    const PlatformTraits &traits = PlatformTraits::of(currentPlatform());
    const QString chosen = m_kind->currentData().toString();
    {
        const QSignalBlocker blocker(m_kind);
        m_kind->clear();
        for (const AccessTraits &access : traits.accesses)
            m_kind->addItem(access.label(), Profile::accessName(access.access));
        m_kind->setCurrentIndex(qMax(0, m_kind->findData(chosen)));
    }
    const QString version = m_version->currentText();
    m_version->clear();
    for (const QString &each : traits.apiVersions)
        m_version->addItem(each);
    m_version->setCurrentText(traits.isKnownApiVersion(version) ? version
                                                                : traits.latestApiVersion());
    for (auto it = m_environments.cbegin(); it != m_environments.cend(); ++it)
        it.value()->setPlaceholderText(
            traits.defaultEnvironments.value(it.key()).toDisplayString());
    m_selfHosted->setText(
        tr("Se&lf-hosted %1: its own service addresses").arg(traits.displayName()));
    m_selfHosted->setAccessibleName(spoken(m_selfHosted->text()));
}

void ProfileDialog::updateKind()
{
    const PlatformTraits &traits = PlatformTraits::of(currentPlatform());
    const AccessTraits *access = currentAccess();
    setText(m_kindDescription, access->description());
    setText(m_kindWarning, access->warning());
    showRow(m_kindDescription, !access->description().isEmpty());
    showRow(m_kindWarning, !access->warning().isEmpty());
    showRow(m_projectId, traits.hasProjectId);
    showRow(m_baseUrl, access->hasAddress());
    m_baseUrlLabel->setText(access->addressLabel());
    m_baseUrl->setAccessibleName(spoken(access->addressLabel()));
    m_baseUrl->setPlaceholderText(
        (access->exampleAddress.isEmpty() ? traits.defaultBaseUrl : access->exampleAddress)
            .toDisplayString());
    showRow(m_version, traits.hasApiVersions());
    showRow(m_userId, access->hasUserId);
    showRow(m_header, access->hasCredentialHeader);

    const bool signingKey = access->secret == AccessTraits::Secret::SigningKey;
    const bool credential = access->secret == AccessTraits::Secret::Credential;
    showRow(m_secret, !signingKey);
    showRow(m_signingKeyRow, signingKey);
    m_secretLabel->setText(signingKey ? QString() : access->secretLabel());
    m_signingKeyLabel->setText(signingKey ? access->secretLabel() : QString());
    m_secret->setAccessibleName(spoken(access->secretLabel()));
    m_signingKey->setAccessibleName(spoken(access->secretLabel()));
    if (m_secretStored) {
        m_secret->setPlaceholderText(tr("•••• stored in keychain"));
        m_secretState->setText(tr("Leave empty to keep the stored one."));
    } else {
        m_secret->setPlaceholderText(credential ? tr("Optional: sent in the credential header")
                                                : tr("Paste the API key"));
        m_secretState->setText(credential ? QString()
                                          : tr("Kept in the system keychain, never shown again."));
    }
    showRow(m_secretState, !m_secretState->text().isEmpty());

    showRow(m_selfHosted, traits.hasEnvironments());
    showRow(m_environmentSection, traits.hasEnvironments() && m_selfHosted->isChecked());
    auto *environmentForm = m_environmentSection->findChild<QFormLayout *>();
    for (auto it = m_environments.cbegin(); it != m_environments.cend(); ++it) {
        QWidget *label = environmentForm->labelForField(it.value());
        const bool own = traits.environmentKeys.contains(it.key());
        it.value()->setVisible(own);
        if (label)
            label->setVisible(own);
    }
    checkFields();
    fitHeight();
}

bool ProfileDialog::looksLikePrivateKey(const QString &pem)
{
    // The armour of an unencrypted RSA key: PKCS#8 ("PRIVATE KEY") or PKCS#1 ("RSA PRIVATE
    // KEY"). An encrypted one would need a passphrase the app never asks for.
    const QString text = pem.trimmed();
    const bool pkcs8 = text.startsWith(QLatin1String("-----BEGIN PRIVATE KEY-----"))
        && text.endsWith(QLatin1String("-----END PRIVATE KEY-----"));
    const bool pkcs1 = text.startsWith(QLatin1String("-----BEGIN RSA PRIVATE KEY-----"))
        && text.endsWith(QLatin1String("-----END RSA PRIVATE KEY-----"));
    return (pkcs8 || pkcs1) && !text.contains(QLatin1String("ENCRYPTED"));
}

bool ProfileDialog::loadKeyFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > maxKeyFileBytes) {
        setText(m_keyProblem,
                file.size() > maxKeyFileBytes
                    ? tr("This file is too large to be a signing key.")
                    : tr("The file could not be read: %1").arg(file.errorString()));
        return false;
    }
    m_signingKey->setPlainText(QString::fromUtf8(file.readAll()));
    checkFields();
    return m_keyProblem->text().isEmpty();
}

void ProfileDialog::checkFields()
{
    // Each problem under the field it is in, as it is typed; the bottom line is for saving.
    const QString projectId = m_projectId->text().trimmed();
    setText(m_projectIdProblem,
            projectId.isEmpty() || isProjectIdToken(projectId)
                ? QString()
                : tr("A project ID holds only letters, digits and hyphens."));
    const AccessTraits *access = currentAccess();
    const PlatformTraits &traits = PlatformTraits::of(currentPlatform());
    const QUrl example =
        access->exampleAddress.isEmpty() ? traits.defaultBaseUrl : access->exampleAddress;
    setText(m_baseUrlProblem,
            m_baseUrl->text().trimmed().isEmpty() || isWebAddress(typedAddress(m_baseUrl->text()))
                ? QString()
                : tr("Enter a web address such as %1.").arg(example.toDisplayString()));
    const QString key = m_signingKey->toPlainText();
    QString keyProblem;
    if (!key.trimmed().isEmpty() && !looksLikePrivateKey(key))
        keyProblem = key.contains(QLatin1String("ENCRYPTED"))
            ? tr("This key is protected by a passphrase. Save it without one first (openssl "
                 "pkey -in key.pem -out plain.pem).")
            : tr("This is not an RSA private key in PEM form: it begins with "
                 "-----BEGIN PRIVATE KEY----- or -----BEGIN RSA PRIVATE KEY-----.");
    setText(m_keyProblem, keyProblem);
    QString environmentProblem;
    for (const QString &service : traits.environmentKeys) {
        const QLineEdit *field = m_environments.value(service);
        if (field && !field->text().trimmed().isEmpty()
            && !isWebAddress(typedAddress(field->text()))) {
            environmentProblem =
                tr("%1 must be a web address such as %2.")
                    .arg(service, traits.defaultEnvironments.value(service).toDisplayString());
            break;
        }
    }
    setText(m_environmentProblem, environmentProblem);
    showRow(m_projectIdProblem, traits.hasProjectId && !m_projectIdProblem->text().isEmpty());
    showRow(m_baseUrlProblem, access->hasAddress() && !m_baseUrlProblem->text().isEmpty());
    showRow(m_keyProblem,
            access->secret == AccessTraits::Secret::SigningKey && !m_keyProblem->text().isEmpty());
}

void ProfileDialog::addRow(QWidget *label, QWidget *field)
{
    if (label) {
        m_form->addWidget(label, m_rows, 0, Qt::AlignLeft | Qt::AlignVCenter);
        m_labels.insert(field, label);
    }
    m_form->addWidget(field, m_rows, 1);
    ++m_rows;
}

void ProfileDialog::showRow(QWidget *field, bool visible)
{
    // The label and the field, each shown or hidden: the grid leaves out a row that has neither.
    field->setVisible(visible);
    if (QWidget *label = m_labels.value(field))
        label->setVisible(visible);
}

void ProfileDialog::fitHeight()
{
    // Room for the rows shown now, which hidden ones did not ask for: the wrapping labels make
    // the form's height depend on its width, which no minimum size of the window says.
    if (!layout())
        return;
    layout()->activate();
    const int needed = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (needed > height())
        resize(width(), needed);
}

void ProfileDialog::showError(const QString &text)
{
    setText(m_error, text);
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
    for (int n = 2; m_store->find(id).has_value() || ProfileStore::isSandboxId(id)
         || id == MachineSettings::profileId();
         ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    return id;
}

Profile ProfileDialog::profile() const
{
    const PlatformTraits &traits = PlatformTraits::of(currentPlatform());
    const AccessTraits *access = currentAccess();
    Profile profile;
    profile.id = m_id.isEmpty() ? uniqueId(m_name->text().trimmed()) : m_id;
    profile.name = m_name->text().trimmed();
    profile.platform = currentPlatform();
    profile.access = access->access;
    // Only what the platform and the kind use: a field hidden by another choice does not count.
    if (access->hasAddress())
        profile.baseUrl = typedAddress(m_baseUrl->text());
    if (traits.hasApiVersions())
        profile.apiVersion = m_version->currentText();
    if (access->hasCredentialHeader)
        profile.credentialHeader = m_header->text().trimmed();
    if (traits.hasProjectId)
        profile.projectId = m_projectId->text().trimmed();
    if (access->hasUserId)
        profile.userId = m_userId->text().trimmed();
    if (traits.hasEnvironments() && m_selfHosted->isChecked()) {
        for (const QString &service : traits.environmentKeys) {
            const QUrl url = typedAddress(m_environments.value(service)->text());
            if (!url.isEmpty())
                profile.environments.insert(service, url);
        }
    }
    profile.rememberSignIns = m_remember->isChecked();
    profile.acceptInvalidCertificates = m_certificateOverride->isChecked();
    return profile;
}

void ProfileDialog::accept()
{
    showError({});
    const Profile candidate = profile();
    const AccessTraits *access = currentAccess();
    if (candidate.name.isEmpty()) {
        showError(tr("Give the profile a name."));
        m_name->setFocus();
        return;
    }
    if (access->hasAddress() && candidate.baseUrl.isEmpty()) {
        showError(tr("Fill in “%1”.").arg(spoken(access->addressLabel())));
        m_baseUrl->setFocus();
        return;
    }
    const bool signingKey = access->secret == AccessTraits::Secret::SigningKey;
    // Trimmed, one newline at the end, as PEM files are.
    const QString secret = signingKey
        ? (m_signingKey->toPlainText().trimmed().isEmpty()
               ? QString()
               : m_signingKey->toPlainText().trimmed() + QLatin1Char('\n'))
        : m_secret->text();
    if (signingKey && !secret.isEmpty() && !looksLikePrivateKey(secret)) {
        checkFields();
        showError(m_keyProblem->text());
        m_signingKey->setFocus();
        return;
    }
    QString error;
    if (!m_managed && !m_store->save(candidate, &error)) {
        showError(error);
        return;
    }
    m_id = candidate.id;
    if (secret.isEmpty()) {
        QDialog::accept();
        return;
    }
    setBusy(true);
    m_keychain->setPlatform(candidate.platform);
    m_keychain->store(candidate.id, secret);
}
