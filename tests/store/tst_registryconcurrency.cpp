#include "demostore.h"
#include "registryworkload.h"
#include "sqlitehandle.h"
#include "storefactory.h"

#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>
#include <thread>

using namespace Store;
using namespace RegistryWorkload;

// Kaizen's registry writes while another process writes the same SQLite file as MLflow's
// tracking client does: nothing of either writer may be lost or half-applied, and the registry
// must end exactly where the sequence of changes leads.

namespace {

constexpr int Transitions = 200;
constexpr int LoadRowsPerSecond = 1000;
constexpr int WriteIntervalMs = 10; // a registry write every 10 ms: many load transactions between them
constexpr double MinimumLoadRowsPerSecond = 500;
constexpr qint64 Today = 1768176000000; // 2026-01-12 00:00 UTC
const QByteArray DeletedVersions = "SELECT name || ' ' || version || ' ' || current_stage || ' ' || "
                                   "last_updated_time FROM model_versions WHERE current_stage = "
                                   "'Deleted_Internal' ORDER BY 1";

// The first column of every row, or the error.
QStringList column(SqliteConnection &db, const QByteArray &sql)
{
    SqliteStatement statement(db, sql);
    QStringList values;
    while (statement.step())
        values.append(statement.string(0));
    if (!statement.error().ok())
        return {QStringLiteral("<error: %1>").arg(statement.error().message)};
    return values;
}

} // namespace

class TestRegistryConcurrency : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void registryWritesBesideALoadWriter();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
};

void TestRegistryConcurrency::initTestCase()
{
    m_dir = std::make_unique<QTemporaryDir>(scratchFolder()
                                            + QStringLiteral("/tst_registryconcurrency-XXXXXX"));
    QVERIFY(m_dir->isValid());
    m_store = m_dir->filePath(QStringLiteral("mlflow.db"));
    const Error error
        = DemoStore::generate(m_store, {.today = Today, .curveSteps = 30, .withArtifacts = false});
    QVERIFY2(error.ok(), qPrintable(error.message));
}

void TestRegistryConcurrency::registryWritesBesideALoadWriter()
{
    SqliteConnection reader;
    QCOMPARE(reader.open(m_store, SqliteConnection::Mode::ReadOnly, 20000).code, Error::None);
    const QStringList models {QStringLiteral("churn-predictor"), QStringLiteral("mnist-classifier")};
    QList<ModelState> expected;
    for (const QString &model : models) {
        auto state = readState(reader, model);
        QVERIFY2(state, qPrintable(state ? QString() : state.error().message));
        expected.append(*state);
    }
    // The models the workload leaves alone, and the runs the load writer logs to.
    QList<ModelState> untouched;
    for (const QString &model : {QStringLiteral("housing-regressor"), QStringLiteral("fraud-detector")})
        untouched.append(*readState(reader, model));
    const QStringList runIds = column(reader,
                                      "SELECT run_uuid FROM runs WHERE lifecycle_stage = 'active' "
                                      "ORDER BY start_time DESC, run_uuid LIMIT 4");
    QCOMPARE(runIds.size(), 4);
    const QStringList deletedBefore = column(reader, DeletedVersions);
    QCOMPARE(deletedBefore.size(), 1);

    auto store = openStore(m_store, {.writable = true});
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    const Error writable = (*store)->registryWritability();
    QVERIFY2(writable.ok(), qPrintable(writable.message));

    LoadWriter writer;
    QVERIFY2(writer.start(QStringLiteral(KAIZEN_LOADWRITER), m_store, 120, LoadRowsPerSecond, runIds),
             qPrintable(writer.error()));

    Planner planner(20260112);
    int writes = 0, retried = 0, retries = 0, locked = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int op = 0; planner.transitions < Transitions; ++op) {
        std::this_thread::sleep_until(start + std::chrono::milliseconds(op * WriteIntervalMs));
        ModelState &state = expected[op % expected.size()];
        const RegistryChange change = planner.next(state);
        const auto written = (*store)->applyRegistryChange(change);
        if (written) {
            ++writes;
            retries += written->retries;
            retried += written->retries > 0 ? 1 : 0;
            apply(state, change, written->time);
        } else if (written.error().code == Error::Locked) {
            ++locked; // allowed, if nothing of it was written: checked below
        } else {
            QFAIL(qPrintable(QStringLiteral("%1: %2").arg(change.summary, written.error().message)));
        }
        // Every change whole or not at all, at once.
        const auto actual = readState(reader, state.name);
        QVERIFY2(actual, qPrintable(actual ? QString() : actual.error().message));
        QVERIFY2(
            *actual == state,
            qPrintable(QStringLiteral("after \"%1\" (%2)\nexpected:\n%3\nin the store:\n%4")
                           .arg(change.summary, written ? QStringLiteral("written") : written.error().message,
                                state.describe(), actual->describe())));
    }
    QVERIFY2(writer.isRunning(), "the load writer stopped before the registry writes were done");
    LoadWriter::Report report;
    QVERIFY2(writer.stop(report), qPrintable(writer.error()));
    store->reset();

    qInfo("%d registry writes (%d transitions, %d archiving, %d alias changes), %d retried (%d retries), "
          "%d refused as locked; load writer: %lld rows in %lld transactions, %lld retries, %.0f rows/s",
          writes, planner.transitions, planner.archiving, planner.aliasMoves, retried, retries, locked,
          report.rows, report.transactions, report.retries, report.rowsPerSecond);
    QCOMPARE(writes + locked, planner.transitions + planner.aliasMoves);
    QVERIFY(planner.archiving > 10 && planner.aliasMoves > 50);
    QVERIFY2(locked * 10 <= writes, "most writes should go through");
    QVERIFY2(report.rowsPerSecond >= MinimumLoadRowsPerSecond,
             qPrintable(QString::number(report.rowsPerSecond)));

    // Both writers' rows are all there, and the file is sound.
    QCOMPARE(checkLoadRows(reader, report), QString());
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(readState(reader, models[i])->describe(), expected[i].describe());
    for (const ModelState &state : std::as_const(untouched))
        QCOMPARE(readState(reader, state.name)->describe(), state.describe());
    QCOMPARE(column(reader, "PRAGMA integrity_check"), QStringList {QStringLiteral("ok")});
    QCOMPARE(column(reader, "PRAGMA foreign_key_check"), QStringList());
    // Soft-deleted versions are never touched.
    QCOMPARE(column(reader, DeletedVersions), deletedBefore);
}

QTEST_GUILESS_MAIN(TestRegistryConcurrency)
#include "tst_registryconcurrency.moc"
