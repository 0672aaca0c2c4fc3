#include "demostore.h"
#include "nestedrunsstore.h"
#include "runloader.h"
#include "sqlitehandle.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace NestedRunsStore;

class TestRunLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void experiments();
    void newerSchemaGivesNotice();
    void openFailure_data();
    void openFailure();
    void firstRowsThenAll();
    void smallSetArrivesOnce();
    void supersededLoadIsDropped();
    void newLocationCancelsLoad();
    void cancel();
    void datasets();

private:
    static Store::RunQuery queryFor(const QString &experimentId);

    QTemporaryDir m_dir;
    QString m_demo;
    QString m_nested;
    QString m_fixture;
};

Store::RunQuery TestRunLoader::queryFor(const QString &experimentId)
{
    Store::RunQuery query;
    query.experimentIds = {experimentId};
    return query;
}

void TestRunLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_demo = TestSupport::buildDemoStore(m_dir);
    QVERIFY(!m_demo.isEmpty());
    m_nested = build(m_dir);
    QVERIFY(!m_nested.isEmpty());
    m_fixture = TestSupport::fixturePath(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"));
}

void TestRunLoader::experiments()
{
    RunLoader loader;
    loader.setLocation(QStringLiteral("sqlite:///") + m_demo);
    QSignalSpy notice(&loader, &RunLoader::noticeChanged);
    QSignalSpy loaded(&loader, &RunLoader::experimentsLoaded);
    QSignalSpy failed(&loader, &RunLoader::loadFailed);
    loader.loadExperiments(Store::ViewType::All);
    QVERIFY(loaded.wait());
    const auto experiments = loaded.takeFirst().at(0).value<Store::ExperimentList>();
    QCOMPARE(experiments.size(), Store::DemoStore::Counts::Experiments);
    QCOMPARE(notice.count(), 1);
    QCOMPARE(notice.first().at(0).toString(), QString());
    QCOMPARE(failed.count(), 0);
}

void TestRunLoader::newerSchemaGivesNotice()
{
    const QString path = m_dir.filePath(QStringLiteral("newer.db"));
    QVERIFY(QFile::copy(m_nested, path));
    {
        Store::SqliteConnection db;
        QCOMPARE(db.open(path, Store::SqliteConnection::Mode::ReadWrite, 1000).code, Store::Error::None);
        QCOMPARE(db.exec("UPDATE alembic_version SET version_num = 'fedcba987654'").code, Store::Error::None);
    }
    RunLoader loader;
    loader.setLocation(path);
    QSignalSpy notice(&loader, &RunLoader::noticeChanged);
    QSignalSpy loaded(&loader, &RunLoader::experimentsLoaded);
    loader.loadExperiments();
    QVERIFY(loaded.wait());
    QCOMPARE(notice.count(), 1);
    QVERIFY(notice.first().at(0).toString().contains(QStringLiteral("fedcba987654")));
}

void TestRunLoader::openFailure_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("code");
    QTest::addRow("missing") << "no-such.db" << int(Store::Error::NotFound);
    QTest::addRow("folder") << "." << int(Store::Error::IsDirectory);
}

void TestRunLoader::openFailure()
{
    QFETCH(QString, name);
    QFETCH(int, code);
    RunLoader loader;
    loader.setLocation(m_dir.filePath(name));
    QSignalSpy loaded(&loader, &RunLoader::experimentsLoaded);
    QSignalSpy failed(&loader, &RunLoader::loadFailed);
    loader.loadExperiments();
    // Never delivered from inside the call, however fast the failure: callers finish setting
    // up first (this once lost the error of a missing file).
    QCOMPARE(failed.count(), 0);
    QVERIFY(failed.wait());
    const auto error = failed.first().at(0).value<Store::Error>();
    QCOMPARE(int(error.code), code);
    QVERIFY(!error.message.isEmpty());
    QCOMPARE(loaded.count(), 0);

    // Runs of a store that cannot be opened fail the same way, and loading ends.
    QSignalSpy loading(&loader, &RunLoader::loadingChanged);
    loader.loadRuns({});
    QVERIFY(loader.isLoading());
    QVERIFY(failed.wait());
    QVERIFY(!loader.isLoading());
    QCOMPARE(loading.count(), 2);
}

void TestRunLoader::firstRowsThenAll()
{
    RunLoader loader;
    loader.setLocation(m_fixture);
    loader.setFirstRowsLimit(5);
    QSignalSpy first(&loader, &RunLoader::firstRunsLoaded);
    QSignalSpy all(&loader, &RunLoader::runsLoaded);
    QSignalSpy progress(&loader, &RunLoader::progressChanged);
    QSignalSpy loading(&loader, &RunLoader::loadingChanged);
    loader.loadRuns({});
    QVERIFY(loader.isLoading());
    QVERIFY(all.wait());
    QCOMPARE(first.count(), 1);
    const auto firstRuns = first.first().at(0).value<Store::RunTable>();
    const auto allRuns = all.first().at(0).value<Store::RunTable>();
    QCOMPARE(firstRuns.size(), 5);
    QCOMPARE(allRuns.size(), 26);
    // The first rows are the head of the whole set, values included.
    for (int row = 0; row < firstRuns.size(); ++row) {
        QCOMPARE(firstRuns.run(row).runId, allRuns.run(row).runId);
        QCOMPARE(firstRuns.metrics(row).size(), allRuns.metrics(row).size());
    }
    QVERIFY(!loader.isLoading());
    QCOMPARE(loading.count(), 2);
    // Busy first, then the reader's stages to the end.
    QVERIFY(progress.count() >= 2);
    QCOMPARE(progress.first().at(1).toLongLong(), 0);
    QCOMPARE(progress.last().at(0).toLongLong(), progress.last().at(1).toLongLong());
    QVERIFY(progress.last().at(1).toLongLong() > 0);
}

