#include "storefactory.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

// The demo store written as an mlruns/ folder by Kaizen's exporter and read back by the file-store
// backend holds what the SQLite demo holds: the writer and the reader agree, run for run.
class TestFileStoreRoundTrip : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store::MlflowStore> m_sqlite;
    std::unique_ptr<Store::MlflowStore> m_file;

    static bool sameValue(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

private slots:
    void initTestCase()
    {
        const QString db = TestSupport::buildDemoStore(m_dir);
        QVERIFY(!db.isEmpty());
        const QString mlruns
            = TestSupport::exportToFileStore(db, m_dir.filePath(QStringLiteral("mlruns-export")));
        QVERIFY(!mlruns.isEmpty());
        auto sqlite = Store::openStore(db);
        auto file = Store::openStore(mlruns);
        QVERIFY(sqlite);
        QVERIFY2(file, file ? "" : qPrintable(file.error().message));
        m_sqlite = std::move(sqlite).value();
        m_file = std::move(file).value();
    }

    void experiments()
    {
        for (const Store::ViewType view : {Store::ViewType::ActiveOnly, Store::ViewType::All}) {
            const auto expected = m_sqlite->experiments(view);
            const auto actual = m_file->experiments(view);
            QVERIFY(expected && actual);
            QCOMPARE(actual->size(), expected->size());
            for (int i = 0; i < expected->size(); ++i) {
                QCOMPARE(actual->at(i).id, expected->at(i).id);
                QCOMPARE(actual->at(i).name, expected->at(i).name);
                QCOMPARE(actual->at(i).lifecycleStage, expected->at(i).lifecycleStage);
                QCOMPARE(actual->at(i).runCount, expected->at(i).runCount);
            }
        }
        QVERIFY(m_file->warnings().isEmpty());
    }

    void runsWithTheirValues()
    {
        Store::RunQuery all;
        all.view = Store::ViewType::All;
        const auto expected = m_sqlite->runs(all);
        const auto actual = m_file->runs(all);
        QVERIFY(expected && actual);
        QCOMPARE(actual->size(), expected->size());
        for (int row = 0; row < expected->size(); ++row) {
            const Store::RunAttributes &e = expected->run(row);
            const Store::RunAttributes &a = actual->run(row);
            QCOMPARE(a.runId, e.runId); // the same default order
            QCOMPARE(a.runName, e.runName);
            QCOMPARE(a.experimentId, e.experimentId);
            QCOMPARE(a.status, e.status);
            QCOMPARE(a.lifecycleStage, e.lifecycleStage);
            QCOMPARE(a.startTime, e.startTime);
            QCOMPARE(a.endTime, e.endTime);
            QCOMPARE(a.parentRunId, e.parentRunId);
            for (const QString &key : expected->paramKeys())
                QCOMPARE(actual->param(row, key), expected->param(row, key));
            for (const QString &key : expected->tagKeys())
                QCOMPARE(actual->tag(row, key), expected->tag(row, key));
            for (const QString &key : expected->metricKeys()) {
                const Store::LatestMetric *em = expected->metric(row, key);
                const Store::LatestMetric *am = actual->metric(row, key);
                QCOMPARE(bool(am), bool(em));
                if (em) {
                    QCOMPARE(am->step, em->step);
                    QCOMPARE(am->timestamp, em->timestamp);
                    QVERIFY2(sameValue(am->value, em->value)
                                 || (std::isinf(am->value) && std::abs(em->value) > 1e308),
                             qPrintable(key));
                }
            }
        }
    }

    void metricHistories()
    {
        const auto runs = m_sqlite->runs({});
        QVERIFY(runs);
        int compared = 0;
        for (int row = 0; row < runs->size() && compared < 6; row += 7) {
            for (const QString &key : runs->metricKeys()) {
                if (!runs->metric(row, key))
                    continue;
                const auto expected = m_sqlite->metricHistory(runs->run(row).runId, key);
                const auto actual = m_file->metricHistory(runs->run(row).runId, key);
                QVERIFY(expected && actual);
                QCOMPARE(actual->points.size(), expected->points.size());
                for (int i = 0; i < expected->points.size(); ++i) {
                    QCOMPARE(actual->points.at(i).step, expected->points.at(i).step);
                    QCOMPARE(actual->points.at(i).timestamp, expected->points.at(i).timestamp);
                    QVERIFY(sameValue(actual->points.at(i).value, expected->points.at(i).value)
                            || std::isinf(actual->points.at(i).value));
                }
                ++compared;
                break;
            }
        }
        QVERIFY(compared >= 3);
    }

    void registry()
    {
        const auto expected = m_sqlite->registeredModels();
        const auto actual = m_file->registeredModels();
        QVERIFY(expected && actual);
        QCOMPARE(actual->size(), expected->size());
        for (int i = 0; i < expected->size(); ++i) {
            QCOMPARE(actual->at(i).name, expected->at(i).name);
            const auto ev = m_sqlite->modelVersions(expected->at(i).name);
            const auto av = m_file->modelVersions(expected->at(i).name);
            QVERIFY(ev && av);
            QCOMPARE(av->size(), ev->size());
            for (int v = 0; v < ev->size(); ++v) {
                QCOMPARE(av->at(v).version, ev->at(v).version);
                QCOMPARE(av->at(v).stage, ev->at(v).stage);
                QCOMPARE(av->at(v).runId, ev->at(v).runId);
                QCOMPARE(av->at(v).aliases, ev->at(v).aliases);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestFileStoreRoundTrip)
#include "tst_filestoreroundtrip.moc"
