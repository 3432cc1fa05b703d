#include "ui/SettingsDialog.h"

#include "core/model/PlatformTraits.h"
#include "core/session/Backends.h"
#include "core/session/SessionHistory.h"
#include "core/settings/AppSettings.h"
#include "core/settings/NameTemplate.h"
#include "core/settings/ProfileStore.h"
#include "core/system/LogoCheck.h"
#include "core/system/ProxySetup.h"
#include "ui/BrandLogo.h"
#include "ui/KeychainAccess.h"
#include "ui/ProfileDialog.h"
#include "ui/ProfileSwitcher.h"
#include "ui/ThemeManager.h"
#include "ui/Translations.h"
#include "web/WebProfiles.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace {

QLabel *problemLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xd0, 0x3b, 0x35));
    label->setPalette(palette);
    label->hide();
    return label;
}

// A logo preview on a fixed background, to judge the logo against the theme it is meant for.
QWidget *previewTile(BrandLogo *logo, bool dark, QWidget *parent)
{
    auto *tile = new QWidget(parent);
    tile->setAutoFillBackground(true);
    QPalette palette = dark ? ThemeManager::darkPalette() : QPalette(QColor(0xf4, 0xf5, 0xf7));
    tile->setPalette(palette);
    logo->setParent(tile);
    logo->setLogoHeight(32);
    auto *layout = new QHBoxLayout(tile);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addWidget(logo);
    return tile;
}

} // namespace

SettingsDialog::SettingsDialog(AppSettings *settings, ProfileStore *profiles, Backends *backends,
                               WebProfiles *webProfiles, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_store(profiles)
    , m_backends(backends)
    , m_webProfiles(webProfiles)
    , m_keychain(new KeychainAccess(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("SettingsDialog"));
    setWindowTitle(tr("Settings"));

    m_tabs->addTab(buildAppearance(), tr("&Appearance"));
    m_tabs->addTab(buildNames(), tr("Connection &names"));
    m_tabs->addTab(buildProfiles(), tr("&Profiles"));
    m_tabs->addTab(buildNetwork(), tr("Netw&ork"));
    m_tabs->addTab(buildHistory(), tr("&History"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);

    m_managedNotice = new QLabel(this);
    m_managedNotice->setWordWrap(true);
    m_managedNotice->setTextFormat(Qt::PlainText);
    m_managedNotice->setText(
        tr("Some settings are set by %1 for everyone on this computer and cannot be changed here.")
            .arg(m_settings->managedBy()));
    m_managedNotice->setVisible(!m_lockNotes.isEmpty() || m_store->activeLocked());

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_managedNotice);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_buttons);

    checkLogos();
    updatePreview();
    resize(560, 460);
}

QPushButton *SettingsDialog::okButton() const
{
    return m_buttons->button(QDialogButtonBox::Ok);
}

QLabel *SettingsDialog::lockable(QWidget *field, const QString &key, QWidget *parent)
{
    if (!m_settings->isLocked(key))
        return nullptr;
    field->setEnabled(false);
    auto *note = new QLabel(tr("Set by %1").arg(m_settings->managedBy()), parent);
    QFont italic = note->font();
    italic.setItalic(true);
    note->setFont(italic);
    note->setTextFormat(Qt::PlainText);
    note->setForegroundRole(QPalette::PlaceholderText);
    m_lockNotes.insert(key, note);
    return note;
}