void TestRunLoader::smallSetArrivesOnce()
{
    RunLoader loader;
    loader.setLocation(m_fixture);
    QCOMPARE(loader.firstRowsLimit(), RunLoader::DefaultFirstRowsLimit);
    QSignalSpy first(&loader, &RunLoader::firstRunsLoaded);
    QSignalSpy all(&loader, &RunLoader::runsLoaded);
    loader.loadRuns({});
    QVERIFY(all.wait());
    QCOMPARE(all.first().at(0).value<Store::RunTable>().size(), 26);
    QCOMPARE(first.count(), 0);
}

void TestRunLoader::supersededLoadIsDropped()
{
    RunLoader loader;
    loader.setLocation(m_demo);
    loader.setFirstRowsLimit(5);
    QSignalSpy first(&loader, &RunLoader::firstRunsLoaded);
    QSignalSpy all(&loader, &RunLoader::runsLoaded);
    QSignalSpy failed(&loader, &RunLoader::loadFailed);
    loader.loadRuns(queryFor(QStringLiteral("1"))); // mnist-cnn
    loader.loadRuns(queryFor(QStringLiteral("2"))); // tabular-gbm supersedes it
    QVERIFY(all.wait());
    QTRY_VERIFY(!loader.isBusy());
    QCOMPARE(all.count(), 1);
    QCOMPARE(failed.count(), 0);
    const auto runs = all.first().at(0).value<Store::RunTable>();
    QCOMPARE(runs.size(), Store::DemoStore::Counts::GbmActiveRuns);
    for (int row = 0; row < runs.size(); ++row)
        QCOMPARE(runs.run(row).experimentId, QStringLiteral("2"));
    for (const QList<QVariant> &arguments : std::as_const(first))
        QCOMPARE(arguments.at(0).value<Store::RunTable>().run(0).experimentId, QStringLiteral("2"));
}

void TestRunLoader::newLocationCancelsLoad()
{
    RunLoader loader;
    loader.setLocation(m_demo);
    QSignalSpy all(&loader, &RunLoader::runsLoaded);
    QSignalSpy experiments(&loader, &RunLoader::experimentsLoaded);
    loader.loadExperiments();
    loader.loadRuns({});
    loader.setLocation(m_fixture);
    QVERIFY(!loader.isLoading());
    loader.loadRuns({});
    QVERIFY(all.wait());
    QTRY_VERIFY(!loader.isBusy());
    QCOMPARE(all.count(), 1);
    QCOMPARE(all.first().at(0).value<Store::RunTable>().size(), 26);
    // The demo store's experiments were superseded too.
    QCOMPARE(experiments.count(), 0);
}

void TestRunLoader::cancel()
{
    RunLoader loader;
    loader.setLocation(m_demo);
    QSignalSpy all(&loader, &RunLoader::runsLoaded);
    QSignalSpy failed(&loader, &RunLoader::loadFailed);
    QSignalSpy loading(&loader, &RunLoader::loadingChanged);
    loader.loadRuns({});
    loader.cancel();
    QVERIFY(!loader.isLoading());
    QCOMPARE(loading.count(), 2);
    QTRY_VERIFY(!loader.isBusy());
    QCOMPARE(all.count(), 0);
    QCOMPARE(failed.count(), 0);

    // The loader stays usable.
    loader.loadRuns(queryFor(QStringLiteral("3")));
    QVERIFY(all.wait());
    QCOMPARE(all.first().at(0).value<Store::RunTable>().size(), Store::DemoStore::Counts::LlmRuns);
    loader.cancel(); // nothing in flight: harmless
    QCOMPARE(all.count(), 1);
}

void TestRunLoader::datasets()
{
    RunLoader loader;
    loader.setLocation(m_nested);
    QSignalSpy loaded(&loader, &RunLoader::datasetsLoaded);
    loader.loadDatasets(runId(Solo)); // superseded before it is delivered
    loader.loadDatasets(runId(ChildB));
    QVERIFY(loaded.wait());
    QTRY_VERIFY(!loader.isBusy());
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().at(0).toString(), runId(ChildB));
    const auto datasets = loaded.first().at(1).value<Store::DatasetInputList>();
    QCOMPARE(datasets.size(), 1);
    QCOMPARE(datasets.first().name, QStringLiteral("digits"));
    QCOMPARE(datasets.first().context, QStringLiteral("training"));

    // A store from before datasets existed has none rather than an error.
    loader.setLocation(m_fixture);
    QSignalSpy failed(&loader, &RunLoader::datasetsFailed);
    loader.loadDatasets(QStringLiteral("f662d9fdd072422899f1a91dca132e45"));
    QTRY_COMPARE(loaded.count() + failed.count(), 2);
    QCOMPARE(failed.count(), 0);
    QVERIFY(loaded.last().at(1).value<Store::DatasetInputList>().isEmpty());
}

QTEST_MAIN(TestRunLoader)
#include "tst_runloader.moc"
