#include "mlflowstore.h"
#include "storefactory.h"
#include "storelocation.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Store;

namespace {

// A TCP socket on a free port of 127.0.0.1: listening (connections complete in the kernel's
// backlog, and nothing ever answers them) or, once closed, a port nobody listens on.
class LocalPort
{
public:
    LocalPort()
    {
        m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_socket < 0 || ::bind(m_socket, reinterpret_cast<sockaddr *>(&address), length) != 0
            || ::listen(m_socket, 8) != 0
            || ::getsockname(m_socket, reinterpret_cast<sockaddr *>(&address), &length) != 0)
            return;
        m_port = ntohs(address.sin_port);
    }
    ~LocalPort() { close(); }
    LocalPort(const LocalPort &) = delete;
    LocalPort &operator=(const LocalPort &) = delete;
    quint16 port() const { return m_port; }
    void close()
    {
        if (m_socket >= 0)
            ::close(m_socket);
        m_socket = -1;
    }

private:
    int m_socket = -1;
    quint16 m_port = 0;
};

} // namespace

// Bad input for the PostgreSQL backend, on the test server (tests/pg/pg-server): a wrong
// password, a host that does not answer, a database without MLflow's tables, a connection lost
// between reads. Each gives a clear Store::Error, fast, and writes nothing.
class TestPgBadInput : public QObject
{
    Q_OBJECT

private:
    // The server's URL for `database`, as `user` (with `password` if not empty).
    static QString url(const QString &database, const QString &user = QStringLiteral("kaizen"),
                       const QString &password = {})
    {
        QUrl server(TestSupport::postgresServer());
        server.setPath(QLatin1Char('/') + database);
        server.setUserName(user);
        server.setPassword(password);
        return server.toString();
    }

private slots:
    void initTestCase();
    void wrongPasswordIsRefused();
    void passwordFromTheEnvironment();
    void passwordNeverNamesTheStore();
    void hostThatDoesNotAnswerFailsWithinTheTimeout();
    void closedPortFailsAtOnce();
    void databaseWithoutMlflowTables();
    void userWithoutPrivileges();
    void missingDatabase();
    void lostConnectionFailsReadsAndMakesTheStoreStale();
    void connectionLostInTheMiddleOfALoad();
    void readOnlyByDefault();
    void writerWaitsForAnotherWritersLockThenGivesUp();
};

void TestPgBadInput::initTestCase()
{
    if (TestSupport::postgresServer().isEmpty())
        QSKIP("No PostgreSQL server (KAIZEN_TEST_PG_URL; ctest runs this through tests/pg/pg-test-env)");
}

void TestPgBadInput::wrongPasswordIsRefused()
{
    const QString database = TestSupport::newPostgresDatabase();
    QVERIFY(!database.isEmpty());
    const QString name = QUrl(database).path().mid(1);
    QElapsedTimer timer;
    timer.start();
    const auto store = openStore(url(name, QStringLiteral("kaizen_pw"), QStringLiteral("not-the-secret")));
    QVERIFY(!store.ok());
    QVERIFY(timer.elapsed() < 5000);
    QCOMPARE(store.error().code, Error::NeedsPassword); // the window asks for another
    QVERIFY2(store.error().message.contains(QLatin1String("password authentication failed")),
             qPrintable(store.error().message));
    QVERIFY2(!store.error().message.contains(QLatin1String("not-the-secret")),
             qPrintable(store.error().message));
    // No password at all: the message says where libpq looks for one.
    qunsetenv("PGPASSWORD");
    const auto none = openStore(url(name, QStringLiteral("kaizen_pw")));
    QVERIFY(!none.ok());
    QCOMPARE(none.error().code, Error::NeedsPassword);
    QVERIFY2(none.error().message.contains(QLatin1String("~/.pgpass")), qPrintable(none.error().message));
}

void TestPgBadInput::passwordFromTheEnvironment()
{
    const QString database = TestSupport::postgresFromSqlite(
        TestSupport::fixturePath(QStringLiteral("mlflow-2.8-2d6e25af4d3e-empty.db")));
    QVERIFY(!database.isEmpty());
    qputenv("PGPASSWORD", "kaizen-secret");
    const auto store = openStore(url(QUrl(database).path().mid(1), QStringLiteral("kaizen_pw")));
    qunsetenv("PGPASSWORD");
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    const auto experiments = (*store)->experiments();
    QVERIFY(experiments.ok());
    QCOMPARE(experiments->size(), 1); // MLflow's Default
}

void TestPgBadInput::passwordNeverNamesTheStore()
{
    const QString database = TestSupport::postgresFromSqlite(
        TestSupport::fixturePath(QStringLiteral("mlflow-2.8-2d6e25af4d3e-empty.db")));
    QVERIFY(!database.isEmpty());
    const QString name = QUrl(database).path().mid(1);
    for (const QString &scheme : {QStringLiteral("postgresql"), QStringLiteral("postgresql+psycopg2")}) {
        QString withPassword = url(name, QStringLiteral("kaizen_pw"), QStringLiteral("kaizen-secret"));
        withPassword.replace(0, withPassword.indexOf(QLatin1String("://")), scheme);
        const auto store = openStore(withPassword);
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
        QVERIFY(!(*store)->location().contains(QLatin1String("kaizen-secret")));
        QCOMPARE((*store)->location(), Location::normalize(withPassword));
        QVERIFY((*store)->runs({}).ok());
    }
}

