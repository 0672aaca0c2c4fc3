#include "paramdiffmodel.h"
#include "rundiffloader.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QSignalSpy>
#include <QTest>

using namespace RunDiff;

class TestParamDiffModel : public QObject
{
    Q_OBJECT
private slots:
    void onlyDifferencesByDefault();
    void missingIsNotEmpty();
    void numericRows();
    void longValuesElide();
    void baselineDeltas();
    void systemTagsHidden();
    void headers();
    void copyAsMarkdownAndCsv();
    void characterDiffAgainstFirstRun();

private:
    static Diff sampleDiff();
};

Diff TestParamDiffModel::sampleDiff()
{
    RunSnapshot a, b, c;
    a.info = {"aaaa", "run-a", "1", "exp", "/tmp/a.db"};
    b.info = {"bbbb", "run-b", "1", "exp", "/tmp/a.db"};
    c.info = {"cccc", "", "2", "other", "/tmp/b.db"};
    a.params
        = {{"lr", "0.0010"}, {"opt", "adam"}, {"note", ""}, {"layers", "4"}, {"long", QString(200, 'x')}};
    b.params = {{"lr", "1e-3"}, {"opt", "sgd"}, {"layers", "8"}, {"long", QString(200, 'x') + "y"}};
    c.params = {{"lr", "0.001"}, {"opt", "adam"}, {"note", ""}, {"layers", "2"}, {"long", QString(200, 'x')}};
    a.tags = {{"mlflow.runName", "run-a"}, {"team", "x"}};
    b.tags = {{"mlflow.runName", "run-b"}, {"team", "y"}};
    c.tags = {{"mlflow.runName", ""}, {"team", "x"}};
    return buildDiff({a, b, c});
}

void TestParamDiffModel::onlyDifferencesByDefault()
{
    ParamDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.onlyDifferences());
    model.setDiff(sampleDiff());
    QCOMPARE(model.columnCount(), 4);
    QStringList keys;
    for (int row = 0; row < model.rowCount(); ++row)
        keys.append(model.keyAt(model.index(row, 0)));
    QCOMPARE(keys, (QStringList {"layers", "long", "note", "opt"})); // lr equal numerically
    QCOMPARE(model.totalKeyCount(), 5);
    QCOMPARE(model.differingKeyCount(), 4);
    for (int row = 0; row < model.rowCount(); ++row)
        QVERIFY(model.index(row, 1).data(ParamDiffModel::DiffersRole).toBool());

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setOnlyDifferences(false);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), 5);
    const int lr = model.rowOfKey("lr");
    QVERIFY(lr >= 0);
    QVERIFY(!model.index(lr, 1).data(ParamDiffModel::DiffersRole).toBool());
    model.setOnlyDifferences(true);
    QCOMPARE(model.rowOfKey("lr"), -1);
}

void TestParamDiffModel::missingIsNotEmpty()
{
    ParamDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(sampleDiff());
    const int note = model.rowOfKey("note");
    const QModelIndex empty = model.index(note, model.columnOfRun(0));
    const QModelIndex missing = model.index(note, model.columnOfRun(1));
    QCOMPARE(empty.data().toString(), QString());
    QVERIFY(!empty.data(ParamDiffModel::IsMissingRole).toBool());
    QCOMPARE(empty.data(ParamDiffModel::ValueRole).toString(), QString());
    QVERIFY(empty.data(ParamDiffModel::ValueRole).isValid());
    QCOMPARE(missing.data().toString(), QString(QChar(0x2014)));
    QVERIFY(missing.data(ParamDiffModel::IsMissingRole).toBool());
    QVERIFY(!missing.data(ParamDiffModel::ValueRole).isValid());
    QVERIFY(!model.valueAt(missing).has_value());
    QCOMPARE(model.valueAt(empty), Value(QString()));
    QVERIFY(!missing.data(Qt::ToolTipRole).toString().isEmpty());
}

void TestParamDiffModel::numericRows()
{
    ParamDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setOnlyDifferences(false);
    model.setDiff(sampleDiff());
    const int lr = model.rowOfKey("lr");
    const QModelIndex cell = model.index(lr, model.columnOfRun(1));
    QVERIFY(cell.data(ParamDiffModel::IsNumericRole).toBool());
    QCOMPARE(cell.data().toString(), QStringLiteral("1e-3")); // shown as logged
    QCOMPARE(cell.data(ParamDiffModel::NumericValueRole).toDouble(), 0.001);
    QVERIFY(cell.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight);
    QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("numbers")));
    const QModelIndex text = model.index(model.rowOfKey("opt"), model.columnOfRun(0));
    QVERIFY(!text.data(ParamDiffModel::IsNumericRole).toBool());
    QVERIFY(text.data(Qt::TextAlignmentRole).toInt() & Qt::AlignLeft);
    QVERIFY(!text.data(Qt::ToolTipRole).toString().contains(QStringLiteral("numbers")));
}

void TestParamDiffModel::longValuesElide()
{
    ParamDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(sampleDiff());
    const QModelIndex cell = model.index(model.rowOfKey("long"), model.columnOfRun(1));
    const QString shown = cell.data().toString();
    QCOMPARE(shown.size(), ParamDiffModel::DefaultElideLength);
    QVERIFY(shown.endsWith(QChar(0x2026)));
    QCOMPARE(cell.data(Qt::ToolTipRole).toString(), QString(200, 'x') + "y");
    QCOMPARE(cell.data(ParamDiffModel::ValueRole).toString(), QString(200, 'x') + "y");
    model.setElideLength(300);
    QCOMPARE(cell.data().toString(), QString(200, 'x') + "y");
}

