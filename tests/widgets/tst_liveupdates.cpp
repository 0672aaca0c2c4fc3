#include "chartspage.h"
#include "comparepage.h"
#include "curvechartview.h"
#include "experimentlistmodel.h"
#include "liveupdates.h"
#include "metriccurveloader.h"
#include "metricdiffmodel.h"
#include "metricseriesloader.h"
#include "rundiff.h"
#include "rundiffloader.h"
#include "runspage.h"
#include "runtreemodel.h"
#include "store/livewriter.h"
#include "storewatcher.h"
#include "widgettestsupport.h"

#include <QAction>
#include <QElapsedTimer>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <limits>

// A training script writes to the store while the window shows it: new runs appear as inserted
// rows, statuses change in place, and the charts grow by the new points alone. Runs on each
// backend (KAIZEN_STORE_BACKEND): the sqlite3 shell writing a SQLite store, a shell writing an
// mlruns/ folder.
class TestLiveUpdates : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void followsAWriterProcess();
    void pausedIgnoresChanges();
    void compareFollowsComparedRuns();
    void newMetricKeyAddsAColumn();
    void followsEveryShownStore();

private:
    static constexpr int IntervalMs = 400;
    static inline const QString Loss = QStringLiteral("loss");
    static inline const QString Second = QStringLiteral("fedcba9876543210fedcba9876543210");
};

// A window following a store of its own (LiveWriter::buildStore()) at `intervalMs`.
struct LiveWindow
{
    explicit LiveWindow(int intervalMs)
        : location(LiveWriter::buildStore(dir)), writer(location), live(browser.runs, browser.charts)
    {
        live.setInterval(intervalMs);
    }
    QTemporaryDir dir;
    QString location; // empty when the store could not be built
    LiveWriter writer;
    Browser browser;
    LiveUpdates live;
};

void TestLiveUpdates::initTestCase()
{
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("sqlite3")).isEmpty(),
             "the sqlite3 shell is needed");
}

