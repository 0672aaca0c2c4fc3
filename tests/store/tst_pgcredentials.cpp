#include "mlflowstore.h"
#include "sessioncredentials.h"
#include "storefactory.h"
#include "storelocation.h"
#include "storepool.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace Store;

// A server that asks for a password, on the test server (tests/pg/pg-server: role kaizen_pw logs
// in over TCP with SCRAM and the password "kaizen-secret"): opening without one, or with a wrong
// one, fails with NeedsPassword; the password given in this session opens the store and every
// connection its pool opens later; libpq's PGPASSWORD and ~/.pgpass still work; the command
// line fails with its message and exit status instead of asking.
class TestPgCredentials : public QObject
{
    Q_OBJECT

private:
    static constexpr const char *Secret = "kaizen-secret";
    // The store as kaizen_pw names it, with `password` if not empty.
    QString url(const QString &password = {}) const
    {
        QUrl server(m_database);
        server.setUserName(QStringLiteral("kaizen_pw"));
        server.setPassword(password);
        return server.toString();
    }

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void withoutPasswordItNeedsOne();
    void wrongPasswordNeedsOne();
    void otherFailuresAreNoPasswordQuestion();
    void sessionPasswordOpensTheStore();
    void poolConnectionsKeepTheUrisPassword();
    void libpqFindsItsOwnPasswordsWhenNoneWasGiven();
    void sessionPasswordComesBeforePgpassword();
    void commandLineFailsWithoutAsking();

private:
    QTemporaryDir m_dir;
    QString m_database;
};

void TestPgCredentials::initTestCase()
{
    if (TestSupport::postgresServer().isEmpty())
        QSKIP("No PostgreSQL server (KAIZEN_TEST_PG_URL; ctest runs this through tests/pg/pg-test-env)");
    QVERIFY(m_dir.isValid());
    m_database = TestSupport::postgresFromSqlite(
        TestSupport::fixturePath(QStringLiteral("mlflow-2.8-2d6e25af4d3e-empty.db")));
    QVERIFY(!m_database.isEmpty());
}

void TestPgCredentials::init()
{
    // Only what a test gives: no password of the environment or of the user's ~/.pgpass.
    qunsetenv("PGPASSWORD");
    qputenv("PGPASSFILE", m_dir.filePath(QStringLiteral("no-pgpass")).toUtf8());
    SessionCredentials::forgetAll();
}

void TestPgCredentials::cleanup()
{
    qunsetenv("PGPASSWORD");
    SessionCredentials::forgetAll();
}

void TestPgCredentials::withoutPasswordItNeedsOne()
{
    const auto store = openStore(url());
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::NeedsPassword);
    // Where libpq looks, for the command line's user.
    QVERIFY2(store.error().message.contains(QLatin1String("~/.pgpass")), qPrintable(store.error().message));
    QVERIFY2(store.error().message.contains(Location::normalize(url())), qPrintable(store.error().message));
}

void TestPgCredentials::wrongPasswordNeedsOne()
{
    const auto store = openStore(url(QStringLiteral("not-the-secret")));
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::NeedsPassword);
    QVERIFY2(store.error().message.contains(QLatin1String("password authentication failed")),
             qPrintable(store.error().message));
    QVERIFY(!store.error().message.contains(QLatin1String("not-the-secret")));
    // A wrong one kept for the session is the same question.
    SessionCredentials::setPassword(url(), QStringLiteral("not-the-secret"));
    const auto kept = openStore(url());
    QVERIFY(!kept.ok());
    QCOMPARE(kept.error().code, Error::NeedsPassword);
}

void TestPgCredentials::otherFailuresAreNoPasswordQuestion()
{
    // The right password for a database that is not there: failed after the password was taken.
    QUrl missing(url(QLatin1String(Secret)));
    missing.setPath(QStringLiteral("/kaizen_no_such_database"));
    const auto store = openStore(missing.toString());
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Io);
    QVERIFY2(store.error().message.contains(QLatin1String("does not exist")),
             qPrintable(store.error().message));
}

