#include "sessioncredentials.h"
#include "storelocation.h"
#include "storepool.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace Store;

// The passwords given while Kaizen runs: kept by the store's one name, whichever way its URI was
// written, and only in memory. (tst_pgcredentials opens stores with them on a real server.)
class TestSessionCredentials : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { SessionCredentials::forgetAll(); }
    void setGetForget();
    void oneStoreWhicheverSpelling();
    void keepTakesThePasswordOutOfTheUri();
    void keepWithoutPasswordKeepsTheOneGivenBefore();
    void localStoresHaveNone();
    void poolNamesItsStoreWithoutThePassword();
    void threadsShareThem();
};

void TestSessionCredentials::setGetForget()
{
    const QString store = QStringLiteral("postgresql://ana@db.example:5432/mlflow");
    QVERIFY(!SessionCredentials::password(store));
    SessionCredentials::setPassword(store, QStringLiteral("s3cret"));
    QCOMPARE(SessionCredentials::password(store), std::optional(QStringLiteral("s3cret")));
    SessionCredentials::setPassword(store, QStringLiteral("other"));
    QCOMPARE(SessionCredentials::password(store), std::optional(QStringLiteral("other")));
    // Another user, host, port or database is another store.
    QVERIFY(!SessionCredentials::password(QStringLiteral("postgresql://bo@db.example:5432/mlflow")));
    QVERIFY(!SessionCredentials::password(QStringLiteral("postgresql://ana@db.example:5433/mlflow")));
    QVERIFY(!SessionCredentials::password(QStringLiteral("postgresql://ana@db.example:5432/other")));
    SessionCredentials::forget(store);
    QVERIFY(!SessionCredentials::password(store));
}

void TestSessionCredentials::oneStoreWhicheverSpelling()
{
    SessionCredentials::setPassword(QStringLiteral("postgresql+psycopg2://ana@db/mlflow"),
                                    QStringLiteral("pw"));
    QCOMPARE(SessionCredentials::password(QStringLiteral("postgresql://ana@db/mlflow")),
             std::optional(QStringLiteral("pw")));
    QCOMPARE(SessionCredentials::password(QStringLiteral("postgres://ana:stale@db/mlflow")),
             std::optional(QStringLiteral("pw")));
    SessionCredentials::forget(QStringLiteral("POSTGRESQL://ana@db/mlflow"));
    QVERIFY(!SessionCredentials::password(QStringLiteral("postgresql://ana@db/mlflow")));
}

void TestSessionCredentials::keepTakesThePasswordOutOfTheUri()
{
    // Percent-encoded as a URI must write ':' '@' '/' in a password; kept decoded, as libpq reads it.
    const QString uri
        = QStringLiteral("postgresql+psycopg2://ana:p%40ss%3Aw%2Ford@db.example/mlflow?sslmode=require");
    const QString name = SessionCredentials::keep(uri);
    QCOMPARE(name, QStringLiteral("postgresql://ana@db.example/mlflow?sslmode=require"));
    QCOMPARE(name, Location::normalize(uri));
    QCOMPARE(SessionCredentials::password(name), std::optional(QStringLiteral("p@ss:w/ord")));
}

void TestSessionCredentials::keepWithoutPasswordKeepsTheOneGivenBefore()
{
    SessionCredentials::keep(QStringLiteral("postgresql://ana:first@db/mlflow"));
    QCOMPARE(SessionCredentials::keep(QStringLiteral("postgresql://ana@db/mlflow")),
             QStringLiteral("postgresql://ana@db/mlflow"));
    QCOMPARE(SessionCredentials::password(QStringLiteral("postgresql://ana@db/mlflow")),
             std::optional(QStringLiteral("first")));
    SessionCredentials::keep(QStringLiteral("postgresql://ana:second@db/mlflow"));
    QCOMPARE(SessionCredentials::password(QStringLiteral("postgresql://ana@db/mlflow")),
             std::optional(QStringLiteral("second")));
}

void TestSessionCredentials::localStoresHaveNone()
{
    QCOMPARE(SessionCredentials::keep(QStringLiteral("/data/./mlflow.db")),
             QStringLiteral("/data/mlflow.db"));
    QCOMPARE(SessionCredentials::keep(QStringLiteral("s3://bucket/x")), QStringLiteral("s3://bucket/x"));
    QVERIFY(!SessionCredentials::password(QStringLiteral("/data/mlflow.db")));
}

void TestSessionCredentials::poolNamesItsStoreWithoutThePassword()
{
    // The pool opens its connections later, by name: the password waits in the credentials.
    const auto pool = StorePool::shared(QStringLiteral("postgresql://ana:s3cret@db.invalid/mlflow"));
    QCOMPARE(pool->location(), QStringLiteral("postgresql://ana@db.invalid/mlflow"));
    QCOMPARE(SessionCredentials::password(pool->location()), std::optional(QStringLiteral("s3cret")));
    // Named again with another password: the same pool, the newer password.
    QCOMPARE(StorePool::shared(QStringLiteral("postgresql://ana:n3w@db.invalid/mlflow")), pool);
    QCOMPARE(SessionCredentials::password(pool->location()), std::optional(QStringLiteral("n3w")));
    const auto own = StorePool::create(QStringLiteral("postgresql+psycopg2://bo:pw@db.invalid/mlflow"));
    QCOMPARE(own->location(), QStringLiteral("postgresql://bo@db.invalid/mlflow"));
    QCOMPARE(SessionCredentials::password(own->location()), std::optional(QStringLiteral("pw")));
}

void TestSessionCredentials::threadsShareThem()
{
    // Loaders' workers read while the GUI thread sets and forgets (run under the sanitizers).
    std::atomic<int> wrong = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([t, &wrong] {
            const QString store = QStringLiteral("postgresql://u%1@db/mlflow").arg(t);
            for (int i = 0; i < 500; ++i) {
                SessionCredentials::setPassword(store, QString::number(i));
                if (SessionCredentials::password(store) != std::optional(QString::number(i)))
                    ++wrong;
                SessionCredentials::password(QStringLiteral("postgresql://u%1@db/mlflow").arg((t + 1) % 4));
                if (i % 7 == 0)
                    SessionCredentials::forget(store);
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

QTEST_GUILESS_MAIN(TestSessionCredentials)
#include "tst_sessioncredentials.moc"