void TestPgBadInput::hostThatDoesNotAnswerFailsWithinTheTimeout()
{
    // A port that accepts connections (the kernel's backlog) but never speaks: what a firewall
    // that swallows packets looks like to libpq once it waits for the server.
    LocalPort silent;
    QVERIFY(silent.port() != 0);
    QElapsedTimer timer;
    timer.start();
    const auto store = openStore(QStringLiteral("postgresql://kaizen@127.0.0.1:%1/mlflow").arg(silent.port()),
                                 {.connectTimeoutSeconds = 2});
    const qint64 elapsed = timer.elapsed();
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Io);
    QVERIFY2(elapsed < 6000, qPrintable(QString::number(elapsed)));
    QVERIFY2(store.error().message.contains(QLatin1String("127.0.0.1")), qPrintable(store.error().message));
}

void TestPgBadInput::closedPortFailsAtOnce()
{
    LocalPort reserved;
    const quint16 port = reserved.port();
    QVERIFY(port != 0);
    reserved.close();
    QElapsedTimer timer;
    timer.start();
    const auto store = openStore(QStringLiteral("postgresql://kaizen@127.0.0.1:%1/mlflow").arg(port));
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Io);
    QVERIFY(timer.elapsed() < 2000);
    QVERIFY2(store.error().message.startsWith(QLatin1String("Cannot connect to the PostgreSQL store")),
             qPrintable(store.error().message));
}

void TestPgBadInput::databaseWithoutMlflowTables()
{
    // pg-server creates kaizen_empty: a database without a table.
    const auto store = openStore(url(QStringLiteral("kaizen_empty")));
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::NotMlflow);
    QVERIFY2(store.error().message.contains(QLatin1String("not an MLflow tracking store")),
             qPrintable(store.error().message));
}

void TestPgBadInput::userWithoutPrivileges()
{
    const QString database = TestSupport::newPostgresDatabase();
    QVERIFY(!database.isEmpty());
    QProcess psql;
    psql.start(QStringLiteral("psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), database,
                QStringLiteral("-c"), QStringLiteral("REVOKE SELECT ON runs FROM kaizen_pw")});
    QVERIFY(psql.waitForFinished(30000));
    QCOMPARE(psql.exitCode(), 0);
    const auto store = openStore(
        url(QUrl(database).path().mid(1), QStringLiteral("kaizen_pw"), QStringLiteral("kaizen-secret")));
    QVERIFY(!store.ok());
    QVERIFY2(store.error().message.contains(QLatin1String("may not read")),
             qPrintable(store.error().message));
}

void TestPgBadInput::missingDatabase()
{
    const auto store = openStore(url(QStringLiteral("no_such_database")));
    QVERIFY(!store.ok());
    QCOMPARE(store.error().code, Error::Io);
    QVERIFY2(store.error().message.contains(QLatin1String("no_such_database")),
             qPrintable(store.error().message));
}

void TestPgBadInput::lostConnectionFailsReadsAndMakesTheStoreStale()
{
    QTemporaryDir dir;
    const QString demo = TestSupport::buildDemoStore(dir);
    QVERIFY(!demo.isEmpty());
    const QString database = TestSupport::postgresFromSqlite(demo);
    QVERIFY(!database.isEmpty());
    auto store = openStore(database);
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    QVERIFY((*store)->runs({}).ok());
    QVERIFY(!(*store)->isStale());

    // The server ends the session (a restart, an administrator, a network cut).
    QProcess psql;
    psql.start(QStringLiteral("psql"),
               {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), database,
                QStringLiteral("-c"),
                QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                               "current_database() AND application_name = 'kaizen'")});
    QVERIFY(psql.waitForFinished(30000));
    QCOMPARE(psql.exitCode(), 0);

    const auto runs = (*store)->runs({});
    QVERIFY(!runs.ok());
    QCOMPARE(runs.error().code, Error::Io);
    QVERIFY2(runs.error().message.contains(QLatin1String("connection")), qPrintable(runs.error().message));
    QVERIFY((*store)->isStale()); // a pool connects anew
    QVERIFY(!(*store)->experiments().ok());
    QVERIFY(!(*store)->metricHistory(QStringLiteral("x"), QStringLiteral("y")).ok());
}

