#include "ui/DiagnosticsDialog.h"

#include "ui/DiagnosticsInputs.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace {

constexpr int partRole = Qt::UserRole;

QString partTitle(DiagnosticsBundle::Part part)
{
    switch (part) {
    case DiagnosticsBundle::Part::System:
        return DiagnosticsDialog::tr("System and versions");
    case DiagnosticsBundle::Part::Settings:
        return DiagnosticsDialog::tr("Settings");
    case DiagnosticsBundle::Part::Profiles:
        return DiagnosticsDialog::tr("Profiles");
    case DiagnosticsBundle::Part::Doctor:
        return DiagnosticsDialog::tr("Doctor's findings");
    case DiagnosticsBundle::Part::Sessions:
        return DiagnosticsDialog::tr("Sessions and exchange logs");
    case DiagnosticsBundle::Part::Engine:
        return DiagnosticsDialog::tr("Web engine refusals and console");
    }
    return {};
}

} // namespace

DiagnosticsDialog::DiagnosticsDialog(AppSettings *settings, ProfileStore *profiles,
                                     SessionHistory *history, Backends *backends,
                                     const Profile &checked, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_profiles(profiles)
    , m_history(history)
    , m_checked(checked)
    , m_doctor(new Doctor(backends, this))
    , m_parts(new QListWidget(this))
    , m_since(new QComboBox(this))
    , m_preview(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_save(new QPushButton(tr("&Save…"), this))
{
    setObjectName(QStringLiteral("DiagnosticsDialog"));
    setWindowTitle(tr("Save Diagnostics"));

    auto *intro = new QLabel(tr("A diagnostics bundle helps support see what happened on this "
                                "computer. It never holds keys, tokens or passwords. Choose what "
                                "goes in; the text on the right is exactly what each part "
                                "holds."),
                             this);
    intro->setWordWrap(true);

    for (const DiagnosticsBundle::Part part : DiagnosticsBundle::allParts()) {
        auto *item = new QListWidgetItem(partTitle(part), m_parts);
        item->setData(partRole, int(part));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
        item->setToolTip(DiagnosticsBundle::partDescription(part));
        if (part == DiagnosticsBundle::Part::Sessions && !m_history) {
            item->setCheckState(Qt::Unchecked);
            item->setFlags(Qt::ItemIsSelectable);
        }
    }
    m_parts->setAccessibleName(tr("Parts of the bundle"));
    m_parts->setAccessibleDescription(tr("Space ticks or clears a part"));
    m_parts->setCurrentRow(0);
    connect(m_parts, &QListWidget::currentRowChanged, this, &DiagnosticsDialog::showPreview);
    connect(m_parts, &QListWidget::itemChanged, this, [this] {
        showPreview();
        updateSave();
    });
    auto *partsLabel = new QLabel(tr("&Include:"), this);
    partsLabel->setBuddy(m_parts);

    m_since->addItem(tr("Every kept session"), 0);
    m_since->addItem(tr("The last hour"), 3600);
    m_since->addItem(tr("The last 24 hours"), 24 * 3600);
    m_since->addItem(tr("The last 7 days"), 7 * 24 * 3600);
    connect(m_since, &QComboBox::currentIndexChanged, this, &DiagnosticsDialog::showPreview);

    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_preview->setAccessibleName(tr("What the chosen part holds"));
    auto *previewLabel = new QLabel(tr("&Preview:"), this);
    previewLabel->setBuddy(m_preview);

    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setText(tr("Running the doctor…"));

    auto *left = new QVBoxLayout;
    left->addWidget(partsLabel);
    left->addWidget(m_parts, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("Sessions &from:"), m_since);
    left->addLayout(form);
    auto *right = new QVBoxLayout;
    right->addWidget(previewLabel);
    right->addWidget(m_preview, 1);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 2);
    columns->addLayout(right, 5);

    m_save->setDefault(true);
    connect(m_save, &QPushButton::clicked, this, &DiagnosticsDialog::chooseFileAndSave);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    disconnect(buttons, &QDialogButtonBox::accepted, nullptr, nullptr);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(columns, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_doctor, &Doctor::finished, this, [this](const QList<DoctorFinding> &findings) {
        m_findings = findings;
        m_doctorDone = true;
        int problems = 0;
        for (const DoctorFinding &finding : findings)
            problems += finding.level == DoctorFinding::Level::Problem ? 1 : 0;
        m_status->setText(
            problems == 0
                ? tr("The doctor found no problem.")
                : tr("The doctor found %n problem(s); they are in the bundle.", nullptr, problems));
        showPreview();
        updateSave();
    });
    m_doctor->run(m_checked);
    showPreview();
    updateSave();
    resize(900, 560);
    m_parts->setFocus();
}

DiagnosticsBundle::Inputs DiagnosticsDialog::inputs() const
{
    return DiagnosticsInputs::gather(m_settings, m_profiles, m_history, m_checked, m_findings);
}

QList<DiagnosticsBundle::Part> DiagnosticsDialog::chosenParts() const
{
    QList<DiagnosticsBundle::Part> parts;
    for (int row = 0; row < m_parts->count(); ++row) {
        const QListWidgetItem *item = m_parts->item(row);
        if (item->checkState() == Qt::Checked)
            parts.append(DiagnosticsBundle::Part(item->data(partRole).toInt()));
    }
    return parts;
}

QDateTime DiagnosticsDialog::since() const
{
    const int seconds = m_since->currentData().toInt();
    return seconds > 0 ? QDateTime::currentDateTimeUtc().addSecs(-seconds) : QDateTime();
}

void DiagnosticsDialog::showPreview()
{
    const QListWidgetItem *item = m_parts->currentItem();
    if (!item) {
        m_preview->clear();
        return;
    }
    const auto part = DiagnosticsBundle::Part(item->data(partRole).toInt());
    QString text = DiagnosticsBundle::partDescription(part) + QStringLiteral("\n\n");
    if (item->checkState() != Qt::Checked) {
        text += tr("Left out: this part will not be in the bundle.");
    } else if (part == DiagnosticsBundle::Part::Doctor && !m_doctorDone) {
        text += tr("The doctor is still running…");
    } else {
        const auto files = DiagnosticsBundle::partFiles(inputs(), part, since());
        for (auto it = files.cbegin(); it != files.cend(); ++it)
            text += QStringLiteral("── %1 ──\n%2\n").arg(it.key(), QString::fromUtf8(it.value()));
    }
    m_preview->setPlainText(text);
}

void DiagnosticsDialog::updateSave()
{
    // The doctor's findings are part of what support asks for first: wait for them (half a
    // minute at most), unless that part is left out.
    const QList<DiagnosticsBundle::Part> parts = chosenParts();
    m_save->setEnabled(!parts.isEmpty()
                       && (m_doctorDone || !parts.contains(DiagnosticsBundle::Part::Doctor)));
}

bool DiagnosticsDialog::saveTo(const QString &path)
{
    QString error;
    if (!DiagnosticsBundle::writeZip(
            path, DiagnosticsBundle::files(inputs(), chosenParts(), since()), &error)) {
        m_status->setText(error);
        return false;
    }
    m_status->setText(tr("Saved to %1.").arg(QDir::toNativeSeparators(path)));
    Q_EMIT saved(path);
    return true;
}

void DiagnosticsDialog::chooseFileAndSave()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name =
        QStringLiteral("connect-desktop-diagnostics-%1.zip")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm")));
    QString path = QFileDialog::getSaveFileName(
        this, tr("Save Diagnostics"), QDir(folder).filePath(name), tr("Zip files (*.zip)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QLatin1String(".zip"), Qt::CaseInsensitive))
        path += QStringLiteral(".zip");
    if (saveTo(path))
        accept();
    else
        QMessageBox::warning(this, tr("Save Diagnostics"), m_status->text());
}
