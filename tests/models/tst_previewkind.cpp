#include "previewkind.h"

#include <QTest>

using namespace Artifacts;

class TestPreviewKind : public QObject
{
    Q_OBJECT
private slots:
    void byNameAndHead_data();
    void byNameAndHead();
    void imageSuffixesFollowQtsPlugins();
    void keysAreStable();
};

void TestPreviewKind::byNameAndHead_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<PreviewKind>("kind");
    const QByteArray text("hello\nworld\n");
    const QByteArray binary("\x80\x04}(\x00\x01\x02", 8);
    QTest::addRow("png") << "plots/confusion_matrix.png" << QByteArray("\x89PNG") << PreviewKind::Image;
    QTest::addRow("upper-case jpeg") << "photo.JPG" << QByteArray() << PreviewKind::Image;
    QTest::addRow("svg") << "loss.svg" << QByteArray("<svg") << PreviewKind::Svg;
    QTest::addRow("json") << "report.json" << QByteArray("{\"a\": 1}") << PreviewKind::Json;
    QTest::addRow("yaml") << "config.yaml" << text << PreviewKind::Yaml;
    QTest::addRow("yml") << "conda.yml" << text << PreviewKind::Yaml;
    QTest::addRow("csv") << "a.csv" << text << PreviewKind::Csv;
    QTest::addRow("tsv") << "a.tsv" << text << PreviewKind::Tsv;
    QTest::addRow("markdown") << "README.md" << text << PreviewKind::Markdown;
    QTest::addRow("mlmodel") << "model/MLmodel" << text << PreviewKind::MlModel;
    QTest::addRow("html") << "report.html" << text << PreviewKind::Html;
    QTest::addRow("log") << "train.log" << text << PreviewKind::Text;
    QTest::addRow("no suffix, text") << "LICENSE" << text << PreviewKind::Text;
    QTest::addRow("no suffix, binary") << "weights" << binary << PreviewKind::Binary;
    QTest::addRow("pickle") << "model.pkl" << binary << PreviewKind::Binary;
    QTest::addRow("binary named .json") << "weights.json" << binary << PreviewKind::Binary;
    QTest::addRow("binary named .log") << "train.log" << binary << PreviewKind::Binary;
    QTest::addRow("empty unknown") << "empty.bin" << QByteArray() << PreviewKind::Binary;
    QTest::addRow("empty json") << "empty.json" << QByteArray() << PreviewKind::Json;
    QTest::addRow("control characters") << "noise.txt" << QByteArray(64, '\x01') << PreviewKind::Binary;
}

void TestPreviewKind::byNameAndHead()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, head);
    QFETCH(PreviewKind, kind);
    QCOMPARE(previewKindFor(name, head), kind);
}

void TestPreviewKind::imageSuffixesFollowQtsPlugins()
{
    QVERIFY(isReadableImageSuffix(QStringLiteral("png")));
    QVERIFY(isReadableImageSuffix(QStringLiteral("bmp")));
    QVERIFY(!isReadableImageSuffix(QStringLiteral("pkl")));
    QCOMPARE(previewKindForName(QStringLiteral("x.webp")) == PreviewKind::Image,
             isReadableImageSuffix(QStringLiteral("webp")));
}

void TestPreviewKind::keysAreStable()
{
    QCOMPARE(previewKindKey(PreviewKind::MlModel), QStringLiteral("mlmodel"));
    QCOMPARE(previewKindKey(PreviewKind::Binary), QStringLiteral("binary"));
    QVERIFY(!previewKindName(PreviewKind::Json).isEmpty());
}

QTEST_GUILESS_MAIN(TestPreviewKind)
#include "tst_previewkind.moc"