// The server goes away while a chart's series are delivered run by run: the read stops with Io
// after the runs already delivered, and nothing hangs.
void TestPgBadInput::connectionLostInTheMiddleOfALoad()
{
    QTemporaryDir dir;
    const QString demo = TestSupport::buildDemoStore(dir);
    QVERIFY(!demo.isEmpty());
    const QString database = TestSupport::postgresFromSqlite(demo);
    QVERIFY(!database.isEmpty());
    auto store = openStore(database);
    QVERIFY(store.ok());
    const auto table = (*store)->runs({});
    QVERIFY(table.ok() && table->size() > 3);
    QStringList runIds;
    for (int row = 0; row < table->size(); ++row)
        runIds.append(table->run(row).runId);

    int delivered = 0;
    QString firstRun;
    const Error error = (*store)->readMetricSeries(runIds, {}, [&](MetricSeries &&series) {
        ++delivered;
        if (!firstRun.isEmpty())
            return;
        firstRun = series.runId;
        QProcess psql; // the administrator ends the session after the first run's series
        psql.start(QStringLiteral("psql"),
                   {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), database,
                    QStringLiteral("-c"),
                    QStringLiteral("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                                   "current_database() AND application_name = 'kaizen'")});
        psql.waitForFinished(30000);
    });
    QCOMPARE(error.code, Error::Io);
    QVERIFY(delivered >= 1);
    QVERIFY((*store)->isStale());
    // A new connection reads the store again.
    auto again = openStore(database);
    QVERIFY(again.ok());
    QVERIFY((*again)->readMetricSeries(runIds, {}, [](MetricSeries &&) {}).ok());
}

void TestPgBadInput::readOnlyByDefault()
{
    QTemporaryDir dir;
    const QString registry
        = TestSupport::buildRegistryStore(dir, QStringLiteral("registry.db"), 1700000000000);
    QVERIFY(!registry.isEmpty());
    const QString database = TestSupport::postgresFromSqlite(registry);
    QVERIFY(!database.isEmpty());
    const QString before = [&] {
        auto store = openStore(database);
        return store ? TestSupport::registryText(**store) : QString();
    }();
    QVERIFY(!before.isEmpty());
    auto store = openStore(database);
    QVERIFY(store.ok());
    QCOMPARE((*store)->registryWritability().code, Error::ReadOnly);
    RegistryChange change;
    change.model = QStringLiteral("churn-classifier");
    change.stages = {{4, QStringLiteral("None"), QStringLiteral("Staging")}};
    const auto written = (*store)->applyRegistryChange(change);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, Error::ReadOnly);
    QCOMPARE(TestSupport::registryText(**store), before);
}

// Another session holds the model's row (a writer in the middle of its change): Kaizen's change
// waits for it as long as the busy timeout, then gives up with Locked and writes nothing.
void TestPgBadInput::writerWaitsForAnotherWritersLockThenGivesUp()
{
    QTemporaryDir dir;
    const QString registry
        = TestSupport::buildRegistryStore(dir, QStringLiteral("registry.db"), 1700000000000);
    QVERIFY(!registry.isEmpty());
    const QString database = TestSupport::postgresFromSqlite(registry);
    QVERIFY(!database.isEmpty());
    auto store = openStore(database, {.busyTimeoutMs = 500, .writable = true});
    QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
    QVERIFY2((*store)->registryWritability().ok(), qPrintable((*store)->registryWritability().message));
    const QString before = TestSupport::registryText(**store);

    QProcess holder;
    holder.start(
        QStringLiteral("psql"),
        {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-d"), database, QStringLiteral("-c"),
         QStringLiteral("BEGIN"), QStringLiteral("-c"),
         QStringLiteral("SELECT 1 FROM registered_models WHERE name = 'churn-classifier' FOR UPDATE"),
         QStringLiteral("-c"), QStringLiteral("SELECT pg_sleep(5)"), QStringLiteral("-c"),
         QStringLiteral("COMMIT")});
    const auto lockHeld = [&] {
        QProcess query;
        query.start(
            QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-A"), QStringLiteral("-t"), QStringLiteral("-d"), database,
             QStringLiteral("-c"),
             QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(5)' "
                            "AND datname = current_database()")});
        return query.waitForFinished(10000) && query.readAllStandardOutput().trimmed() == "1";
    };
    QTRY_VERIFY_WITH_TIMEOUT(lockHeld(), 10000);

    RegistryChange change;
    change.model = QStringLiteral("churn-classifier");
    change.stages = {{4, QStringLiteral("None"), QStringLiteral("Staging")}};
    QElapsedTimer timer;
    timer.start();
    const auto written = (*store)->applyRegistryChange(change);
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, Error::Locked);
    QVERIFY(timer.elapsed() >= 400 && timer.elapsed() < 4000);
    QVERIFY2(written.error().message.contains(QLatin1String("Nothing was changed")),
             qPrintable(written.error().message));
    QVERIFY(holder.waitForFinished(20000));
    QCOMPARE(TestSupport::registryText(**store), before);
    // Once the other writer is done, the same change goes through.
    QVERIFY((*store)->applyRegistryChange(change).ok());
}

QTEST_GUILESS_MAIN(TestPgBadInput)
#include "tst_pgbadinput.moc"
