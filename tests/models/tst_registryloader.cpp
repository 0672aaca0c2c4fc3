#include "registryloader.h"
#include "registrystore.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace RegistryStore;

class TestRegistryLoader : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void models();
    void versions();
    void versionsOfRun_data();
    void versionsOfRun();
    void supersededVersionsDropped();
    void cancelDropsEverything();
    void loadingEndsWithTheLastDelivery();
    void noSuchModel();
    void openFailure();
    void storeWithoutRegistry();

private:
    QTemporaryDir m_dir;
    QString m_store;
};

void TestRegistryLoader::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_store = build(m_dir);
    QVERIFY(!m_store.isEmpty());
}

void TestRegistryLoader::models()
{
    RegistryLoader loader;
    QSignalSpy loaded(&loader, &RegistryLoader::modelsLoaded);
    QSignalSpy failed(&loader, &RegistryLoader::modelsFailed);
    loader.loadModels(QStringLiteral("sqlite:///") + m_store);
    QCOMPARE(loaded.count(), 0); // never from inside the call
    QVERIFY(loaded.wait());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(loaded.first().at(0).toString(), QStringLiteral("sqlite:///") + m_store);
    const auto models = loaded.first().at(1).value<Store::RegisteredModelList>();
    QStringList names;
    for (const Store::RegisteredModel &model : models)
        names.append(model.name);
    QCOMPARE(names, QStringList({Classifier, Empty, Ranker}));

    const Store::RegisteredModel &classifier = models.first();
    const QMap<QString, int> latest {{"None", 4}, {"Staging", 3}, {"Production", 2}, {"Archived", 1}};
    QCOMPARE(classifier.latestVersions, latest);
    const QMap<QString, int> aliases {{"champion", 2}, {"challenger", 3}};
    QCOMPARE(classifier.aliases, aliases);
    QCOMPARE(classifier.tags, Store::KeyValueList({{"team", "vision"}}));
    QVERIFY(models.at(1).latestVersions.isEmpty());
    QCOMPARE(models.at(2).description, QStringLiteral("Ranks things."));
}

void TestRegistryLoader::versions()
{
    RegistryLoader loader;
    QSignalSpy loaded(&loader, &RegistryLoader::versionsLoaded);
    loader.loadVersions(m_store, Classifier);
    QVERIFY(loaded.wait());
    QCOMPARE(loaded.first().at(0).toString(), Classifier);
    const auto versions = loaded.first().at(1).value<Store::ModelVersionList>();
    QCOMPARE(versions.size(), 4);
    QStringList stages;
    for (const Store::ModelVersion &version : versions)
        stages.append(QString::number(version.version) + QLatin1Char(' ') + version.stage);
    QCOMPARE(stages, QStringList({"1 Archived", "2 Production", "3 Staging", "4 None"}));
    QCOMPARE(versions.at(1).aliases, QStringList({"champion"}));
    QCOMPARE(versions.at(1).runId, Run1);
    QCOMPARE(versions.at(1).description, QStringLiteral("Best so far.\nDetails."));
    QCOMPARE(versions.at(2).tags, Store::KeyValueList({{"validated", "yes"}}));
    QCOMPARE(versions.at(3).runId, QString());
}

void TestRegistryLoader::versionsOfRun_data()
{
    QTest::addColumn<QString>("runId");
    QTest::addColumn<QStringList>("expected"); // "model version"
    QTest::addRow("run 1") << Run1 << QStringList {"classifier 1", "classifier 2"};
    QTest::addRow("run 2") << Run2 << QStringList {"classifier 3", "ranker 1"};
    QTest::addRow("no versions") << QString(32, QLatin1Char('f')) << QStringList {};
}

void TestRegistryLoader::versionsOfRun()
{
    QFETCH(QString, runId);
    QFETCH(QStringList, expected);
    RegistryLoader loader;
    QSignalSpy loaded(&loader, &RegistryLoader::runVersionsLoaded);
    QSignalSpy failed(&loader, &RegistryLoader::runVersionsFailed);
    loader.loadVersionsOfRun(m_store, runId);
    QVERIFY(loaded.wait());
    QCOMPARE(failed.count(), 0);
    QCOMPARE(loaded.first().at(0).toString(), runId);
    QStringList versions;
    for (const Store::ModelVersion &version : loaded.first().at(1).value<Store::ModelVersionList>())
        versions.append(version.modelName + QLatin1Char(' ') + QString::number(version.version));
    QCOMPARE(versions, expected);
}

void TestRegistryLoader::supersededVersionsDropped()
{
    RegistryLoader loader;
    QSignalSpy loaded(&loader, &RegistryLoader::versionsLoaded);
    // The page's selection moves from one model to the next before the first one's versions came.
    loader.loadVersions(m_store, Classifier);
    loader.loadVersions(m_store, Ranker);
    QTRY_VERIFY(!loader.isBusy());
    QTRY_COMPARE(loaded.count(), 1);
    QCoreApplication::processEvents(); // the superseded answer, posted by now, is dropped
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.first().at(0).toString(), Ranker);
    QCOMPARE(loaded.first().at(1).value<Store::ModelVersionList>().size(), 1);
}

