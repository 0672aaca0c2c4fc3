#include "nestedrunsstore.h"
#include "rundetailsmodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace NestedRunsStore;
using Section = RunDetailsModel::Section;

class TestRunDetailsModel : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void sections();
    void paramsAndMetrics();
    void tagsAndNote();
    void datasets();
    void datasetsOfAnotherRunAreIgnored();
    void datasetsFailed();
    void clear();

private:
    static QStringList keys(const RunDetailsModel &model, Section section);
    Store::DatasetInputList datasetsOf(const QString &runId) const;

    QTemporaryDir m_dir;
    QString m_path;
    Store::RunTable m_runs;
};

QStringList TestRunDetailsModel::keys(const RunDetailsModel &model, Section section)
{
    QStringList result;
    const QModelIndex parent = model.sectionIndex(section);
    for (int row = 0; row < model.rowCount(parent); ++row)
        result.append(model.key(model.index(row, RunDetailsModel::KeyColumn, parent)));
    return result;
}

Store::DatasetInputList TestRunDetailsModel::datasetsOf(const QString &runId) const
{
    auto reader = Store::openStore(m_path);
    if (!reader)
        return {};
    auto datasets = (*reader)->datasets(runId);
    return datasets ? *datasets : Store::DatasetInputList();
}

void TestRunDetailsModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = build(m_dir);
    QVERIFY(!m_path.isEmpty());
    m_runs = read(m_path);
    QCOMPARE(m_runs.size(), NestedRunCount);
}

void TestRunDetailsModel::sections()
{
    RunDetailsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasRun());
    model.setRun(m_runs, m_runs.indexOfRun(runId(Sweep)));
    QVERIFY(model.hasRun());
    QCOMPARE(model.runId(), runId(Sweep));
    QCOMPARE(model.runName(), QStringLiteral("sweep"));
    QCOMPARE(model.rowCount(), 4);
    QStringList titles;
    for (int row = 0; row < model.rowCount(); ++row) {
        QVERIFY(model.isSection(model.index(row, 0)));
        titles.append(model.index(row, 0).data().toString());
    }
    QCOMPARE(titles, QStringList({"Run", "Parameters (1)", "Metrics (2)", "Tags (4)"}));
    QCOMPARE(model.section(model.index(2, 0)), Section::Metrics);
    QVERIFY(!model.sectionIndex(Section::Datasets).isValid());

    const QModelIndex runId = model.indexOfKey(Section::Attributes, QStringLiteral("Run ID"));
    QCOMPARE(model.value(runId), NestedRunsStore::runId(Sweep));
    QCOMPARE(model.section(runId), Section::Attributes);
    QCOMPARE(model.value(model.indexOfKey(Section::Attributes, QStringLiteral("Duration"))),
             QStringLiteral("1m 30s"));
    QVERIFY(model.value(model.indexOfKey(Section::Attributes, QStringLiteral("Artifact URI")))
                .endsWith(NestedRunsStore::runId(Sweep) + QLatin1String("/artifacts")));
    QCOMPARE(model.value(model.indexOfKey(Section::Attributes, QStringLiteral("Source"))),
             QStringLiteral("/home/ada/train.py"));
    // A top-level run has no parent row; a child names its parent.
    QVERIFY(!model.indexOfKey(Section::Attributes, QStringLiteral("Parent run")).isValid());
    model.setRun(m_runs, m_runs.indexOfRun(NestedRunsStore::runId(ChildA)));
    QCOMPARE(model.value(model.indexOfKey(Section::Attributes, QStringLiteral("Parent run"))),
             NestedRunsStore::runId(Sweep));
    // Several stores may be open: the run says which one it is of, when told.
    QVERIFY(!model.indexOfKey(Section::Attributes, QStringLiteral("Store")).isValid());
    model.setRun(m_runs, m_runs.indexOfRun(NestedRunsStore::runId(ChildA)), m_path);
    QCOMPARE(model.value(model.indexOfKey(Section::Attributes, QStringLiteral("Store"))),
             QDir::toNativeSeparators(m_path));
}

void TestRunDetailsModel::paramsAndMetrics()
{
    RunDetailsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs, m_runs.indexOfRun(runId(Sweep)));
    QCOMPARE(keys(model, Section::Params), QStringList({"lr"}));
    QCOMPARE(model.value(model.indexOfKey(Section::Params, QStringLiteral("lr"))), QStringLiteral("0.01"));

    QCOMPARE(keys(model, Section::Metrics), QStringList({"acc", "loss"}));
    const QModelIndex acc = model.indexOfKey(Section::Metrics, QStringLiteral("acc"));
    QCOMPARE(acc.siblingAtColumn(RunDetailsModel::ValueColumn).data().toString(), QStringLiteral("0.5"));
    // The latest value is the one at the largest step.
    QCOMPARE(acc.siblingAtColumn(RunDetailsModel::StepColumn).data().toString(), QStringLiteral("3"));
    QCOMPARE(acc.siblingAtColumn(RunDetailsModel::StepColumn).data(RunDetailsModel::SortRole).toLongLong(),
             3);
    QCOMPARE(model.indexOfKey(Section::Metrics, QStringLiteral("loss"), RunDetailsModel::StepColumn)
                 .data()
                 .toString(),
             QStringLiteral("7"));

    model.setRun(m_runs, m_runs.indexOfRun(runId(ChildA)));
    QCOMPARE(model.indexOfKey(Section::Metrics, QStringLiteral("acc"), RunDetailsModel::ValueColumn)
                 .data()
                 .toString(),
             QStringLiteral("NaN"));
    model.setRun(m_runs, m_runs.indexOfRun(runId(Orphan)));
    QCOMPARE(keys(model, Section::Params), QStringList());
    QCOMPARE(keys(model, Section::Metrics), QStringList({"loss"}));
}