QWidget *SettingsDialog::buildAppearance()
{
    auto *page = new QWidget(this);
    m_theme = new QComboBox(page);
    m_theme->addItem(tr("Follow the system"), int(AppSettings::Theme::System));
    m_theme->addItem(tr("Light"), int(AppSettings::Theme::Light));
    m_theme->addItem(tr("Dark"), int(AppSettings::Theme::Dark));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(int(m_settings->theme()))));

    // The field and its Browse button, in one widget so that a lock disables both.
    auto fileRow = [this, page](QLineEdit *&field, const QString &current) {
        auto *row = new QWidget(page);
        field = new QLineEdit(current, row);
        field->setPlaceholderText(tr("The app's own logo"));
        field->setClearButtonEnabled(true);
        connect(field, &QLineEdit::textChanged, this, &SettingsDialog::checkLogos);
        auto *browse = new QPushButton(tr("Browse…"), row);
        connect(browse, &QPushButton::clicked, this, [this, field] {
            const QString file = QFileDialog::getOpenFileName(
                this, tr("Choose a logo"), field->text(), tr("SVG images (*.svg)"));
            if (!file.isEmpty())
                field->setText(file);
        });
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(field, 1);
        layout->addWidget(browse);
        return row;
    };

    m_logoProblem = problemLabel(page);
    m_logoDarkProblem = problemLabel(page);
    m_logoPreview = new BrandLogo(page);
    m_logoDarkPreview = new BrandLogo(page);

    m_language = new QComboBox(page);
    m_language->addItem(tr("Follow the system"), QString());
    for (const QString &language : Translations::available())
        m_language->addItem(Translations::nativeName(language), language);
    m_language->setCurrentIndex(qMax(0, m_language->findData(m_settings->language())));
    auto *languageHint =
        new QLabel(tr("A new language applies when Connect Desktop starts again."), page);
    languageHint->setWordWrap(true);
    languageHint->setForegroundRole(QPalette::PlaceholderText);
    languageHint->hide();
    connect(m_language, &QComboBox::currentIndexChanged, languageHint, [this, languageHint] {
        languageHint->setVisible(m_language->currentData().toString() != m_settings->language());
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&Theme:"), m_theme);
    if (QLabel *note = lockable(m_theme, QStringLiteral("appearance/theme"), page))
        form->addRow(QString(), note);
    form->addRow(tr("La&nguage:"), m_language);
    if (QLabel *note = lockable(m_language, QStringLiteral("appearance/language"), page))
        form->addRow(QString(), note);
    form->addRow(QString(), languageHint);
    QWidget *logoRow = fileRow(m_logo, m_settings->logoFile());
    auto *logoLabel = new QLabel(tr("&Logo:"), page);
    logoLabel->setBuddy(m_logo);
    form->addRow(logoLabel, logoRow);
    if (QLabel *note = lockable(logoRow, QStringLiteral("appearance/logo"), page))
        form->addRow(QString(), note);
    form->addRow(QString(), m_logoProblem);
    QWidget *logoDarkRow = fileRow(m_logoDark, m_settings->logoDarkFile());
    auto *logoDarkLabel = new QLabel(tr("Logo for &dark theme:"), page);
    logoDarkLabel->setBuddy(m_logoDark);
    form->addRow(logoDarkLabel, logoDarkRow);
    if (QLabel *note = lockable(logoDarkRow, QStringLiteral("appearance/logoDark"), page))
        form->addRow(QString(), note);
    form->addRow(QString(), m_logoDarkProblem);

    auto *previews = new QHBoxLayout;
    previews->addWidget(previewTile(m_logoPreview, false, page));
    previews->addWidget(previewTile(m_logoDarkPreview, true, page));
    previews->addStretch(1);
    form->addRow(tr("Preview:"), previews);

    auto *hint = new QLabel(tr("An SVG of at most %1 KB that refers to nothing outside itself. "
                               "The dark variant is optional.")
                                .arg(LogoCheck::maxBytes / 1024),
                            page);
    hint->setWordWrap(true);
    hint->setForegroundRole(QPalette::PlaceholderText);

    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(hint);
    layout->addStretch(1);
    return page;
}

QWidget *SettingsDialog::buildNames()
{
    auto *page = new QWidget(this);
    m_template = new QLineEdit(m_settings->nameTemplate(), page);
    m_template->setPlaceholderText(AppSettings::defaultNameTemplate());
    m_template->setClearButtonEnabled(true);
    connect(m_template, &QLineEdit::textChanged, this, &SettingsDialog::updatePreview);
    m_preview = new QLabel(page);
    m_preview->setTextFormat(Qt::PlainText);
    QFont bold = m_preview->font();
    bold.setBold(true);
    m_preview->setFont(bold);

    auto *help = new QLabel(tr("{integration} the integration's name, {id} its id, "
                               "{date} today (yyyy-MM-dd), {time} the time (HH:mm). "
                               "A name already in use gets “ (2)”, “ (3)”… added."),
                            page);
    help->setWordWrap(true);
    help->setForegroundRole(QPalette::PlaceholderText);

    m_allowed = new QLineEdit(m_settings->allowedIntegrations().join(QLatin1String(", ")), page);
    m_allowed->setPlaceholderText(tr("Every integration the backend offers"));
    m_allowed->setClearButtonEnabled(true);
    auto *allowedHelp = new QLabel(tr("Type ids separated by commas, such as hubspot, postgresql. "
                                      "With one, it opens straight away."),
                                   page);
    allowedHelp->setWordWrap(true);
    allowedHelp->setForegroundRole(QPalette::PlaceholderText);

    auto *form = new QFormLayout;
    form->addRow(tr("Name &template:"), m_template);
    if (QLabel *note = lockable(m_template, QStringLiteral("connections/nameTemplate"), page))
        form->addRow(QString(), note);
    form->addRow(tr("Example:"), m_preview);
    form->addRow(QString(), help);
    form->addRow(tr("&Allowed integrations:"), m_allowed);
    if (QLabel *note = lockable(m_allowed, QStringLiteral("connections/allowed"), page))
        form->addRow(QString(), note);
    form->addRow(QString(), allowedHelp);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch(1);
    return page;
}

QWidget *SettingsDialog::buildNetwork()
{
    auto *page = new QWidget(this);
    const ProxySettings proxy = m_settings->proxy();
    m_proxyMode = new QComboBox(page);
    m_proxyMode->addItem(tr("Use the system's settings"), int(ProxySettings::Mode::System));
    m_proxyMode->addItem(tr("No proxy"), int(ProxySettings::Mode::None));
    m_proxyMode->addItem(tr("A proxy of its own"), int(ProxySettings::Mode::Manual));
    m_proxyMode->setCurrentIndex(qMax(0, m_proxyMode->findData(int(proxy.mode))));
    m_proxyUrl =
        new QLineEdit(proxy.mode == ProxySettings::Mode::Manual
                          ? QStringLiteral("%1://%2").arg(proxy.url.scheme(), proxy.endpoint())
                          : QString(),
                      page);
    m_proxyUrl->setPlaceholderText(tr("proxy.example.com:3128, or socks5://host:1080"));
    m_proxyProblem = problemLabel(page);
    m_proxyUser = new QLineEdit(proxy.user, page);
    m_proxyUser->setPlaceholderText(tr("None: the proxy asks for no sign-in"));
    m_proxyPassword = new QLineEdit(page);
    m_proxyPassword->setEchoMode(QLineEdit::Password);
    m_proxyPassword->setPlaceholderText(
        tr("Kept in the keychain; leave empty to keep the stored one"));
    m_proxyBypass = new QLineEdit(proxy.bypass.join(QLatin1String(", ")), page);
    m_proxyBypass->setPlaceholderText(tr("intranet.example.com, .corp.example.com"));
    m_proxyBypass->setToolTip(tr("Reached directly by the API client. The web engine (Qt "
                                 "WebEngine 6.4) takes no bypass list: pages of these hosts still "
                                 "go through the proxy."));
    m_proxyRestart = new QLabel(tr("Proxy changes take effect when Connect Desktop starts again "
                                   "(the web engine takes its proxy once, at start)."),
                                page);
    m_proxyRestart->setWordWrap(true);
    m_proxyRestart->setTextFormat(Qt::PlainText);
    m_proxyRestart->hide();
    auto *help = new QLabel(tr("One proxy for the API and for the pages the app shows. This "
                               "computer's own servers (127.0.0.1) are always reached directly."),
                            page);
    help->setWordWrap(true);
    help->setForegroundRole(QPalette::PlaceholderText);
    for (QLineEdit *field : {m_proxyUrl, m_proxyUser, m_proxyBypass})
        connect(field, &QLineEdit::textChanged, this, &SettingsDialog::checkProxy);
    connect(m_proxyPassword, &QLineEdit::textChanged, this, &SettingsDialog::checkProxy);
    connect(m_proxyMode, &QComboBox::currentIndexChanged, this, &SettingsDialog::checkProxy);

    auto *form = new QFormLayout;
    form->addRow(tr("Pro&xy:"), m_proxyMode);
    if (QLabel *note = lockable(m_proxyMode, QStringLiteral("network/proxy"), page))
        form->addRow(QString(), note);
    form->addRow(tr("Add&ress:"), m_proxyUrl);
    if (QLabel *note = lockable(m_proxyUrl, QStringLiteral("network/proxyUrl"), page))
        form->addRow(QString(), note);
    form->addRow(QString(), m_proxyProblem);
    form->addRow(tr("&User:"), m_proxyUser);
    if (QLabel *note = lockable(m_proxyUser, QStringLiteral("network/proxyUser"), page))
        form->addRow(QString(), note);
    form->addRow(tr("Pass&word:"), m_proxyPassword);
    form->addRow(tr("&Bypass for:"), m_proxyBypass);
    if (QLabel *note = lockable(m_proxyBypass, QStringLiteral("network/proxyBypass"), page))
        form->addRow(QString(), note);
    form->addRow(QString(), help);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_proxyRestart);
    layout->addStretch(1);
    checkProxy();
    return page;
}

