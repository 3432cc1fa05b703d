// Adds or edits one backend profile (a platform with a key, or a backend proxy); the key goes
// straight to the keychain and is never shown again.
#pragma once

#include "core/model/Profile.h"

#include <QDialog>

class KeychainAccess;
class QCheckBox;
class ProfileStore;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    // A new profile when `profile` is empty.
    ProfileDialog(ProfileStore *store, const std::optional<Profile> &profile,
                  QWidget *parent = nullptr);

    Profile profile() const;
    QString errorText() const;

    QLineEdit *nameField() const { return m_name; }
    QComboBox *kindField() const { return m_kind; }
    QLineEdit *baseUrlField() const { return m_baseUrl; }
    QComboBox *versionField() const { return m_version; }
    QLineEdit *headerField() const { return m_header; }
    QLineEdit *secretField() const { return m_secret; }
    QCheckBox *rememberField() const { return m_remember; }
    QCheckBox *certificateOverrideField() const { return m_certificateOverride; }
    QLabel *certificateWarning() const { return m_certificateWarning; }

public Q_SLOTS:
    void accept() override;

private:
    void updateKind();
    void showError(const QString &text);
    void setBusy(bool busy);
    QString uniqueId(const QString &name) const;

    ProfileStore *m_store;
    KeychainAccess *m_keychain;
    QString m_id;
    Profile::Platform m_platform = Profile().platform; // the edited one's, or the default
    bool m_editing = false;
    bool m_secretStored = false;
    bool m_managed = false; // set by administrators: only the key can be changed

    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_baseUrl;
    QComboBox *m_version;
    QLabel *m_headerLabel;
    QLineEdit *m_header;
    QLabel *m_secretLabel;
    QLineEdit *m_secret;
    QLabel *m_secretState;
    QCheckBox *m_remember;
    QCheckBox *m_certificateOverride;
    QLabel *m_certificateWarning;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
