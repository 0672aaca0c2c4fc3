#include "registrystore.h"
#include "registrywriter.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace RegistryStore;

class TestRegistryWriter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void turnOnAndWrite();
    void changesApplyInOrder();
    void busy();
    void offRefusesWrites();
    void conflictWritesNothing();
    void unwritableStore_data();
    void unwritableStore();
    void destructorFinishesQueuedWrites();

private:
    // A store of its own for the running test.
    QString freshStore();
    // Turns writing on for `store` and waits for the answer.
    static bool turnOn(RegistryWriter &writer, const QString &store);

    QTemporaryDir m_dir;
};

void TestRegistryWriter::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestRegistryWriter::freshStore()
{
    return build(m_dir, QString::fromLatin1(QTest::currentTestFunction()) + QLatin1String(".db"));
}

bool TestRegistryWriter::turnOn(RegistryWriter &writer, const QString &store)
{
    QSignalSpy answered(&writer, &RegistryWriter::writabilityChanged);
    writer.setWritable(store, true);
    if (!answered.wait())
        return false;
    const bool writable = answered.first().at(1).toBool();
    if (!writable)
        qWarning("Not writable: %s", qPrintable(answered.first().at(2).toString()));
    return writable;
}

void TestRegistryWriter::turnOnAndWrite()
{
    const QString store = freshStore();
    QVERIFY(!store.isEmpty());
    RegistryWriter writer;
    QVERIFY(!writer.isWritable(store));
    QSignalSpy answered(&writer, &RegistryWriter::writabilityChanged);
    writer.setWritable(store, true);
    QCOMPARE(answered.count(), 0); // answered through the event loop
    QVERIFY(answered.wait());
    QCOMPARE(answered.first().at(0).toString(), store);
    QCOMPARE(answered.first().at(1).toBool(), true);
    QCOMPARE(answered.first().at(2).toString(), QString());
    QVERIFY(writer.isWritable(store));
    QVERIFY(writer.isWritable(QStringLiteral("sqlite:///") + store)); // any spelling of the location

    QSignalSpy applied(&writer, &RegistryWriter::changeApplied);
    QSignalSpy failed(&writer, &RegistryWriter::changeFailed);
    const Store::RegistryChange change
        = stageChange(Classifier, 3, QStringLiteral("Staging"), QStringLiteral("Production"));
    const quint64 request = writer.apply(store, change);
    QVERIFY(request > 0);
    QCOMPARE(writer.pendingCount(), 1);
    QVERIFY(applied.wait());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(applied.first().at(0).value<quint64>(), request);
    QCOMPARE(applied.first().at(1).toString(), store);
    QCOMPARE(applied.first().at(2).value<Store::RegistryChange>().summary, change.summary);
    QVERIFY(applied.first().at(3).value<Store::RegistryWrite>().time != Store::NoTime);
    QCOMPARE(writer.pendingCount(), 0);
    QCOMPARE(stageOf(store, Classifier, 3), QStringLiteral("Production"));
}

void TestRegistryWriter::changesApplyInOrder()
{
    const QString store = freshStore();
    RegistryWriter writer;
    QVERIFY(turnOn(writer, store));
    QSignalSpy applied(&writer, &RegistryWriter::changeApplied);
    QSignalSpy failed(&writer, &RegistryWriter::changeFailed);
    // Each change expects what the one before wrote: out of order, they would conflict.
    const QStringList stages {"None", "Staging", "Production", "Archived", "None"};
    QList<quint64> requests;
    for (int i = 1; i < stages.size(); ++i)
        requests.append(writer.apply(store, stageChange(Classifier, 4, stages.at(i - 1), stages.at(i))));
    QCOMPARE(writer.pendingCount(), 4);
    QTRY_COMPARE(applied.count() + failed.count(), 4);
    QCOMPARE(failed.count(), 0);
    QList<quint64> answered;
    for (const QList<QVariant> &args : std::as_const(applied))
        answered.append(args.at(0).value<quint64>());
    QCOMPARE(answered, requests);
    QVERIFY(std::is_sorted(requests.cbegin(), requests.cend()));
    QCOMPARE(stageOf(store, Classifier, 4), QStringLiteral("None"));
}

void TestRegistryWriter::busy()
{
    const QString store = freshStore();
    RegistryWriter writer;
    QVERIFY(turnOn(writer, store));
    QSignalSpy busy(&writer, &RegistryWriter::busyChanged);
    writer.apply(store, stageChange(Classifier, 4, QStringLiteral("None"), QStringLiteral("Staging")));
    writer.apply(store, stageChange(Classifier, 4, QStringLiteral("Staging"), QStringLiteral("None")));
    QCOMPARE(busy.count(), 1);
    QCOMPARE(busy.first().at(0).toBool(), true);
    QTRY_COMPARE(busy.count(), 2);
    QCOMPARE(busy.last().at(0).toBool(), false);
    QCOMPARE(writer.pendingCount(), 0);
}