std::optional<ProxySettings> SettingsDialog::typedProxy(QString *problem) const
{
    ProxySettings proxy;
    proxy.mode = ProxySettings::Mode(m_proxyMode->currentData().toInt());
    if (proxy.mode != ProxySettings::Mode::Manual)
        return proxy;
    const auto url = ProxySettings::parseUrl(m_proxyUrl->text(), problem);
    if (!url)
        return std::nullopt;
    proxy.url = *url;
    proxy.user = m_proxyUser->text().trimmed();
    proxy.bypass = ProxySettings::parseBypass(m_proxyBypass->text());
    return proxy;
}

void SettingsDialog::checkProxy()
{
    const bool manual =
        ProxySettings::Mode(m_proxyMode->currentData().toInt()) == ProxySettings::Mode::Manual;
    // The manual proxy's fields count only for a manual proxy; a locked one stays as IT set it.
    const QList<QPair<QWidget *, QString>> fields{
        {m_proxyUrl, QStringLiteral("network/proxyUrl")},
        {m_proxyUser, QStringLiteral("network/proxyUser")},
        {m_proxyPassword, QString()},
        {m_proxyBypass, QStringLiteral("network/proxyBypass")}};
    for (const auto &[field, key] : fields)
        field->setEnabled(manual && (key.isEmpty() || !m_settings->isLocked(key)));
    QString problem;
    const auto proxy = typedProxy(&problem);
    m_proxyProblem->setText(problem);
    m_proxyProblem->setVisible(!problem.isEmpty());
    m_proxyOk = proxy.has_value();
    m_proxyRestart->setVisible((proxy && *proxy != ProxySetup::current())
                               || !m_proxyPassword->text().isEmpty());
    updateOk();
}