void TestParamDiffModel::baselineDeltas()
{
    ParamDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(sampleDiff());
    const int layers = model.rowOfKey("layers");
    QVERIFY(!model.index(layers, model.columnOfRun(1)).data(ParamDiffModel::DeltaRole).isValid());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setBaselineRun(0);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.baselineRun(), 0);
    const QModelIndex b = model.index(layers, model.columnOfRun(1));
    QCOMPARE(b.data(ParamDiffModel::DeltaRole).toDouble(), 4.0);
    QCOMPARE(b.data(ParamDiffModel::DeltaPercentRole).toDouble(), 100.0);
    QCOMPARE(b.data(ParamDiffModel::DeltaTextRole).toString(), QStringLiteral("+4 (+100.0 %)"));
    const QModelIndex c = model.index(layers, model.columnOfRun(2));
    QCOMPARE(c.data(ParamDiffModel::DeltaRole).toDouble(), -2.0);
    const QModelIndex base = model.index(layers, model.columnOfRun(0));
    QVERIFY(base.data(ParamDiffModel::IsBaselineRole).toBool());
    QVERIFY(!base.data(ParamDiffModel::DeltaRole).isValid());
    QVERIFY(!model.index(model.rowOfKey("opt"), 2).data(ParamDiffModel::DeltaRole).isValid());
    QVERIFY(model.headerData(1, Qt::Horizontal).toString().contains(QStringLiteral("baseline")));
    model.setBaselineRun(7); // out of range: none
    QCOMPARE(model.baselineRun(), -1);
}

void TestParamDiffModel::systemTagsHidden()
{
    ParamDiffModel model(ParamDiffModel::Kind::Tags);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(sampleDiff());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.keyAt(model.index(0, 0)), QStringLiteral("team"));
    model.setShowSystemTags(true);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.keyAt(model.index(0, 0)), QStringLiteral("mlflow.runName"));
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Tag"));
}

void TestParamDiffModel::headers()
{
    ParamDiffModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDiff(sampleDiff());
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Parameter"));
    // Runs of two stores: the store on a second line.
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("run-a\na.db"));
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("cccc\nb.db")); // no name: id
    const QString tip = model.headerData(3, Qt::Horizontal, Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(QStringLiteral("other")));
    QVERIFY(tip.contains(QStringLiteral("/tmp/b.db")));
    QCOMPARE(model.headerData(2, Qt::Horizontal, ParamDiffModel::RunIdRole).toString(),
             QStringLiteral("bbbb"));
    QVERIFY(model.headerData(1, Qt::Horizontal, Qt::DecorationRole).value<QColor>().isValid());

    // Pinned runs say so in the header and its tooltip; a new diff drops the marks.
    QSignalSpy headerChanged(&model, &QAbstractItemModel::headerDataChanged);
    model.setPinnedRuns({2, 0, 7});
    QCOMPARE(headerChanged.size(), 1);
    QCOMPARE(model.pinnedRuns(), QList<int>({0, 2}));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("run-a\npinned · a.db"));
    QVERIFY(model.headerData(1, Qt::Horizontal, ParamDiffModel::IsPinnedRole).toBool());
    QVERIFY(!model.headerData(2, Qt::Horizontal, ParamDiffModel::IsPinnedRole).toBool());
    QVERIFY(
        model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("Pinned")));
    QVERIFY(
        !model.headerData(2, Qt::Horizontal, Qt::ToolTipRole).toString().contains(QStringLiteral("Pinned")));
    model.setPinnedRuns({0, 2});
    QCOMPARE(headerChanged.size(), 1); // no change
    model.setBaselineRun(0);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(),
             QStringLiteral("run-a (baseline)\npinned · a.db"));

    // One store: no store line; a pinned run's second line says only that.
    Diff oneStore = sampleDiff();
    oneStore.runs[2].location = oneStore.runs[0].location;
    model.setDiff(oneStore);
    QVERIFY(model.pinnedRuns().isEmpty());
    // Still none pinned is no change (the empty list compared with the dropped marks' emptied one
    // was undefined behaviour in Qt 6.4's QList<int>::operator==, caught by the asan preset).
    headerChanged.clear();
    model.setPinnedRuns({});
    QCOMPARE(headerChanged.size(), 0);
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("run-b"));
    model.setPinnedRuns({1});
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("run-b\npinned"));
}

void TestParamDiffModel::copyAsMarkdownAndCsv()
{
    ParamDiffModel model;
    model.setDiff(sampleDiff());
    model.setBaselineRun(0);
    const QString md = model.toMarkdown();
    const QStringList lines = md.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2 + model.rowCount());
    QCOMPARE(lines[0], QStringLiteral("| Parameter | run-a | run-b | cccc |"));
    QVERIFY(lines[2].startsWith(QStringLiteral("| layers | 4 | 8 +4 (+100.0 %) |")));
    QVERIFY(md.contains(QString(200, 'x') + "y")); // whole values, not elided
    const QString csv = model.toCsv();
    QVERIFY(csv.startsWith(QStringLiteral("Parameter,run-a,run-b,cccc\r\n")));
    QVERIFY(csv.contains(QStringLiteral("note,,\u2014,\r\n")));
}

void TestParamDiffModel::characterDiffAgainstFirstRun()
{
    ParamDiffModel model;
    model.setDiff(sampleDiff());
    const QList<DiffSegment> segments = model.characterDiffAt(model.index(model.rowOfKey("long"), 2));
    QCOMPARE(segments.size(), 2);
    QCOMPARE(segments[1].kind, DiffSegment::Inserted);
    QCOMPARE(segments[1].text, QStringLiteral("y"));
    QVERIFY(model.characterDiffAt(model.index(model.rowOfKey("note"), 2)).isEmpty()); // missing
}

QTEST_GUILESS_MAIN(TestParamDiffModel)
#include "tst_paramdiffmodel.moc"