void TestPgCredentials::sessionPasswordOpensTheStore()
{
    const QString name = Location::normalize(url());
    SessionCredentials::setPassword(name, QLatin1String(Secret));
    const auto store = openStore(name);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    QCOMPARE((*store)->location(), name);
    QVERIFY((*store)->experiments().ok());
    // The driver SQLAlchemy's spelling names is the same store, with the same password.
    QString psycopg2 = name;
    psycopg2.replace(0, psycopg2.indexOf(QLatin1String("://")), QStringLiteral("postgresql+psycopg2"));
    QVERIFY(openStore(psycopg2).ok());
    // Registry writes open the store again by its name, writable.
    const auto writable = openStore(name, {.writable = true});
    QVERIFY(writable.ok());
    QVERIFY2((*writable)->registryWritability().ok(), qPrintable((*writable)->registryWritability().message));
    SessionCredentials::forget(name);
    const auto forgotten = openStore(name);
    QVERIFY(!forgotten.ok());
    QCOMPARE(forgotten.error().code, Error::NeedsPassword);
}

void TestPgCredentials::poolConnectionsKeepTheUrisPassword()
{
    // The window opens `kaizen postgresql://user:password@...` through a pool named without the
    // password; connections it opens later, for other loaders at once, must still have it.
    const auto pool = StorePool::create(url(QLatin1String(Secret)));
    QVERIFY(!pool->location().contains(QLatin1String(Secret)));
    auto first = pool->acquire();
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error().message));
    auto second = pool->acquire(); // the first is on loan: a new connection
    QVERIFY2(second.ok(), second.ok() ? "" : qPrintable(second.error().message));
    QVERIFY((*second)->runs({}).ok());
    QCOMPARE(pool->idleCount(), 0);
}

void TestPgCredentials::libpqFindsItsOwnPasswordsWhenNoneWasGiven()
{
    qputenv("PGPASSWORD", Secret);
    const auto fromEnvironment = openStore(url());
    QVERIFY2(fromEnvironment.ok(), fromEnvironment.ok() ? "" : qPrintable(fromEnvironment.error().message));
    qunsetenv("PGPASSWORD");

    // ~/.pgpass (here PGPASSFILE): host:port:database:user:password, readable by its owner only.
    const QUrl server(m_database);
    QFile pgpass(m_dir.filePath(QStringLiteral("pgpass")));
    QVERIFY(pgpass.open(QIODevice::WriteOnly));
    pgpass.write(QStringLiteral("%1:%2:*:kaizen_pw:%3\n")
                     .arg(server.host())
                     .arg(server.port())
                     .arg(QLatin1String(Secret))
                     .toUtf8());
    pgpass.close();
    QVERIFY(pgpass.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
    qputenv("PGPASSFILE", pgpass.fileName().toUtf8());
    const auto fromPgpass = openStore(url());
    QVERIFY2(fromPgpass.ok(), fromPgpass.ok() ? "" : qPrintable(fromPgpass.error().message));
}

void TestPgCredentials::sessionPasswordComesBeforePgpassword()
{
    // Typed when the server asked: it wins over a stale PGPASSWORD, as a URI's password does.
    qputenv("PGPASSWORD", "stale");
    const auto stale = openStore(url());
    QVERIFY(!stale.ok());
    QCOMPARE(stale.error().code, Error::NeedsPassword);
    SessionCredentials::setPassword(url(), QLatin1String(Secret));
    const auto store = openStore(url());
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
}

void TestPgCredentials::commandLineFailsWithoutAsking()
{
    QProcess kaizen;
    kaizen.setProcessEnvironment(QProcessEnvironment::systemEnvironment()); // PGPASSFILE of init()
    kaizen.start(TestSupport::kaizenBinary(), {QStringLiteral("experiments"), url()});
    QVERIFY(kaizen.waitForStarted());
    kaizen.closeWriteChannel(); // a terminal's question would wait here: it must not ask
    QElapsedTimer timer;
    timer.start();
    QVERIFY(kaizen.waitForFinished(20000));
    QVERIFY(timer.elapsed() < 10000);
    QCOMPARE(kaizen.exitStatus(), QProcess::NormalExit);
    QCOMPARE(kaizen.exitCode(), 3); // the store cannot be read
    const QString error = QString::fromUtf8(kaizen.readAllStandardError());
    QVERIFY2(error.contains(QLatin1String("password")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("~/.pgpass")), qPrintable(error));
    QVERIFY(kaizen.readAllStandardOutput().isEmpty());
}

QTEST_GUILESS_MAIN(TestPgCredentials)
#include "tst_pgcredentials.moc"