QWidget *SettingsDialog::buildHistory()
{
    auto *page = new QWidget(this);
    m_historyLimit = new QSpinBox(page);
    m_historyLimit->setRange(0, AppSettings::maxHistoryLimit);
    m_historyLimit->setValue(m_settings->historyLimit());
    m_historyLimit->setSuffix(tr(" sessions"));
    m_historyLimit->setSpecialValueText(tr("None (keep no history)"));
    m_historyLimit->setAccessibleName(tr("Sessions to keep"));
    auto *help = new QLabel(tr("Each session's result, timings and exchange log are kept on this "
                               "computer, without keys, tokens or passwords, for the History "
                               "(View, History) and diagnostics bundles."),
                            page);
    help->setWordWrap(true);
    help->setForegroundRole(QPalette::PlaceholderText);
    m_historyStatus = new QLabel(page);
    m_historyStatus->setTextFormat(Qt::PlainText);
    m_historyStatus->setWordWrap(true);
    m_clearHistory = new QPushButton(tr("&Clear History…"), page);
    m_clearHistory->setAutoDefault(false);
    connect(m_clearHistory, &QPushButton::clicked, this, [this] {
        if (!m_history)
            return;
        const auto answer =
            QMessageBox::question(this, tr("Clear History"),
                                  tr("Forget the %n kept session(s)? This cannot be undone.",
                                     nullptr, int(m_history->entries().size())),
                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        m_history->clear();
        updateHistoryStatus();
    });

    auto *form = new QFormLayout;
    form->addRow(tr("&Keep the last:"), m_historyLimit);
    if (QLabel *note = lockable(m_historyLimit, QStringLiteral("history/limit"), page))
        form->addRow(QString(), note);
    form->addRow(QString(), help);
    auto *row = new QHBoxLayout;
    row->addWidget(m_historyStatus, 1);
    row->addWidget(m_clearHistory);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addLayout(row);
    layout->addStretch(1);
    updateHistoryStatus();
    return page;
}

void SettingsDialog::setHistory(SessionHistory *history)
{
    m_history = history;
    updateHistoryStatus();
}

void SettingsDialog::updateHistoryStatus()
{
    const int kept = m_history ? int(m_history->entries().size()) : 0;
    m_historyStatus->setText(kept == 0 ? tr("No sessions are kept.")
                                       : tr("%n session(s) kept.", nullptr, kept));
    m_clearHistory->setEnabled(kept > 0);
}

QWidget *SettingsDialog::buildProfiles()
{
    auto *page = new QWidget(this);
    m_profiles = new QListWidget(page);
    m_profiles->setAccessibleName(tr("Profiles"));
    auto *add = new QPushButton(tr("A&dd…"), page);
    m_editProfile = new QPushButton(tr("&Edit…"), page);
    m_removeProfile = new QPushButton(tr("&Remove"), page);
    m_clearWebData = new QPushButton(tr("Clear &Web Data"), page);
    m_clearWebData->setToolTip(tr("Sign out of every page this profile's connect pages signed "
                                  "in to: deletes their cookies, cache and stored data."));
    m_clearWebData->setVisible(m_webProfiles != nullptr);
    m_profileMessage = problemLabel(page);
    m_profileStatus = new QLabel(page);
    m_profileStatus->setWordWrap(true);
    m_profileStatus->setTextFormat(Qt::PlainText);
    m_profileStatus->hide();
    connect(m_clearWebData, &QPushButton::clicked, this, &SettingsDialog::clearWebData);
    connect(add, &QPushButton::clicked, this, [this] { editProfile(true); });
    connect(m_editProfile, &QPushButton::clicked, this, [this] { editProfile(false); });
    connect(m_removeProfile, &QPushButton::clicked, this, &SettingsDialog::removeProfile);
    connect(m_profiles, &QListWidget::itemActivated, this, [this] { editProfile(false); });
    connect(m_profiles, &QListWidget::currentRowChanged, this,
            &SettingsDialog::updateProfileButtons);
    connect(m_store, &ProfileStore::profilesChanged, this, &SettingsDialog::reloadProfiles);
    connect(m_keychain, &KeychainAccess::failed, this,
            [this](const QString &, const QString &message) {
                m_profileMessage->setText(message);
                m_profileMessage->show();
            });

    auto *buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_editProfile);
    buttons->addWidget(m_removeProfile);
    buttons->addSpacing(12);
    buttons->addWidget(m_clearWebData);
    buttons->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_profiles, 1);
    row->addLayout(buttons);
    auto *layout = new QVBoxLayout(page);
    layout->addLayout(row, 1);
    layout->addWidget(m_profileMessage);
    layout->addWidget(m_profileStatus);
    reloadProfiles();
    return page;
}

