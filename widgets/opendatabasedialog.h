#pragma once

#include <QDialog>

class AppSettings;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

// File › Open Database…: where an MLflow store on PostgreSQL is, as host, port, database and user,
// or as a whole postgresql:// (postgresql+psycopg2://) URI pasted in one field, which then
// stands for the fields; and an optional password. It builds the URI the window opens as any
// store. The same dialog asks for the password when a server wants one (askPassword()). The
// password never goes to the settings: the window keeps it for the session only
// (Store::SessionCredentials).
class OpenDatabaseDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int DefaultPort = 5432;

    explicit OpenDatabaseDialog(QWidget *parent = nullptr);

    // Asks for the password of the store at `location` (a URI without a password) after the
    // server refused to connect without one: the URI filled in, the server's `message` above,
    // the password field focused.
    void askPassword(const QString &location, const QString &message);
    bool isAskingPassword() const { return m_askingPassword; }

    // The URI to open: the one pasted, else the one the fields make; with the password typed, if
    // any (percent-encoded), in place of one the pasted URI holds. Empty while the input names no
    // PostgreSQL database (Open is disabled then).
    QString uri() const;
    QString password() const;

    // The last host, port, database and user (never a password).
    void restoreSettings(const AppSettings &settings);
    // Remembers the host, port, database and user of uri(), however it was written.
    void saveSettings(AppSettings &settings) const;

private:
    QString uriWithoutPassword() const;
    void updateState();

    QLabel *m_message;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_uri;
    QLineEdit *m_password;
    QLabel *m_problem;
    QPushButton *m_open;
    bool m_askingPassword = false;
};
