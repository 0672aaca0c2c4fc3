#include "appsettings.h"
#include "opendatabasedialog.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

// File › Open Database…: the URI it builds from the fields or takes pasted, what it remembers
// (never the password), and the same dialog asking for a password.
class TestOpenDatabaseDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void uriFromFields_data();
    void uriFromFields();
    void pastedUri_data();
    void pastedUri();
    void openNeedsAHostAndADatabase();
    void keyboard();
    void remembersAllButThePassword();
    void asksForAPassword();

private:
    struct Fields
    {
        QLineEdit *host;
        QSpinBox *port;
        QLineEdit *database;
        QLineEdit *user;
        QLineEdit *uri;
        QLineEdit *password;
        QPushButton *open;
        QLabel *problem;
    };
    static Fields fieldsOf(const OpenDatabaseDialog &dialog)
    {
        const auto edit
            = [&](const char *name) { return dialog.findChild<QLineEdit *>(QLatin1String(name)); };
        Fields fields {edit("databaseHost"),
                       dialog.findChild<QSpinBox *>(QStringLiteral("databasePort")),
                       edit("databaseName"),
                       edit("databaseUser"),
                       edit("databaseUri"),
                       edit("databasePassword"),
                       nullptr,
                       dialog.findChild<QLabel *>(QStringLiteral("databaseProblem"))};
        for (QPushButton *button : dialog.findChildren<QPushButton *>()) {
            if (button->isDefault())
                fields.open = button;
        }
        return fields;
    }

    QTemporaryDir m_dir;
};

void TestOpenDatabaseDialog::uriFromFields_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("uri");
    QTest::addRow("all") << "db.example" << 5433 << "mlflow"
                         << "ana"
                         << "s3cret"
                         << "postgresql://ana:s3cret@db.example:5433/mlflow";
    QTest::addRow("no password") << "db.example" << 5432 << "mlflow"
                                 << "ana"
                                 << ""
                                 << "postgresql://ana@db.example:5432/mlflow";
    QTest::addRow("no user") << "127.0.0.1" << 5432 << "mlflow"
                             << ""
                             << ""
                             << "postgresql://127.0.0.1:5432/mlflow";
    QTest::addRow("spaces around") << "  db.example " << 5432 << " mlflow "
                                   << " ana "
                                   << ""
                                   << "postgresql://ana@db.example:5432/mlflow";
    // What a URI must escape in a user, password or database name is escaped (checked by reading
    // the URI back, as libpq does, rather than spelt out).
    QTest::addRow("escaped") << "db" << 5432 << "team runs"
                             << "ana@corp"
                             << "p@ss:w/rd%41?#"
                             << "";
    QTest::addRow("IPv6") << "::1" << 5432 << "mlflow"
                          << "ana"
                          << ""
                          << "postgresql://ana@[::1]:5432/mlflow";
}

void TestOpenDatabaseDialog::uriFromFields()
{
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, database);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QFETCH(QString, uri);
    OpenDatabaseDialog dialog;
    const Fields fields = fieldsOf(dialog);
    QVERIFY(fields.host && fields.port && fields.database && fields.user && fields.uri && fields.password);
    QVERIFY(fields.open);
    QCOMPARE(fields.port->value(), 5432); // PostgreSQL's
    QCOMPARE(fields.password->echoMode(), QLineEdit::Password);
    fields.host->setText(host);
    fields.port->setValue(port);
    fields.database->setText(database);
    fields.user->setText(user);
    fields.password->setText(password);
    if (!uri.isEmpty())
        QCOMPARE(dialog.uri(), uri);
    const QUrl built(dialog.uri(), QUrl::StrictMode);
    QVERIFY2(built.isValid(), qPrintable(built.errorString()));
    QCOMPARE(built.scheme(), QStringLiteral("postgresql"));
    QCOMPARE(built.host(), host.trimmed());
    QCOMPARE(built.port(), port);
    QCOMPARE(built.path(), QLatin1Char('/') + database.trimmed());
    QCOMPARE(built.userName(), user.trimmed());
    QCOMPARE(built.password(), password);
    QCOMPARE(dialog.password(), password);
    QVERIFY(fields.open->isEnabled());
    QVERIFY(fields.problem->isHidden());
}