void TestRunDetailsModel::tagsAndNote()
{
    RunDetailsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs, m_runs.indexOfRun(runId(Sweep)));
    // The note is rendered apart, not listed with the tags.
    // The run's own tags come before MLflow's system tags.
    QCOMPARE(keys(model, Section::Tags),
             QStringList({"team", "mlflow.runName", "mlflow.source.name", "mlflow.user"}));
    QCOMPARE(model.note(), QStringLiteral("# Sweep\n\nThe **best** child is child-b."));

    model.setRun(m_runs, m_runs.indexOfRun(runId(ChildB)));
    QVERIFY(model.note().isEmpty());
    QCOMPARE(keys(model, Section::Tags).first(), QStringLiteral("mlflow.parentRunId"));
    QCOMPARE(model.value(model.indexOfKey(Section::Tags, QStringLiteral("mlflow.parentRunId"))),
             runId(Sweep));
}

void TestRunDetailsModel::datasets()
{
    RunDetailsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs, m_runs.indexOfRun(runId(ChildB)));
    QCOMPARE(model.rowCount(), 4);
    const Store::DatasetInputList datasets = datasetsOf(runId(ChildB));
    QCOMPARE(datasets.size(), 1);
    model.setDatasets(runId(ChildB), datasets);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.sectionIndex(Section::Datasets).data().toString(), QStringLiteral("Datasets (1)"));
    const QModelIndex digits = model.indexOfKey(Section::Datasets, QStringLiteral("digits"));
    QVERIFY(digits.isValid());
    QCOMPARE(model.value(digits), QStringLiteral("training · local · abc123"));
    QVERIFY(digits.siblingAtColumn(RunDetailsModel::ValueColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("/data/digits")));

    // Delivered again (a reload): replaced, not added.
    model.setDatasets(runId(ChildB), datasets);
    QCOMPARE(model.rowCount(), 5);
    // None: no section.
    model.setDatasets(runId(ChildB), {});
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(datasetsOf(runId(Sweep)).isEmpty());
}

void TestRunDetailsModel::datasetsOfAnotherRunAreIgnored()
{
    RunDetailsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs, m_runs.indexOfRun(runId(Solo)));
    // Late datasets of the run shown before must not land under this one.
    model.setDatasets(runId(ChildB), datasetsOf(runId(ChildB)));
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(!model.sectionIndex(Section::Datasets).isValid());
}

void TestRunDetailsModel::datasetsFailed()
{
    RunDetailsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs, m_runs.indexOfRun(runId(ChildB)));
    const QString message = QStringLiteral("/data/mlflow.db is not a SQLite database.");
    // Late news about the run shown before is dropped.
    model.setDatasetsFailed(runId(Solo), message);
    QCOMPARE(model.rowCount(), 4);
    QVERIFY(model.datasetsError().isEmpty());

    // Where the datasets would be: a Datasets section with one row that says why there are none.
    model.setDatasetsFailed(runId(ChildB), message);
    QCOMPARE(model.datasetsError(), message);
    QCOMPARE(model.rowCount(), 5);
    const QModelIndex section = model.sectionIndex(Section::Datasets);
    QVERIFY(section.isValid());
    QCOMPARE(section.data().toString(), QStringLiteral("Datasets")); // no "(1)": nothing was found
    QCOMPARE(model.rowCount(section), 1);
    const QModelIndex row = model.index(0, RunDetailsModel::ValueColumn, section);
    QCOMPARE(row.data().toString(), message);
    QVERIFY(row.data(RunDetailsModel::IsErrorRole).toBool());
    QVERIFY(row.data(Qt::ForegroundRole).isValid());
    QVERIFY(row.data(Qt::ToolTipRole).toString().contains(message));
    QCOMPARE(row.siblingAtColumn(RunDetailsModel::KeyColumn).data().toString(),
             QStringLiteral("Not readable"));

    // A later successful read replaces the message.
    model.setDatasets(runId(ChildB), datasetsOf(runId(ChildB)));
    QVERIFY(model.datasetsError().isEmpty());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.sectionIndex(Section::Datasets).data().toString(), QStringLiteral("Datasets (1)"));
    QVERIFY(!model.index(0, RunDetailsModel::ValueColumn, model.sectionIndex(Section::Datasets))
                 .data(RunDetailsModel::IsErrorRole)
                 .toBool());

    // Another run starts without the message.
    model.setDatasetsFailed(runId(ChildB), message);
    model.setRun(m_runs, m_runs.indexOfRun(runId(Solo)));
    QVERIFY(model.datasetsError().isEmpty());
    QVERIFY(!model.sectionIndex(Section::Datasets).isValid());
}

void TestRunDetailsModel::clear()
{
    RunDetailsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRun(m_runs, m_runs.indexOfRun(runId(Sweep)));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasRun());
    QVERIFY(model.note().isEmpty());
    model.setRun(m_runs, -1);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestRunDetailsModel)
#include "tst_rundetailsmodel.moc"
