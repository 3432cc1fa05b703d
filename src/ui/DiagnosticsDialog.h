// Help, Save Diagnostics: runs the doctor for the open profile, shows each part a bundle would
// hold (what it is, and its exact text), lets the person leave parts out and choose how far back
// sessions go, then saves the zip where they choose.
#pragma once

#include "core/model/Profile.h"
#include "core/system/DiagnosticsBundle.h"
#include "ui/Doctor.h"

#include <QDialog>

class AppSettings;
class Backends;
class ProfileStore;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class SessionHistory;

class DiagnosticsDialog : public QDialog
{
    Q_OBJECT

public:
    // Everything passed in must outlive the dialog; `history` may be null (no sessions part).
    DiagnosticsDialog(AppSettings *settings, ProfileStore *profiles, SessionHistory *history,
                      Backends *backends, const Profile &checked, QWidget *parent = nullptr);

    QListWidget *partList() const { return m_parts; }
    QComboBox *sinceField() const { return m_since; }
    QPlainTextEdit *preview() const { return m_preview; }
    QPushButton *saveButton() const { return m_save; }
    QLabel *status() const { return m_status; }
    bool doctorFinished() const { return m_doctorDone; }

    // The parts ticked, and the time sessions must have finished after (invalid: all).
    QList<DiagnosticsBundle::Part> chosenParts() const;
    QDateTime since() const;
    // Writes the bundle as chosen to `path`; false, with the reason shown, when it could not.
    bool saveTo(const QString &path);

Q_SIGNALS:
    void saved(const QString &path);

private:
    void showPreview();
    void updateSave();
    void chooseFileAndSave();
    DiagnosticsBundle::Inputs inputs() const;

    AppSettings *m_settings;
    ProfileStore *m_profiles;
    SessionHistory *m_history;
    Profile m_checked;
    Doctor *m_doctor;
    QList<DoctorFinding> m_findings;
    bool m_doctorDone = false;
    QListWidget *m_parts;
    QComboBox *m_since;
    QPlainTextEdit *m_preview;
    QLabel *m_status;
    QPushButton *m_save;
};