void SettingsDialog::updateProfileButtons()
{
    const auto profile = m_store->find(selectedProfileId());
    // A managed profile opens for its key only; it cannot be removed.
    const bool editable = profile && profile->access != Profile::Access::Sandbox;
    m_editProfile->setEnabled(editable);
    m_removeProfile->setEnabled(editable && !m_store->isManaged(profile->id));
    m_clearWebData->setEnabled(profile.has_value());
}

void SettingsDialog::clearWebData()
{
    const auto profile = m_store->find(selectedProfileId());
    if (!profile || !m_webProfiles)
        return;
    m_profileMessage->hide();
    m_profileStatus->hide();
    QString error;
    if (!m_webProfiles->clearWebData(profile->id, &error)) {
        m_profileMessage->setText(error);
        m_profileMessage->show();
        return;
    }
    m_profileStatus->setText(
        tr("The web data of “%1” is cleared: its connect pages start signed out.")
            .arg(profile->name));
    m_profileStatus->show();
}

void SettingsDialog::showPage(Page page)
{
    m_tabs->setCurrentIndex(int(page));
}

void SettingsDialog::selectProfile(const QString &profileId)
{
    showPage(Page::Profiles);
    for (int row = 0; row < m_profiles->count(); ++row) {
        if (m_profiles->item(row)->data(Qt::UserRole).toString() == profileId)
            m_profiles->setCurrentRow(row);
    }
}