void TestLiveUpdates::followsAWriterProcess()
{
    LiveWindow window(IntervalMs);
    QVERIFY(!window.location.isEmpty());
    const QString &location = window.location;
    LiveWriter &writer = window.writer;
    const QString trainer = LiveWriter::RunningRun;
    Browser &browser = window.browser;
    LiveUpdates &live = window.live;
    browser.show();
    browser.setCurrentWidget(browser.charts);
    QVERIFY(browser.openStore(location, QStringLiteral("live")));
    browser.runs->selectRuns({trainer});
    MetricCurveLoader *curves = browser.charts->curveLoader();
    QTRY_VERIFY(curves->curve(trainer, Loss));
    QCOMPARE(curves->curve(trainer, Loss)->series().size(), 5);
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

    // Five more points of the running run.
    QList<LiveWriter::Row> rows;
    for (qint64 step = 5; step < 10; ++step)
        rows.append({step, LiveWriter::Start + step, 1.0 / double(step + 1)});
    QElapsedTimer sinceWrite;
    QVERIFY2(writer.logMetric(trainer, Loss, rows), qPrintable(writer.lastError()));
    sinceWrite.start();
    // Within twice the interval (the first poll after the write, plus reading what changed).
    QTRY_VERIFY_WITH_TIMEOUT(curves->curve(trainer, Loss)->series().size() == 10, 2 * IntervalMs);
    qInfo("points shown %lld ms after the writer wrote them (interval %d ms)", sinceWrite.elapsed(),
          IntervalMs);
    // The charts read the new rows, not the series again.
    QCOMPARE(seriesLoads.count(), 0);
    const Store::MetricSeries &series = curves->curve(trainer, Loss)->series();
    QCOMPARE(series.steps.back(), 9);
    QCOMPARE(series.values.back(), 1.0 / 10);
    QTRY_COMPARE(chart->curves().front().curve->size(), 10);
    QVERIFY(chart->isZoomed());

    // A second run starts: one inserted row, no reset.
    QVERIFY2(writer.createRun(Second), qPrintable(writer.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(model->runs().size(), 3, 2 * IntervalMs + 1000);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(model->indexOfRun(Second, RunTreeModel::NameColumn).data().toString(), QStringLiteral("new"));
    QTRY_COMPARE(live.indicator()->text(), QStringLiteral("● 2 running"));
    QVERIFY(browser.runs->selectedRunIds() == QStringList({trainer}));

    // The run finishes: its status changes in place.
    QVERIFY2(writer.finishRun(trainer), qPrintable(writer.lastError()));
    const QModelIndex status = model->indexOfRun(trainer, RunTreeModel::StatusColumn);
    QTRY_COMPARE_WITH_TIMEOUT(status.data().toString(), QStringLiteral("FINISHED"), 2 * IntervalMs + 1000);
    QCOMPARE(resets.count(), 0);
    QTRY_COMPARE(live.indicator()->text(), QStringLiteral("● 1 running"));
    QCOMPARE(seriesLoads.count(), 0);
}

void TestLiveUpdates::pausedIgnoresChanges()
{
    LiveWindow window(IntervalMs / 4);
    QVERIFY(!window.location.isEmpty());
    const QString &location = window.location;
    LiveWriter &writer = window.writer;
    const QString trainer = LiveWriter::RunningRun;
    Browser &browser = window.browser;
    LiveUpdates &live = window.live;
    QVERIFY(browser.openStore(location, QStringLiteral("live")));
    live.followAction()->setChecked(false);
    QVERIFY(live.indicator()->text().startsWith(QStringLiteral("⏸")));
    QVERIFY2(writer.finishRun(trainer), qPrintable(writer.lastError()));
    const QModelIndex status = browser.runs->runModel()->indexOfRun(trainer, RunTreeModel::StatusColumn);
    QTest::qWait(3 * IntervalMs / 4 + 200);
    QCOMPARE(status.data().toString(), QStringLiteral("RUNNING"));
    // Following again shows what changed meanwhile.
    live.followAction()->setChecked(true);
    QTRY_COMPARE(browser.runs->runModel()->indexOfRun(trainer, RunTreeModel::StatusColumn).data().toString(),
                 QStringLiteral("FINISHED"));
}

// The latest value of `key` for the compared run `runId` in the diff shown; NaN when absent.
static double comparedLatest(const ComparePage *compare, const QString &runId, const QString &key)
{
    const RunDiff::Diff &diff = compare->diff();
    for (const RunDiff::MetricRow &row : diff.metrics) {
        for (qsizetype run = 0; row.key == key && run < diff.runs.size(); ++run) {
            if (diff.runs[run].runId == runId && row.values[run])
                return row.values[run]->latest;
        }
    }
    return std::numeric_limits<double>::quiet_NaN();
}

void TestLiveUpdates::compareFollowsComparedRuns()
{
    LiveWindow window(IntervalMs);
    QVERIFY(!window.location.isEmpty());
    const QString &location = window.location;
    LiveWriter &writer = window.writer;
    const QString trainer = LiveWriter::RunningRun;
    Browser &browser = window.browser;
    browser.show();
    browser.setCurrentWidget(browser.compare);
    QVERIFY(browser.openStore(location, QStringLiteral("live")));
    browser.runs->selectRuns({trainer, LiveWriter::FinishedRun});
    ComparePage *compare = browser.compare;
    QTRY_COMPARE(compare->diff().runs.size(), 2);
    QCOMPARE(comparedLatest(compare, trainer, Loss), 0.2);
    // The user is on the loss row of the metrics table.
    QTreeView *metrics = compare->metricView();
    metrics->setCurrentIndex(metrics->model()->index(0, 0));
    QSignalSpy resets(compare->metricModel(), &QAbstractItemModel::modelReset);
    QSignalSpy busy(compare, &ComparePage::loadingChanged);

    // A run that is not compared starts: nothing compared changed, the diff stays as it is.
    QVERIFY2(writer.createRun(Second), qPrintable(writer.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(browser.runs->runModel()->runs().size(), 3, 2 * IntervalMs + 1000);
    QTest::qWait(50);
    QCOMPARE(resets.count(), 0);

    // The compared run logs more: the diff shows its new latest value, without a busy state and
    // with the user's place kept.
    QList<LiveWriter::Row> rows;
    for (qint64 step = 5; step < 10; ++step)
        rows.append({step, LiveWriter::Start + step, 1.0 / double(step + 1)});
    QVERIFY2(writer.logMetric(trainer, Loss, rows), qPrintable(writer.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(comparedLatest(compare, trainer, Loss), 0.1, 2 * IntervalMs + 1000);
    QCOMPARE(resets.count(), 1);
    QCOMPARE(busy.count(), 0);
    QVERIFY(!compare->isLoading());
    QCOMPARE(metrics->currentIndex().row(), 0);
    QCOMPARE(compare->diff().runs.size(), 2);
}

void TestLiveUpdates::newMetricKeyAddsAColumn()
{
    LiveWindow window(IntervalMs);
    QVERIFY(!window.location.isEmpty());
    const QString &location = window.location;
    LiveWriter &writer = window.writer;
    const QString trainer = LiveWriter::RunningRun;
    Browser &browser = window.browser;
    browser.show();
    QVERIFY(browser.openStore(location, QStringLiteral("live")));
    browser.runs->selectRuns({trainer});
    RunTreeModel *model = browser.runs->runModel();
    QCOMPARE(model->columnOfKey(QStringLiteral("metrics.accuracy")), -1);
    // The run logs a metric no run had: a column of its own comes, and the user's selection
    // and current run stay (the columns change, so the table is laid out again).
    QVERIFY2(writer.logMetric(trainer, QStringLiteral("accuracy"), {{0, LiveWriter::Start, 0.5}}),
             qPrintable(writer.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(model->columnOfKey(QStringLiteral("metrics.accuracy")) >= 0,
                             2 * IntervalMs + 1000);
    const QModelIndex accuracy
        = model->indexOfRun(trainer, model->columnOfKey(QStringLiteral("metrics.accuracy")));
    QCOMPARE(accuracy.data(RunTreeModel::SortRole).toDouble(), 0.5);
    QCOMPARE(browser.runs->selectedRunIds(), QStringList({trainer}));
    QCOMPARE(browser.runs->currentRunId(), trainer);
}

// Runs of two stores shown together (two copies of one store: the same run ids): each store has a
// watcher of its own, and a writer in either adds its row in place, to that store's runs.
void TestLiveUpdates::followsEveryShownStore()
{
    LiveWindow window(IntervalMs);
    QVERIFY(!window.location.isEmpty());
    QTemporaryDir otherDir;
    const QString other = LiveWriter::buildStore(otherDir);
    QVERIFY(!other.isEmpty());
    LiveWriter otherWriter(other);
    Browser &browser = window.browser;
    LiveUpdates &live = window.live;
    QVERIFY(browser.openStore(window.location, QStringLiteral("live")));
    QVERIFY(live.watcher(window.location));
    browser.runs->addStore(other);
    ExperimentListModel *experiments = browser.runs->experimentModel();
    QTRY_VERIFY(experiments->findExperiment(other, QStringLiteral("live")).isValid());
    QVERIFY(!live.watcher(other)); // open, but none of its runs show
    QVERIFY(WidgetTestSupport::showRuns(browser.runs, [&] {
        browser.runs->experimentView()->selectionModel()->setCurrentIndex(
            experiments->findExperiment(other, QStringLiteral("live")),
            QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }));
    RunTreeModel *model = browser.runs->runModel();
    QCOMPARE(model->runs().size(), 4);
    QVERIFY(live.watcher(window.location) && live.watcher(other));
    QTRY_COMPARE(live.indicator()->text(), QStringLiteral("● 2 running"));

    QSignalSpy resets(model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    QVERIFY2(otherWriter.createRun(Second), qPrintable(otherWriter.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(model->runs().size(), 5, 2 * IntervalMs + 1000);
    QVERIFY(model->rowOfRun(other, Second) >= 0);
    QCOMPARE(model->rowOfRun(window.location, Second), -1);
    QVERIFY2(window.writer.createRun(Second), qPrintable(window.writer.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(model->runs().size(), 6, 2 * IntervalMs + 1000);
    QVERIFY(model->rowOfRun(window.location, Second) >= 0);
    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 2);
    QTRY_COMPARE(live.indicator()->text(), QStringLiteral("● 4 running"));

    // Closing a store stops watching it.
    browser.runs->closeStore(other);
    QTRY_COMPARE(model->runs().size(), 3);
    QVERIFY(!live.watcher(other));
    QVERIFY(live.watcher(window.location));
}

QTEST_MAIN(TestLiveUpdates)
#include "tst_liveupdates.moc"