void TestOpenDatabaseDialog::pastedUri_data()
{
    QTest::addColumn<QString>("pasted");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("uri");
    QTest::addRow("as MLflow writes it") << "postgresql+psycopg2://ana@db/mlflow?sslmode=require"
                                         << ""
                                         << "postgresql+psycopg2://ana@db/mlflow?sslmode=require";
    QTest::addRow("with its password") << " postgresql://ana:pw@db/mlflow "
                                       << ""
                                       << "postgresql://ana:pw@db/mlflow";
    QTest::addRow("password typed") << "postgres://ana@db:6543/mlflow"
                                    << "p@ss"
                                    << "postgres://ana:p%40ss@db:6543/mlflow";
    QTest::addRow("typed one wins") << "postgresql://ana:old@db/mlflow"
                                    << "new"
                                    << "postgresql://ana:new@db/mlflow";
}

void TestOpenDatabaseDialog::pastedUri()
{
    QFETCH(QString, pasted);
    QFETCH(QString, password);
    QFETCH(QString, uri);
    OpenDatabaseDialog dialog;
    const Fields fields = fieldsOf(dialog);
    fields.host->setText(QStringLiteral("ignored"));
    fields.database->setText(QStringLiteral("ignored"));
    fields.uri->setText(pasted);
    fields.password->setText(password);
    QCOMPARE(dialog.uri(), uri);
    QVERIFY(fields.open->isEnabled());
    // The URI stands for the fields: they wait, greyed out, until it is cleared.
    QVERIFY(!fields.host->isEnabled());
    QVERIFY(!fields.port->isEnabled());
    QVERIFY(fields.password->isEnabled());
    fields.uri->clear();
    QVERIFY(fields.host->isEnabled());
    QVERIFY(dialog.uri().startsWith(QLatin1String("postgresql://")));
    QVERIFY(dialog.uri().contains(QLatin1String("ignored:5432/ignored")));
}

void TestOpenDatabaseDialog::openNeedsAHostAndADatabase()
{
    OpenDatabaseDialog dialog;
    const Fields fields = fieldsOf(dialog);
    QVERIFY(!fields.open->isEnabled());
    QVERIFY(dialog.uri().isEmpty());
    fields.host->setText(QStringLiteral("db"));
    QVERIFY(!fields.open->isEnabled()); // no database yet
    fields.database->setText(QStringLiteral("mlflow"));
    QVERIFY(fields.open->isEnabled());
    fields.host->setText(QStringLiteral("bad host"));
    QVERIFY(!fields.open->isEnabled());
    QVERIFY(fields.problem->isVisibleTo(&dialog));
    // A pasted URI must name a PostgreSQL database: the problem says what to write.
    for (const QString &text : {QStringLiteral("sqlite:///mlflow.db"), QStringLiteral("/data/mlflow.db"),
                                QStringLiteral("mysql://ana@db/mlflow"), QStringLiteral("postgresql://")}) {
        fields.uri->setText(text);
        QVERIFY2(!fields.open->isEnabled(), qPrintable(text));
        QVERIFY2(dialog.uri().isEmpty(), qPrintable(text));
        QVERIFY(fields.problem->isVisibleTo(&dialog));
        QVERIFY(fields.problem->text().contains(QLatin1String("postgresql://")));
    }
    fields.uri->setText(QStringLiteral("postgresql://ana@db/mlflow"));
    QVERIFY(fields.open->isEnabled());
    QVERIFY(!fields.problem->isVisibleTo(&dialog));
}