QString SettingsDialog::selectedProfileId() const
{
    const QListWidgetItem *item = m_profiles->currentItem();
    return item ? item->data(Qt::UserRole).toString() : QString();
}

void SettingsDialog::reloadProfiles()
{
    const QString selected = selectedProfileId();
    m_profiles->clear();
    for (const Profile &profile : m_store->profiles()) {
        QString kind;
        switch (profile.access) {
        case Profile::Access::Sandbox:
            kind = tr("built-in sandbox");
            break;
        case Profile::Access::Direct:
        case Profile::Access::Backend: {
            // The platform, and its own name for the kind ("API key", "Your backend (token URL)").
            const PlatformTraits &traits = PlatformTraits::of(profile.platform);
            const AccessTraits *access = traits.accessTraits(profile.access);
            kind = access ? tr("%1, %2").arg(traits.displayName(), access->label())
                          : traits.displayName();
            break;
        }
        }
        if (m_store->isManaged(profile.id))
            kind = tr("%1, set by %2").arg(kind, m_store->managedBy());
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(ProfileSwitcher::label(profile), kind),
                                         m_profiles);
        item->setData(Qt::UserRole, profile.id);
        if (m_backends)
            item->setToolTip(m_backends->describe(profile));
        if (profile.id == selected)
            m_profiles->setCurrentItem(item);
    }
    if (!m_profiles->currentItem() && m_profiles->count() > 0)
        m_profiles->setCurrentRow(0);
    updateProfileButtons();
}

void SettingsDialog::editProfile(bool adding)
{
    std::optional<Profile> profile;
    if (!adding) {
        profile = m_store->find(selectedProfileId());
        if (!profile || profile->access == Profile::Access::Sandbox)
            return;
    }
    m_profileMessage->hide();
    ProfileDialog dialog(m_store, profile, this);
    if (dialog.exec() == QDialog::Accepted)
        selectProfile(dialog.profile().id);
}

