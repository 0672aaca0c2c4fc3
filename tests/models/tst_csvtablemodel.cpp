#include "csvloader.h"
#include "csvparser.h"
#include "csvtablemodel.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace Artifacts;

class TestCsvTableModel : public QObject
{
    Q_OBJECT
private slots:
    void parserQuoting();
    void parserAcrossChunks();
    void parserTsvAndBlankLines();
    void numericSort();
    void longRowAddsColumns();
    void streamsFromFile();
    void raggedRowsPadded();
    void tsvFile();
    void rowLimit();
    void missingFile();

private:
    QString write(const QString &name, const QByteArray &bytes);
    // Loads `path` into `model` and waits for the end; the summary.
    CsvSummary load(const QString &path, char delimiter, CsvTableModel &model, qint64 rowLimit = -1);
    QTemporaryDir m_dir;
};

QString TestCsvTableModel::write(const QString &name, const QByteArray &bytes)
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return file.fileName();
}

CsvSummary TestCsvTableModel::load(const QString &path, char delimiter, CsvTableModel &model, qint64 rowLimit)
{
    CsvLoader loader;
    if (rowLimit > 0)
        loader.setRowLimit(rowLimit);
    connect(&loader, &CsvLoader::headerLoaded, &model, &CsvTableModel::setHeader);
    connect(&loader, &CsvLoader::rowsLoaded, &model, &CsvTableModel::appendRows);
    QSignalSpy finished(&loader, &CsvLoader::finished);
    loader.load(path, delimiter);
    if (!finished.wait(5000))
        return {};
    return finished.constFirst().constFirst().value<CsvSummary>();
}

void TestCsvTableModel::parserQuoting()
{
    CsvParser parser;
    QList<QStringList> records;
    parser.feed("name,comment\r\n\"Smith, J\",\"said \"\"hi\"\"\nand left\"\nplain,\n", records);
    parser.finish(records);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records[1], (QStringList {QStringLiteral("Smith, J"), QStringLiteral("said \"hi\"\nand left")}));
    QCOMPARE(records[2], (QStringList {QStringLiteral("plain"), QString()}));
    QVERIFY(!parser.hasUnterminatedQuote());
}

void TestCsvTableModel::parserAcrossChunks()
{
    const QByteArray csv = "a,\"b\"\"c\",d\n1,\"x\ny\",3";
    CsvParser parser;
    QList<QStringList> records;
    for (const char c : csv)
        parser.feed(QByteArrayView(&c, 1), records);
    parser.finish(records);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records[0], (QStringList {QStringLiteral("a"), QStringLiteral("b\"c"), QStringLiteral("d")}));
    QCOMPARE(records[1], (QStringList {QStringLiteral("1"), QStringLiteral("x\ny"), QStringLiteral("3")}));
}

void TestCsvTableModel::parserTsvAndBlankLines()
{
    CsvParser parser('\t');
    QList<QStringList> records;
    parser.feed("a\tb,c\n\n1\t2\n\"open", records);
    parser.finish(records);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records[0], (QStringList {QStringLiteral("a"), QStringLiteral("b,c")}));
    QCOMPARE(records[2], QStringList {QStringLiteral("open")});
    QVERIFY(parser.hasUnterminatedQuote());
}

void TestCsvTableModel::numericSort()
{
    CsvTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(CsvTableModel::SortRole);
    model.setHeader({QStringLiteral("name"), QStringLiteral("score")});
    model.appendRows({{QStringLiteral("b"), QStringLiteral("10")},
                      {QStringLiteral("a"), QStringLiteral("9")},
                      {QStringLiteral("c"), QString()},
                      {QStringLiteral("d"), QStringLiteral("-1.5e1")}});
    QVERIFY(model.isNumericColumn(1));
    QVERIFY(!model.isNumericColumn(0));
    proxy.sort(1, Qt::AscendingOrder);
    QStringList order;
    for (int row = 0; row < proxy.rowCount(); ++row)
        order.append(proxy.index(row, 1).data().toString());
    QCOMPARE(order,
             (QStringList {QString(), QStringLiteral("-1.5e1"), QStringLiteral("9"), QStringLiteral("10")}));
    // One word in the column: it sorts as text from then on.
    model.appendRows({{QStringLiteral("e"), QStringLiteral("n/a")}});
    QVERIFY(!model.isNumericColumn(1));
    QCOMPARE(model.index(0, 1).data(CsvTableModel::SortRole).typeId(), QMetaType::QString);
}

void TestCsvTableModel::longRowAddsColumns()
{
    CsvTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHeader({QStringLiteral("a")});
    model.appendRows({{QStringLiteral("1")}, {QStringLiteral("2"), QStringLiteral("extra")}});
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Column 2"));
    QCOMPARE(model.index(0, 1).data().toString(), QString());
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("extra"));
}

void TestCsvTableModel::streamsFromFile()
{
    QByteArray csv = "step,loss,comment\n";
    for (int i = 0; i < 50000; ++i)
        csv += QByteArray::number(i) + "," + QByteArray::number(1.0 / (i + 1)) + ",\"ok, fine\"\n";
    const QString path = write(QStringLiteral("big.csv"), csv);
    CsvTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &CsvTableModel::rowsInserted);
    const CsvSummary summary = load(path, ',', model);
    QCOMPARE(summary.rows, 50000);
    QCOMPARE(model.rowCount(), 50000);
    QVERIFY2(inserted.size() > 1, "rows arrive in batches");
    QCOMPARE(model.header(),
             (QStringList {QStringLiteral("step"), QStringLiteral("loss"), QStringLiteral("comment")}));
    QCOMPARE(model.index(49999, 2).data().toString(), QStringLiteral("ok, fine"));
    QVERIFY(model.isNumericColumn(0));
    QCOMPARE(summary.raggedRows, 0);
}

void TestCsvTableModel::raggedRowsPadded()
{
    const QString path = write(QStringLiteral("ragged.csv"), "a,b,c\n1,2,3\n4,5\n6\n7,8,9\n");
    CsvTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const CsvSummary summary = load(path, ',', model);
    QCOMPARE(summary.rows, 4);
    QCOMPARE(summary.raggedRows, 2);
    QCOMPARE(summary.firstRaggedRow, 2);
    QCOMPARE(model.columnCount(), 3);
    QCOMPARE(model.rowAt(2), (QStringList {QStringLiteral("6"), QString(), QString()}));
}

void TestCsvTableModel::tsvFile()
{
    const QString path = write(QStringLiteral("metrics.tsv"), "epoch\tacc\n1\t0.5\n2\t0.75\n");
    CsvTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const CsvSummary summary = load(path, '\t', model);
    QCOMPARE(summary.rows, 2);
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("0.75"));
    QCOMPARE(model.index(1, 1).data(CsvTableModel::SortRole).toDouble(), 0.75);
}

void TestCsvTableModel::rowLimit()
{
    QByteArray csv = "n\n";
    for (int i = 0; i < 100; ++i)
        csv += QByteArray::number(i) + '\n';
    CsvTableModel model;
    const CsvSummary summary = load(write(QStringLiteral("limit.csv"), csv), ',', model, 10);
    QVERIFY(summary.truncated);
    QCOMPARE(model.rowCount(), 10);
}

void TestCsvTableModel::missingFile()
{
    CsvLoader loader;
    QSignalSpy failed(&loader, &CsvLoader::loadFailed);
    loader.load(m_dir.filePath(QStringLiteral("none.csv")), ',');
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.constFirst().constFirst().toString().contains(QLatin1String("none.csv")));
}

QTEST_GUILESS_MAIN(TestCsvTableModel)
#include "tst_csvtablemodel.moc"