void TestOpenDatabaseDialog::keyboard()
{
    OpenDatabaseDialog dialog;
    const Fields fields = fieldsOf(dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    // Tab goes down the fields, from the host to the password.
    fields.host->setFocus();
    const QList<QWidget *> order
        = {fields.host, fields.port, fields.database, fields.user, fields.uri, fields.password};
    for (qsizetype i = 1; i < order.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), order.at(i));
    }
    // Typed and opened with Enter.
    fields.host->setFocus();
    QTest::keyClicks(fields.host, QStringLiteral("db"));
    QTest::keyClick(fields.host, Qt::Key_Tab);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("mlflow"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("ana"));
    fields.password->setFocus();
    QTest::keyClicks(fields.password, QStringLiteral("pw"));
    QTest::keyClick(fields.password, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.uri(), QStringLiteral("postgresql://ana:pw@db:5432/mlflow"));
}

void TestOpenDatabaseDialog::remembersAllButThePassword()
{
    QSettings file(m_dir.filePath(QStringLiteral("remember.ini")), QSettings::IniFormat);
    {
        AppSettings settings(&file);
        OpenDatabaseDialog dialog;
        dialog.restoreSettings(settings); // nothing yet: PostgreSQL's port, empty fields
        const Fields fields = fieldsOf(dialog);
        QCOMPARE(fields.port->value(), 5432);
        QVERIFY(fields.host->text().isEmpty());
        fields.uri->setText(QStringLiteral("postgresql+psycopg2://ana:s3cret@db.example:5433/mlflow"));
        fields.password->setText(QStringLiteral("typed-secret"));
        dialog.saveSettings(settings);
    }
    file.sync();
    QFile written(file.fileName());
    QVERIFY(written.open(QIODevice::ReadOnly));
    const QByteArray text = written.readAll();
    QVERIFY2(!text.contains("s3cret") && !text.contains("typed-secret"), text.constData());
    AppSettings settings(&file);
    QCOMPARE(settings.value(Settings::DatabaseHost), QStringLiteral("db.example"));
    QCOMPARE(settings.value(Settings::DatabasePort), 5433);
    QCOMPARE(settings.value(Settings::DatabaseName), QStringLiteral("mlflow"));
    QCOMPARE(settings.value(Settings::DatabaseUser), QStringLiteral("ana"));
    OpenDatabaseDialog dialog;
    dialog.restoreSettings(settings);
    const Fields fields = fieldsOf(dialog);
    QCOMPARE(fields.host->text(), QStringLiteral("db.example"));
    QCOMPARE(fields.port->value(), 5433);
    QCOMPARE(fields.database->text(), QStringLiteral("mlflow"));
    QCOMPARE(fields.user->text(), QStringLiteral("ana"));
    QVERIFY(fields.password->text().isEmpty());
    QVERIFY(fields.uri->text().isEmpty());
    // All there: the password is next (or Enter opens).
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(fields.password));
    QCOMPARE(dialog.uri(), QStringLiteral("postgresql://ana@db.example:5433/mlflow"));
}

void TestOpenDatabaseDialog::asksForAPassword()
{
    OpenDatabaseDialog dialog;
    const QString location = QStringLiteral("postgresql://ana@db.example:5433/mlflow?sslmode=require");
    const QString message = QStringLiteral("Cannot connect to the PostgreSQL store %1: <b>fe_sendauth</b>: "
                                           "no password supplied.")
                                .arg(location);
    dialog.askPassword(location, message);
    QVERIFY(dialog.isAskingPassword());
    const Fields fields = fieldsOf(dialog);
    auto *shown = dialog.findChild<QLabel *>(QStringLiteral("databaseMessage"));
    QVERIFY(shown);
    QCOMPARE(shown->text(), message);
    QCOMPARE(shown->textFormat(), Qt::PlainText); // the server's words, not markup
    QVERIFY(dialog.windowTitle().contains(QLatin1String("db.example/mlflow")));
    QCOMPARE(fields.uri->text(), location);
    // Without a password Connect would only be asked again.
    QVERIFY(!fields.open->isEnabled());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget *>(fields.password));
    QTest::keyClicks(fields.password, QStringLiteral("s3cret"));
    QVERIFY(fields.open->isEnabled());
    QTest::keyClick(fields.password, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.uri(), QStringLiteral("postgresql://ana:s3cret@db.example:5433/mlflow?sslmode=require"));
}

QTEST_MAIN(TestOpenDatabaseDialog)
#include "tst_opendatabasedialog.moc"