void SettingsDialog::removeProfile()
{
    const auto profile = m_store->find(selectedProfileId());
    if (!profile || profile->access == Profile::Access::Sandbox || m_store->isManaged(profile->id))
        return;
    const auto answer = QMessageBox::question(
        this, tr("Remove Profile"),
        tr("Remove the profile “%1”? Its stored key is deleted from the keychain too.")
            .arg(profile->name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (m_store->remove(profile->id)) {
        m_keychain->remove(profile->id);
        // What its pages kept goes with it.
        if (m_webProfiles)
            m_webProfiles->clearWebData(profile->id);
    }
}

void SettingsDialog::checkLogos()
{
    bool ok = true;
    const auto check = [&ok](QLineEdit *field, QLabel *problem, BrandLogo *preview) {
        const QString path = field->text().trimmed();
        QString text;
        QByteArray contents;
        if (!path.isEmpty())
            text = LogoCheck::problemWithFile(path, &contents);
        if (!path.isEmpty() && text.isEmpty() && !preview->setSvg(contents))
            text = tr("This file could not be drawn as an image.");
        if (path.isEmpty() || !text.isEmpty())
            preview->setAppLogo();
        problem->setText(text);
        problem->setVisible(!text.isEmpty());
        ok = ok && text.isEmpty();
    };
    check(m_logo, m_logoProblem, m_logoPreview);
    check(m_logoDark, m_logoDarkProblem, m_logoDarkPreview);
    // The dark tile falls back to the light logo, as the header does.
    if (m_logoDark->text().trimmed().isEmpty() && !m_logo->text().trimmed().isEmpty()
        && m_logoProblem->text().isEmpty()) {
        QByteArray contents;
        if (LogoCheck::problemWithFile(m_logo->text().trimmed(), &contents).isEmpty())
            m_logoDarkPreview->setSvg(contents);
    }
    m_logosOk = ok;
    updateOk();
}

void SettingsDialog::updateOk()
{
    if (m_buttons)
        okButton()->setEnabled(m_logosOk && m_proxyOk);
}

void SettingsDialog::updatePreview()
{
    QString templ = m_template->text();
    if (templ.trimmed().isEmpty())
        templ = AppSettings::defaultNameTemplate();
    m_preview->setText(
        NameTemplate::make(templ, QStringLiteral("PostgreSQL"), QStringLiteral("postgresql"), {}));
}

void SettingsDialog::accept()
{
    checkLogos();
    if (!okButton()->isEnabled())
        return;
    const QString language = m_language->currentData().toString();
    if (language != m_settings->language())
        m_settings->setLanguage(language);
    QStringList allowed;
    for (const QString &id : m_allowed->text().split(QLatin1Char(','))) {
        if (!id.trimmed().isEmpty() && !allowed.contains(id.trimmed()))
            allowed.append(id.trimmed());
    }
    if (allowed != m_settings->allowedIntegrations())
        m_settings->setAllowedIntegrations(allowed);
    const auto theme = AppSettings::Theme(m_theme->currentData().toInt());
    if (theme != m_settings->theme())
        m_settings->setTheme(theme);
    const QString light = m_logo->text().trimmed();
    const QString dark = m_logoDark->text().trimmed();
    if (light != m_settings->logoFile() || dark != m_settings->logoDarkFile())
        m_settings->setLogoFiles(light, dark);
    QString templ = m_template->text().trimmed();
    if (templ.isEmpty())
        templ = AppSettings::defaultNameTemplate();
    if (templ != m_settings->nameTemplate())
        m_settings->setNameTemplate(templ);
    if (m_historyLimit->value() != m_settings->historyLimit())
        m_settings->setHistoryLimit(m_historyLimit->value());
    QString problem;
    if (const auto proxy = typedProxy(&problem)) {
        if (*proxy != m_settings->proxy())
            m_settings->setProxy(*proxy);
    }
    // Into the keychain only; never into the settings.
    if (!m_proxyPassword->text().isEmpty())
        m_keychain->store(ProxySetup::keychainKey(), m_proxyPassword->text());
    QDialog::accept();
}
