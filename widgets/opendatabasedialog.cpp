#include "opendatabasedialog.h"

#include "appsettings.h"
#include "storelocation.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace {

// A URI Kaizen opens as a PostgreSQL store, whichever driver SQLAlchemy's spelling names.
bool isPostgresUri(const QString &text)
{
    const Store::Location location = Store::Location::parse(text);
    return location.kind() == Store::Location::Kind::Server
        && location.scheme().startsWith(QLatin1String("postgres"));
}

} // namespace

OpenDatabaseDialog::OpenDatabaseDialog(QWidget *parent)
    : QDialog(parent),
      m_message(new QLabel(this)),
      m_host(new QLineEdit(this)),
      m_port(new QSpinBox(this)),
      m_database(new QLineEdit(this)),
      m_user(new QLineEdit(this)),
      m_uri(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_problem(new QLabel(this))
{
    setObjectName(QStringLiteral("openDatabaseDialog"));
    setWindowTitle(tr("Open Database"));
    m_message->setObjectName(QStringLiteral("databaseMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // the server's words, never markup
    m_message->hide();
    m_host->setObjectName(QStringLiteral("databaseHost"));
    m_host->setPlaceholderText(QStringLiteral("db.example.com"));
    m_port->setObjectName(QStringLiteral("databasePort"));
    m_port->setRange(1, 65535);
    m_port->setValue(DefaultPort);
    m_database->setObjectName(QStringLiteral("databaseName"));
    m_database->setPlaceholderText(QStringLiteral("mlflow"));
    m_user->setObjectName(QStringLiteral("databaseUser"));
    m_user->setPlaceholderText(tr("your login name"));
    m_uri->setObjectName(QStringLiteral("databaseUri"));
    m_uri->setPlaceholderText(QStringLiteral("postgresql://user@host:5432/database"));
    m_uri->setToolTip(tr("A whole URI, as MLflow's --backend-store-uri writes it "
                         "(postgresql+psycopg2://… too); it stands for the fields above"));
    m_uri->setClearButtonEnabled(true);
    m_password->setObjectName(QStringLiteral("databasePassword"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("optional: ~/.pgpass and PGPASSWORD work too"));
    m_password->setToolTip(tr("Kept in memory until Kaizen quits; never saved"));
    m_problem->setObjectName(QStringLiteral("databaseProblem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b91c1c"));
    m_problem->setWordWrap(true);

    auto *fields = new QFormLayout;
    fields->addRow(tr("&Host:"), m_host);
    fields->addRow(tr("&Port:"), m_port);
    fields->addRow(tr("&Database:"), m_database);
    fields->addRow(tr("U&ser:"), m_user);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    fields->addRow(line);
    fields->addRow(tr("Or &URI:"), m_uri);
    fields->addRow(tr("Pass&word:"), m_password);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this);
    m_open = buttons->button(QDialogButtonBox::Open);
    m_open->setDefault(true); // Enter in any field opens
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addLayout(fields);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    const QList<QWidget *> order = {m_host, m_port, m_database, m_user, m_uri, m_password};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    for (QLineEdit *edit : {m_host, m_database, m_user, m_uri, m_password})
        connect(edit, &QLineEdit::textChanged, this, &OpenDatabaseDialog::updateState);
    connect(m_port, &QSpinBox::valueChanged, this, &OpenDatabaseDialog::updateState);
    updateState();
    setMinimumWidth(460);
}

void OpenDatabaseDialog::askPassword(const QString &location, const QString &message)
{
    m_askingPassword = true;
    setWindowTitle(tr("Password for %1").arg(Store::Location::parse(location).displayName()));
    m_message->setText(message);
    m_message->show();
    m_uri->setText(location);
    m_password->clear();
    m_password->setPlaceholderText({});
    m_open->setText(tr("&Connect"));
    updateState();
    m_password->setFocus();
}

QString OpenDatabaseDialog::password() const
{
    return m_password->text();
}

QString OpenDatabaseDialog::uriWithoutPassword() const
{
    if (const QString pasted = m_uri->text().trimmed(); !pasted.isEmpty())
        return isPostgresUri(pasted) ? pasted : QString();
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host->text().trimmed());
    url.setPort(m_port->value());
    if (const QString user = m_user->text().trimmed(); !user.isEmpty())
        url.setUserName(user); // an empty one would still write "@"
    url.setPath(QLatin1Char('/') + m_database->text().trimmed());
    const QString uri = url.toString(QUrl::FullyEncoded);
    return url.isValid() && !m_database->text().trimmed().isEmpty() && isPostgresUri(uri) ? uri : QString();
}

QString OpenDatabaseDialog::uri() const
{
    const QString uri = uriWithoutPassword();
    if (uri.isEmpty() || password().isEmpty())
        return uri;
    QUrl url(uri);
    url.setPassword(password());
    return url.toString(QUrl::FullyEncoded);
}

void OpenDatabaseDialog::updateState()
{
    // A pasted URI says it all: the fields it stands for are not used.
    const bool pasted = !m_uri->text().trimmed().isEmpty();
    for (QWidget *field : std::initializer_list<QWidget *> {m_host, m_port, m_database, m_user})
        field->setEnabled(!pasted);
    QString problem;
    if (pasted && uriWithoutPassword().isEmpty())
        problem = tr("Not a PostgreSQL URI: write postgresql://user@host:port/database (a password after "
                     "the user as user:password, or in the field below).");
    else if (!pasted && !m_host->text().trimmed().isEmpty() && !m_database->text().trimmed().isEmpty()
             && uriWithoutPassword().isEmpty())
        problem = tr("The host name is not valid.");
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    // Asked for a password, Connect without one would only be asked again.
    m_open->setEnabled(!uriWithoutPassword().isEmpty() && (!m_askingPassword || !password().isEmpty()));
}

void OpenDatabaseDialog::restoreSettings(const AppSettings &settings)
{
    m_host->setText(settings.value(Settings::DatabaseHost));
    m_port->setValue(settings.value(Settings::DatabasePort));
    m_database->setText(settings.value(Settings::DatabaseName));
    m_user->setText(settings.value(Settings::DatabaseUser));
    // Where the user goes next: the first field to fill, or the password (Enter opens).
    QLineEdit *next = m_host->text().isEmpty() ? m_host
        : m_database->text().isEmpty()         ? m_database
                                               : m_password;
    next->setFocus();
}

void OpenDatabaseDialog::saveSettings(AppSettings &settings) const
{
    const Store::Location location = Store::Location::parse(uriWithoutPassword());
    if (location.kind() != Store::Location::Kind::Server)
        return;
    const QUrl url(location.normalized()); // never with a password
    settings.setValue(Settings::DatabaseHost, url.host());
    settings.setValue(Settings::DatabasePort, url.port(DefaultPort));
    settings.setValue(Settings::DatabaseName, url.path().mid(1));
    settings.setValue(Settings::DatabaseUser, url.userName());
}
