// Adds or edits one backend profile of a platform. What it asks for follows the platform's
// traits (PlatformTraits): the kinds it offers, a project, an address, a user, the services of a
// self-hosted installation. The secret (an API key, a credential, a signing key) goes straight
// to the keychain and is never shown again.
#pragma once

#include "core/model/Profile.h"

#include <QDialog>
#include <QHash>
#include <QMap>

struct AccessTraits;
class KeychainAccess;
class QCheckBox;
class ProfileStore;
class QComboBox;
class QDialogButtonBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QWidget;

class ProfileDialog : public QDialog
{
    Q_OBJECT

public:
    // A new profile when `profile` is empty.
    ProfileDialog(ProfileStore *store, const std::optional<Profile> &profile,
                  QWidget *parent = nullptr);

    Profile profile() const;
    QString errorText() const;
    // Whether `pem` looks like an unencrypted private key in PEM armour (what signing needs).
    static bool looksLikePrivateKey(const QString &pem);

    QLineEdit *nameField() const { return m_name; }
    QComboBox *platformField() const { return m_platformChoice; }
    QComboBox *kindField() const { return m_kind; }
    QLabel *kindDescription() const { return m_kindDescription; }
    QLabel *kindWarning() const { return m_kindWarning; }
    QLineEdit *projectIdField() const { return m_projectId; }
    // The platform's or the backend's address: "Base URL", or Paragon's "Token URL".
    QLineEdit *baseUrlField() const { return m_baseUrl; }
    QLabel *baseUrlLabel() const { return m_baseUrlLabel; }
    QComboBox *versionField() const { return m_version; }
    QLineEdit *userIdField() const { return m_userId; }
    QLineEdit *headerField() const { return m_header; }
    QLineEdit *secretField() const { return m_secret; }
    QPlainTextEdit *signingKeyField() const { return m_signingKey; }
    QPushButton *chooseKeyFileButton() const { return m_chooseKeyFile; }
    QLabel *signingKeyProblem() const { return m_keyProblem; }
    QCheckBox *selfHostedField() const { return m_selfHosted; }
    QLineEdit *environmentField(const QString &service) const
    {
        return m_environments.value(service);
    }
    QCheckBox *rememberField() const { return m_remember; }
    QCheckBox *certificateOverrideField() const { return m_certificateOverride; }
    QLabel *certificateWarning() const { return m_certificateWarning; }

    // Reads a PEM file into the signing key field (what "Choose Key File…" does after asking).
    bool loadKeyFile(const QString &path);

public Q_SLOTS:
    void accept() override;

private:
    void fillKinds();
    void updateKind();
    void checkFields();
    void showError(const QString &text);
    void setBusy(bool busy);
    void addRow(QWidget *label, QWidget *field);
    void showRow(QWidget *field, bool visible);
    void fitHeight();
    const AccessTraits *currentAccess() const;
    Profile::Platform currentPlatform() const;
    QString uniqueId(const QString &name) const;

    ProfileStore *m_store;
    KeychainAccess *m_keychain;
    QString m_id;
    bool m_editing = false;
    bool m_secretStored = false;
    bool m_managed = false; // set by administrators: only the key can be changed

    QGridLayout *m_form = nullptr;
    int m_rows = 0;
    QHash<QWidget *, QWidget *> m_labels; // a field's label in the grid
    QLineEdit *m_name;
    QComboBox *m_platformChoice;
    QComboBox *m_kind;
    QLabel *m_kindDescription;
    QLabel *m_kindWarning;
    QLineEdit *m_projectId;
    QLabel *m_projectIdProblem;
    QLabel *m_baseUrlLabel;
    QLineEdit *m_baseUrl;
    QLabel *m_baseUrlProblem;
    QComboBox *m_version;
    QLineEdit *m_userId;
    QLabel *m_headerLabel;
    QLineEdit *m_header;
    QLabel *m_secretLabel;
    QLineEdit *m_secret;
    QLabel *m_signingKeyLabel;
    QWidget *m_signingKeyRow;
    QPlainTextEdit *m_signingKey;
    QPushButton *m_chooseKeyFile;
    QLabel *m_keyProblem;
    QLabel *m_secretState;
    QCheckBox *m_selfHosted;
    QWidget *m_environmentSection;
    QMap<QString, QLineEdit *> m_environments;
    QLabel *m_environmentProblem;
    QCheckBox *m_remember;
    QCheckBox *m_certificateOverride;
    QLabel *m_certificateWarning;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};