void TestRegistryWriter::offRefusesWrites()
{
    const QString store = freshStore();
    RegistryWriter writer;
    QSignalSpy failed(&writer, &RegistryWriter::changeFailed);
    const Store::RegistryChange change
        = stageChange(Classifier, 4, QStringLiteral("None"), QStringLiteral("Staging"));
    // Never turned on.
    writer.apply(store, change);
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(3).value<Store::Error>().code, Store::Error::ReadOnly);
    QVERIFY(!failed.first().at(3).value<Store::Error>().message.isEmpty());

    // Turned on, then off: a change asked for before turning off still applies (it was first).
    QVERIFY(turnOn(writer, store));
    QSignalSpy applied(&writer, &RegistryWriter::changeApplied);
    QSignalSpy answered(&writer, &RegistryWriter::writabilityChanged);
    writer.apply(store, change);
    writer.setWritable(store, false);
    writer.apply(store, stageChange(Classifier, 4, QStringLiteral("Staging"), QStringLiteral("Production")));
    QTRY_COMPARE(failed.count(), 2);
    QCOMPARE(applied.count(), 1);
    QCOMPARE(answered.count(), 1);
    QCOMPARE(answered.first().at(1).toBool(), false);
    QCOMPARE(answered.first().at(2).toString(), QString());
    QVERIFY(!writer.isWritable(store));
    QCOMPARE(failed.last().at(3).value<Store::Error>().code, Store::Error::ReadOnly);
    QCOMPARE(stageOf(store, Classifier, 4), QStringLiteral("Staging"));
}

void TestRegistryWriter::conflictWritesNothing()
{
    const QString store = freshStore();
    RegistryWriter writer;
    QVERIFY(turnOn(writer, store));
    QSignalSpy failed(&writer, &RegistryWriter::changeFailed);
    // The user saw version 3 in Staging; another process moved it to Archived since.
    QVERIFY(setStageBehindTheBack(store, Classifier, 3, QStringLiteral("Archived")));
    writer.apply(store, stageChange(Classifier, 3, QStringLiteral("Staging"), QStringLiteral("Production")));
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(3).value<Store::Error>().code, Store::Error::Conflict);
    QCOMPARE(stageOf(store, Classifier, 3), QStringLiteral("Archived"));
    // The writer goes on with the next change.
    QSignalSpy applied(&writer, &RegistryWriter::changeApplied);
    writer.apply(store, stageChange(Classifier, 3, QStringLiteral("Archived"), QStringLiteral("Production")));
    QVERIFY(applied.wait());
    QCOMPARE(stageOf(store, Classifier, 3), QStringLiteral("Production"));
}

void TestRegistryWriter::unwritableStore_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addRow("missing") << "missing";
    QTest::addRow("newer schema") << "newer";
    QTest::addRow("no registry") << "old";
}

void TestRegistryWriter::unwritableStore()
{
    QFETCH(QString, kind);
    QString store;
    if (kind == QLatin1String("missing")) {
        store = m_dir.filePath(QStringLiteral("no-such.db"));
    } else if (kind == QLatin1String("newer")) {
        store = freshStore();
        Store::SqliteConnection db;
        QVERIFY(db.open(store, Store::SqliteConnection::Mode::ReadWrite, 1000).ok());
        QVERIFY(db.exec("UPDATE alembic_version SET version_num = 'fedcba987654'").ok());
    } else {
        store = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), m_dir);
        QVERIFY(!store.isEmpty());
    }
    RegistryWriter writer;
    QSignalSpy answered(&writer, &RegistryWriter::writabilityChanged);
    writer.setWritable(store, true);
    QVERIFY(answered.wait());
    QCOMPARE(answered.first().at(1).toBool(), false);
    QVERIFY(!answered.first().at(2).toString().isEmpty()); // the reason, for the page to show
    QVERIFY(!writer.isWritable(store));

    QSignalSpy failed(&writer, &RegistryWriter::changeFailed);
    writer.apply(store, stageChange(Classifier, 3, QStringLiteral("Staging"), QStringLiteral("Production")));
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(3).value<Store::Error>().code, Store::Error::ReadOnly);
}

void TestRegistryWriter::destructorFinishesQueuedWrites()
{
    const QString store = freshStore();
    {
        RegistryWriter writer;
        QVERIFY(turnOn(writer, store));
        writer.apply(store, stageChange(Classifier, 4, QStringLiteral("None"), QStringLiteral("Staging")));
        writer.apply(store,
                     stageChange(Classifier, 3, QStringLiteral("Staging"), QStringLiteral("Production")));
    }
    QCOMPARE(stageOf(store, Classifier, 4), QStringLiteral("Staging"));
    QCOMPARE(stageOf(store, Classifier, 3), QStringLiteral("Production"));
}

QTEST_GUILESS_MAIN(TestRegistryWriter)
#include "tst_registrywriter.moc"
