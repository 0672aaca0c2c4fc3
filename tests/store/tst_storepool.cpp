#include "storelocation.h"
#include "storepool.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Store;

// Loaders borrow connections from a pool instead of opening the store for every task.
class TestStorePool : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void returnedConnectionIsReused();
    void concurrentLeasesGetTheirOwnConnection();
    void replacedOrRemovedStoreIsOpenedAnew();
    void sharedPoolIsOnePerStore();
    void openErrorsReachTheCaller();

private:
    QTemporaryDir m_dir;
    QString m_store;
};

void TestStorePool::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), m_dir);
    QVERIFY(!m_store.isEmpty());
}

void TestStorePool::returnedConnectionIsReused()
{
    const auto pool = StorePool::create(m_store);
    const MlflowStore *first = nullptr;
    {
        auto lease = pool->acquire();
        QVERIFY(lease.ok());
        first = lease->get();
        QCOMPARE((*lease)->runs({})->size(), 26);
        QCOMPARE(pool->idleCount(), 0);
    }
    QCOMPARE(pool->idleCount(), 1);
    auto again = pool->acquire();
    QVERIFY(again.ok());
    QCOMPARE(again->get(), first);
}

void TestStorePool::concurrentLeasesGetTheirOwnConnection()
{
    const auto pool = StorePool::create(m_store);
    auto a = pool->acquire();
    auto b = pool->acquire();
    QVERIFY(a.ok() && b.ok());
    QVERIFY(a->get() != b->get());
    // Each thread reads on its own lease at the same time.
    int countA = 0, countB = 0;
    std::thread ta([&] { countA = int((*a)->runs({})->size()); });
    std::thread tb([&] { countB = int((*b)->runs({})->size()); });
    ta.join();
    tb.join();
    QCOMPARE(countA, 26);
    QCOMPARE(countB, 26);
}

void TestStorePool::replacedOrRemovedStoreIsOpenedAnew()
{
    QTemporaryDir dir;
    const QString path = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), dir);
    const auto pool = StorePool::create(path);
    {
        auto lease = pool->acquire();
        QVERIFY(lease.ok());
        QCOMPARE((*lease)->runs({})->size(), 26);
    }
    QCOMPARE(pool->idleCount(), 1);

    // Replaced by another store (a new file at the same path): the old connection is not reused.
    QVERIFY(QFile::remove(path));
    QVERIFY(QFile::copy(TestSupport::fixturePath(QStringLiteral("mlflow-2.8-2d6e25af4d3e-empty.db")), path));
    {
        auto lease = pool->acquire();
        QVERIFY(lease.ok());
        QCOMPARE((*lease)->runs({})->size(), 0);
    }

    // Removed: the pool says so rather than reading the deleted file through an old connection.
    QVERIFY(QFile::remove(path));
    const auto gone = pool->acquire();
    QVERIFY(!gone.ok());
    QCOMPARE(gone.error().code, Error::NotFound);
}

void TestStorePool::sharedPoolIsOnePerStore()
{
    const auto a = StorePool::shared(m_store);
    const auto b = StorePool::shared(QStringLiteral("sqlite:///") + m_store);
    const QString relative = QDir::current().relativeFilePath(m_store);
    const auto c = StorePool::shared(relative);
    QCOMPARE(a.get(), b.get());
    QCOMPARE(a.get(), c.get());
    QCOMPARE(a->location(), Location::normalize(m_store));
    // Another busy timeout is another pool: its connections wait differently.
    QVERIFY(StorePool::shared(m_store, {100}).get() != a.get());
}

void TestStorePool::openErrorsReachTheCaller()
{
    const auto pool = StorePool::create(m_dir.filePath(QStringLiteral("missing.db")));
    const auto lease = pool->acquire();
    QVERIFY(!lease.ok());
    QCOMPARE(lease.error().code, Error::NotFound);
    QCOMPARE(pool->idleCount(), 0);
}

QTEST_GUILESS_MAIN(TestStorePool)
#include "tst_storepool.moc"
