#include "chartspage.h"
#include "curvechartview.h"
#include "liveupdates.h"
#include "metriccurveloader.h"
#include "metricseriesloader.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "storebuilder.h"
#include "storewatcher.h"
#include "widgettestsupport.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// A training script writes to the store while the window shows it: new runs appear as inserted
// rows, statuses change in place, and the charts grow by the new points alone.
class TestLiveUpdates : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void followsAWriterProcess();
    void pausedIgnoresChanges();

private:
    static constexpr int IntervalMs = 400;
    static inline const QString Trainer = QStringLiteral("0123456789abcdef0123456789abcdef");
    // Runs `sql` in the sqlite3 shell: another process, as MLflow's tracking client would be.
    bool write(const QString &sql) const;
    bool build(const QString &path) const;

    QTemporaryDir m_dir;
};

void TestLiveUpdates::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty(),
             "the sqlite3 shell is needed");
}

bool TestLiveUpdates::build(const QString &path) const
{
    auto created = Store::StoreBuilder::create(path);
    if (!created)
        return false;
    Store::StoreBuilder &b = **created;
    const qint64 experiment = b.addExperiment({.name = QStringLiteral("live")});
    Store::RunSpec run;
    run.experimentId = experiment;
    run.runId = Trainer;
    run.name = QStringLiteral("trainer");
    run.status = QStringLiteral("RUNNING");
    run.startTime = 1700000000000;
    b.addRun(run);
    for (int step = 0; step < 10; ++step)
        b.logMetric(Trainer, QStringLiteral("loss"), 1.0 / (step + 1), run.startTime + step, step);
    return b.finish().ok();
}

bool TestLiveUpdates::write(const QString &sql) const
{
    QProcess shell;
    shell.start(QStringLiteral("sqlite3"), {m_dir.filePath(QStringLiteral("live.db")), sql});
    return shell.waitForFinished(10000) && shell.exitStatus() == QProcess::NormalExit
        && shell.exitCode() == 0;
}

void TestLiveUpdates::followsAWriterProcess()
{
    const QString path = m_dir.filePath(QStringLiteral("live.db"));
    QVERIFY(build(path));
    Browser browser;
    LiveUpdates live(browser.runs, browser.charts);
    live.watcher()->setInterval(IntervalMs);
    browser.show();
    browser.setCurrentWidget(browser.charts);
    QVERIFY(browser.openStore(path, QStringLiteral("live")));
    browser.runs->selectRuns({Trainer});
    MetricCurveLoader *curves = browser.charts->curveLoader();
    QTRY_VERIFY(curves->curve(Trainer, QStringLiteral("loss")));
    QCOMPARE(curves->curve(Trainer, QStringLiteral("loss"))->series().size(), 10);
    QCOMPARE(live.indicator()->text(), QStringLiteral("● 1 running"));
    // The user zoomed in to watch the last steps: new points must not throw the zoom away.
    QTRY_VERIFY(!browser.charts->charts().isEmpty());
    CurveChartView *chart = browser.charts->charts().constFirst();
    QTRY_COMPARE(chart->curves().size(), size_t(1));
    chart->zoomX(0.5, 0.9);
    QVERIFY(chart->isZoomed());

    RunTreeModel *model = browser.runs->runModel();
    QSignalSpy resets(model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QSignalSpy seriesLoads(browser.charts->loader(), &MetricSeriesLoader::loadingChanged);

    // Ten more points of the running run, and a second run starts.
    QString sql = QStringLiteral("BEGIN;");
    for (int step = 10; step < 20; ++step)
        sql += QStringLiteral("INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) "
                              "VALUES ('loss', %1, %2, '%3', %4, 0);")
                   .arg(1.0 / (step + 1))
                   .arg(1700000000000 + step)
                   .arg(Trainer)
                   .arg(step);
    sql += QStringLiteral(
               "UPDATE latest_metrics SET value = 0.05, step = 19, timestamp = 1700000000019 "
               "WHERE run_uuid = '%1' AND key = 'loss';"
               "INSERT INTO runs (run_uuid, name, source_type, source_name, entry_point_name, "
               "user_id, status, start_time, end_time, source_version, lifecycle_stage, "
               "artifact_uri, experiment_id) VALUES ('fedcba9876543210fedcba9876543210', 'second', "
               "'LOCAL', '', '', 'ada', 'RUNNING', 1700000100000, NULL, '', 'active', '', 1);"
               "COMMIT;")
               .arg(Trainer);
    QElapsedTimer sinceWrite;
    QVERIFY(write(sql));
    sinceWrite.start();
    // Within twice the interval (the first poll after the write, plus reading what changed).
    QTRY_VERIFY_WITH_TIMEOUT(curves->curve(Trainer, QStringLiteral("loss"))->series().size() == 20,
                             2 * IntervalMs);
    qInfo("points shown %lld ms after the writer committed (interval %d ms)", sinceWrite.elapsed(),
          IntervalMs);
    QTRY_COMPARE(model->runs().size(), 2);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model->index(1, RunTreeModel::NameColumn).data().toString(), QStringLiteral("second"));
    // The charts read the new rows, not the series again.
    QCOMPARE(seriesLoads.count(), 0);
    const Store::MetricSeries &series = curves->curve(Trainer, QStringLiteral("loss"))->series();
    QCOMPARE(series.steps.back(), 19);
    QCOMPARE(series.values.back(), 1.0 / 20);
    QTRY_COMPARE(chart->curves().front().curve->size(), 20);
    QVERIFY(chart->isZoomed());
    QTRY_COMPARE(live.indicator()->text(), QStringLiteral("● 2 running"));
    QVERIFY(browser.runs->selectedRunIds() == QStringList({Trainer}));

    // The run finishes: its status changes in place.
    QVERIFY(write(QStringLiteral("UPDATE runs SET status = 'FINISHED', end_time = 1700000200000 "
                                 "WHERE run_uuid = '%1';")
                      .arg(Trainer)));
    const QModelIndex status = model->indexOfRun(Trainer, RunTreeModel::StatusColumn);
    QTRY_COMPARE_WITH_TIMEOUT(status.data().toString(), QStringLiteral("FINISHED"), 2 * IntervalMs + 1000);
    QCOMPARE(resets.count(), 0);
    QTRY_COMPARE(live.indicator()->text(), QStringLiteral("● 1 running"));
}

void TestLiveUpdates::pausedIgnoresChanges()
{
    const QString path = m_dir.filePath(QStringLiteral("live.db"));
    QFile::remove(path);
    QVERIFY(build(path));
    Browser browser;
    LiveUpdates live(browser.runs, browser.charts);
    live.watcher()->setInterval(IntervalMs / 4);
    QVERIFY(browser.openStore(path, QStringLiteral("live")));
    live.followAction()->setChecked(false);
    QVERIFY(live.indicator()->text().startsWith(QStringLiteral("⏸")));
    QVERIFY(write(QStringLiteral("UPDATE runs SET status = 'FAILED' WHERE run_uuid = '%1';").arg(Trainer)));
    const QModelIndex status = browser.runs->runModel()->indexOfRun(Trainer, RunTreeModel::StatusColumn);
    QTest::qWait(3 * IntervalMs / 4 + 200);
    QCOMPARE(status.data().toString(), QStringLiteral("RUNNING"));
    // Following again shows what changed meanwhile.
    live.followAction()->setChecked(true);
    QTRY_COMPARE(browser.runs->runModel()->indexOfRun(Trainer, RunTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("FAILED"));
}

QTEST_MAIN(TestLiveUpdates)
#include "tst_liveupdates.moc"