void TestRegistryLoader::loadingEndsWithTheLastDelivery()
{
    RegistryLoader loader;
    QSignalSpy loading(&loader, &RegistryLoader::loadingChanged);
    QSignalSpy versions(&loader, &RegistryLoader::versionsLoaded);
    bool loadingWhenDelivered = true;
    connect(&loader, &RegistryLoader::versionsLoaded, this,
            [&] { loadingWhenDelivered = loader.isLoading(); });
    // The page asks isLoading() when the answer arrives: it is over by then, whatever the worker's
    // future says (the bug: a progress bar that stayed on while nothing was loading).
    loader.loadVersions(m_store, Classifier);
    QVERIFY(loader.isLoading());
    QVERIFY(versions.wait());
    QVERIFY(!loadingWhenDelivered);
    QTRY_COMPARE(loading.count(), 2);
    QCOMPARE(loading.at(0).at(0).toBool(), true);
    QCOMPARE(loading.at(1).at(0).toBool(), false);

    // A superseded request keeps the loader loading until its (dropped) answer is in too.
    loader.loadVersions(m_store, Classifier);
    loader.loadVersions(m_store, Ranker);
    QTRY_COMPARE(loading.count(), 4);
    QCOMPARE(loading.at(3).at(0).toBool(), false);
    QVERIFY(!loader.isLoading());
    QCOMPARE(versions.count(), 2);
}

void TestRegistryLoader::cancelDropsEverything()
{
    RegistryLoader loader;
    QSignalSpy models(&loader, &RegistryLoader::modelsLoaded);
    QSignalSpy versions(&loader, &RegistryLoader::versionsLoaded);
    QSignalSpy runVersions(&loader, &RegistryLoader::runVersionsLoaded);
    loader.loadModels(m_store);
    loader.loadVersions(m_store, Classifier);
    loader.loadVersionsOfRun(m_store, Run1);
    loader.cancel();
    QTRY_VERIFY(!loader.isBusy());
    QCoreApplication::processEvents();
    QCOMPARE(models.count() + versions.count() + runVersions.count(), 0);
    // A new request after cancel() is answered.
    loader.loadModels(m_store);
    QVERIFY(models.wait());
}

void TestRegistryLoader::noSuchModel()
{
    RegistryLoader loader;
    QSignalSpy failed(&loader, &RegistryLoader::versionsFailed);
    QSignalSpy loaded(&loader, &RegistryLoader::versionsLoaded);
    loader.loadVersions(m_store, QStringLiteral("nope"));
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(0).toString(), QStringLiteral("nope"));
    QCOMPARE(failed.first().at(1).value<Store::Error>().code, Store::Error::NoSuchModel);
    QCOMPARE(loaded.count(), 0);
}

void TestRegistryLoader::openFailure()
{
    RegistryLoader loader;
    QSignalSpy failed(&loader, &RegistryLoader::modelsFailed);
    QSignalSpy runFailed(&loader, &RegistryLoader::runVersionsFailed);
    const QString missing = m_dir.filePath(QStringLiteral("no-such.db"));
    loader.loadModels(missing);
    loader.loadVersionsOfRun(missing, Run1);
    QVERIFY(failed.wait());
    const auto error = failed.first().at(1).value<Store::Error>();
    QCOMPARE(error.code, Store::Error::NotFound);
    QVERIFY(!error.message.isEmpty());
    QTRY_COMPARE(runFailed.count(), 1);
    QCOMPARE(runFailed.first().at(1).value<Store::Error>().code, Store::Error::NotFound);
}

void TestRegistryLoader::storeWithoutRegistry()
{
    // MLflow 1.2 had no model registry (it came with 1.4).
    const QString old = TestSupport::copyFixture(QStringLiteral("mlflow-1.2-7ac759974ad8-metrics.db"), m_dir);
    QVERIFY(!old.isEmpty());
    RegistryLoader loader;
    QSignalSpy failed(&loader, &RegistryLoader::modelsFailed);
    QSignalSpy runFailed(&loader, &RegistryLoader::runVersionsFailed);
    loader.loadModels(old);
    loader.loadVersionsOfRun(old, Run1);
    QVERIFY(failed.wait());
    QCOMPARE(failed.first().at(1).value<Store::Error>().code, Store::Error::NoRegistry);
    QTRY_COMPARE(runFailed.count(), 1);
    QCOMPARE(runFailed.first().at(1).value<Store::Error>().code, Store::Error::NoRegistry);
}

QTEST_GUILESS_MAIN(TestRegistryLoader)
#include "tst_registryloader.moc"
