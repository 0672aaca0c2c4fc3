#include "artifactpreview.h"
#include "csvtablemodel.h"
#include "hexpreview.h"
#include "imagepreview.h"
#include "markdownpreview.h"
#include "mlmodelpreview.h"
#include "structuredpreview.h"
#include "tablepreview.h"
#include "testsupport.h"
#include "textpagepreview.h"
#include "widgettestsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QScrollArea>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>

#include <unistd.h>

using Artifacts::PreviewKind;

namespace {

const char *const MlModelText = R"(artifact_path: model
flavors:
  python_function:
    env:
      conda: conda.yaml
      virtualenv: python_env.yaml
    loader_module: mlflow.pytorch
    model_path: data
    python_version: 3.11.9
  pytorch:
    code: null
    model_data: data
    pytorch_version: 2.5.1
mlflow_version: 3.9.0
model_size_bytes: 448213
model_uuid: 5d1c0e7a9b8f4a3e8d2c1b0a9f8e7d6c
run_id: 0f1e2d3c4b5a69788796a5b4c3d2e1f0
signature:
  inputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 1, 28, 28]}}]'
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 10]}}]'
  params: null
utc_time_created: '2025-03-14 09:26:53.589793'
)";

} // namespace

class TestArtifactPreview : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void image();
    void svg();
    void imageZoom();
    void text();
    void json();
    void yaml();
    void csvSortsNumerically();
    void tsv();
    void markdown();
    void mlModel();
    void html();
    void binary();

    void missingFile();
    void brokenSymlink();
    void folder();
    void binaryNamedJson();
    void invalidJson();
    void twoGigabyteLog();
    void raggedCsv();
    void invalidUtf8();
    void undecodableImage();
    void unreadableFile();
    void largeJsonFallsBackToText();
    void newerFileSupersedes();
    void messageAndClear();
    void demoStoreArtifacts();

private:
    QString write(const QString &name, const QByteArray &bytes);
    // Shows `path` and waits for previewShown; false when it did not come or named another file.
    bool show(const QString &path);
    // Shows `path` and waits for messageShown; the message (empty if none came).
    QString showExpectingMessage(const QString &path);
    void screenshot(const char *variable, const QString &name);

    QTemporaryDir m_dir;
    ArtifactPreview *m_preview = nullptr;
    QString m_kindShown;
};

QString TestArtifactPreview::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

bool TestArtifactPreview::show(const QString &path)
{
    QSignalSpy shown(m_preview, &ArtifactPreview::previewShown);
    m_preview->showFile(path);
    if (!shown.wait(5000))
        return false;
    m_kindShown = shown.constLast().at(1).toString();
    return shown.constLast().at(0).toString() == path && m_preview->currentPath() == path;
}

QString TestArtifactPreview::showExpectingMessage(const QString &path)
{
    QSignalSpy message(m_preview, &ArtifactPreview::messageShown);
    m_preview->showFile(path);
    if (!message.wait(5000))
        return {};
    return message.constLast().constFirst().toString();
}

void TestArtifactPreview::screenshot(const char *variable, const QString &name)
{
    VERIFY_SCREENSHOT(m_preview, WidgetTestSupport::screenshotPath(variable, m_dir.filePath(name)));
}

void TestArtifactPreview::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestArtifactPreview::init()
{
    m_preview = new ArtifactPreview;
    m_preview->resize(900, 640);
    m_preview->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_preview));
}

void TestArtifactPreview::cleanup()
{
    delete m_preview;
    m_preview = nullptr;
}

void TestArtifactPreview::image()
{
    QImage picture(400, 300, QImage::Format_RGB32);
    picture.fill(Qt::white);
    QPainter painter(&picture);
    painter.fillRect(40, 40, 200, 120, QColor(0x1f, 0x77, 0xb4));
    painter.drawText(60, 220, QStringLiteral("confusion matrix"));
    painter.end();
    const QString path = m_dir.filePath(QStringLiteral("plot.png"));
    QVERIFY(picture.save(path));
    QVERIFY(show(path));
    QCOMPARE(m_kindShown, QStringLiteral("image"));
    auto *viewer = qobject_cast<ImagePreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QCOMPARE(viewer->imageSize(), QSize(400, 300));
    QVERIFY(viewer->isFitToWindow());
    QCOMPARE(viewer->shownSize(), QSize(400, 300)); // fits: shown at 100 %
    QVERIFY(m_preview->headerText().contains(QLatin1String("plot.png")));
    // KAIZEN_SCREENSHOT_ARTIFACT_IMAGE=/tmp/artifact-image.png keeps how it looks.
    screenshot("KAIZEN_SCREENSHOT_ARTIFACT_IMAGE", QStringLiteral("image.png"));
}

void TestArtifactPreview::svg()
{
    const QString path = write(QStringLiteral("plots/loss.svg"),
                               R"(<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200">
<polyline points="0,10 100,120 320,190" stroke="blue" fill="none"/></svg>)");
    QVERIFY(show(path));
    QCOMPARE(m_kindShown, QStringLiteral("svg"));
    auto *viewer = qobject_cast<ImagePreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QCOMPARE(viewer->imageSize(), QSize(320, 200));
    viewer->setZoom(2.0);
    QCOMPARE(viewer->shownSize(), QSize(640, 400)); // re-rendered, not stretched
}

void TestArtifactPreview::imageZoom()
{
    QImage big(3000, 2000, QImage::Format_RGB32);
    big.fill(Qt::darkGreen);
    const QString path = m_dir.filePath(QStringLiteral("big.png"));
    QVERIFY(big.save(path));
    QVERIFY(show(path));
    auto *viewer = qobject_cast<ImagePreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QVERIFY2(viewer->zoom() < 0.5, "fit to window shrinks a large image");
    QVERIFY(viewer->shownSize().width() <= viewer->width());
    const double fitted = viewer->zoom();
    // The zoom keys are shortcuts of the viewer: they work while focus is inside it.
    m_preview->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_preview));
    auto *scroll = viewer->findChild<QScrollArea *>();
    scroll->setFocus();
    QTRY_VERIFY(scroll->hasFocus());
    QTest::keyClick(scroll, Qt::Key_Plus);
    QVERIFY(viewer->zoom() > fitted);
    QVERIFY(!viewer->isFitToWindow());
    QTest::keyClick(scroll, Qt::Key_Minus);
    QCOMPARE(viewer->zoom(), fitted);
    QTest::keyClick(scroll, Qt::Key_1);
    QCOMPARE(viewer->zoom(), 1.0);
    QCOMPARE(viewer->shownSize(), QSize(3000, 2000));
    QWidget *viewport = viewer->findChild<QWidget *>(QStringLiteral("imageCanvas"))->parentWidget();
    QWheelEvent wheel(QPointF(10, 10), viewport->mapToGlobal(QPointF(10, 10)), QPoint(), QPoint(0, -120),
                      Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(viewport, &wheel);
    QVERIFY(viewer->zoom() < 1.0);
    QTest::keyClick(scroll, Qt::Key_F);
    QVERIFY(viewer->isFitToWindow());
    QCOMPARE(viewer->zoom(), fitted);
}

void TestArtifactPreview::text()
{
    QVERIFY(show(write(QStringLiteral("logs/train.log"), "epoch 1 loss 0.9\nepoch 2 loss 0.5\n")));
    QCOMPARE(m_kindShown, QStringLiteral("text"));
    auto *viewer = qobject_cast<TextPagePreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QCOMPARE(viewer->text(), QStringLiteral("epoch 1 loss 0.9\nepoch 2 loss 0.5\n"));
    QVERIFY(!viewer->findChild<QToolButton *>(QStringLiteral("nextPage"))->isVisibleTo(viewer)); // one page
}

void TestArtifactPreview::json()
{
    QVERIFY(show(
        write(QStringLiteral("classification_report.json"),
              R"({"accuracy":0.9915,"per_class":{"0":{"recall":0.998,"support":980},"1":{"recall":0.991,)"
              R"("support":1135}},"labels":["zero","one"],"note":null})")));
    QCOMPARE(m_kindShown, QStringLiteral("json"));
    auto *viewer = qobject_cast<StructuredPreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QVERIFY(viewer->text().startsWith(QLatin1String("{\n    \"accuracy\": 0.9915,\n    \"per_class\": {\n")));
    QVERIFY(viewer->isHighlighted());
    QVERIFY(viewer->errorText().isEmpty());
    // KAIZEN_SCREENSHOT_ARTIFACT_JSON=/tmp/artifact-json.png keeps how it looks.
    screenshot("KAIZEN_SCREENSHOT_ARTIFACT_JSON", QStringLiteral("json.png"));
}

void TestArtifactPreview::yaml()
{
    QVERIFY(show(write(QStringLiteral("config.yaml"), "model: {name: cnn, layers: [32, 64]}\nlr: 0.001\n")));
    QCOMPARE(m_kindShown, QStringLiteral("yaml"));
    auto *viewer = qobject_cast<StructuredPreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QVERIFY2(viewer->text().contains(QLatin1String("model:\n  name: cnn\n")), qPrintable(viewer->text()));
}

void TestArtifactPreview::csvSortsNumerically()
{
    QVERIFY(show(write(QStringLiteral("sweep_results.csv"),
                       "run,lr,val_accuracy\n\"child, 1\",0.01,0.98\nchild-2,0.1,0.9\nchild-3,0.001,0.995\n"
                       "child-10,1e-4,0.97\n")));
    QCOMPARE(m_kindShown, QStringLiteral("csv"));
    auto *viewer = qobject_cast<TablePreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QTRY_COMPARE(viewer->view()->model()->rowCount(), 4);
    QCOMPARE(viewer->view()->model()->columnCount(), 3);
    QCOMPARE(viewer->view()->model()->headerData(2, Qt::Horizontal).toString(),
             QStringLiteral("val_accuracy"));
    QTRY_VERIFY(!viewer->isLoading());
    viewer->view()->sortByColumn(1, Qt::AscendingOrder);
    QCOMPARE(viewer->view()->model()->index(0, 1).data().toString(), QStringLiteral("1e-4"));
    QCOMPARE(viewer->view()->model()->index(3, 1).data().toString(), QStringLiteral("0.1"));
    QCOMPARE(viewer->view()->model()->index(3, 0).data().toString(), QStringLiteral("child-2"));
    QVERIFY(viewer->statusText().startsWith(QLatin1String("4 rows")));
}

void TestArtifactPreview::tsv()
{
    QVERIFY(show(write(QStringLiteral("eval/metrics.tsv"), "k\tprecision\n1\t0.9\n5\t0.8\n10\t0.7\n")));
    QCOMPARE(m_kindShown, QStringLiteral("tsv"));
    auto *viewer = qobject_cast<TablePreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QTRY_COMPARE(viewer->view()->model()->rowCount(), 3);
    QCOMPARE(viewer->view()->model()->columnCount(), 2);
}

void TestArtifactPreview::markdown()
{
    QVERIFY(show(write(QStringLiteral("samples.md"),
                       "# Samples\n\nSome **bold** text and a "
                       "[link](https://example.com).\n\n![remote](https://example.com/x.png)\n")));
    QCOMPARE(m_kindShown, QStringLiteral("markdown"));
    auto *viewer = qobject_cast<MarkdownPreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QVERIFY(viewer->toPlainText().startsWith(QLatin1String("Samples\n")));
    QCOMPARE(viewer->document()->firstBlock().blockFormat().headingLevel(), 1);
    QVERIFY(!viewer->toPlainText().contains(QLatin1Char('#')));
    QVERIFY(!viewer->openLinks());
    QVERIFY(
        !viewer->loadResource(QTextDocument::ImageResource, QUrl(QStringLiteral("https://example.com/x.png")))
             .isValid());
}

void TestArtifactPreview::mlModel()
{
    write(QStringLiteral("model/requirements.txt"), "mlflow==3.9.0\ntorch==2.5.1\n");
    write(QStringLiteral("model/python_env.yaml"), "python: 3.11.9\n");
    QVERIFY(show(write(QStringLiteral("model/MLmodel"), MlModelText)));
    QCOMPARE(m_kindShown, QStringLiteral("mlmodel"));
    auto *viewer = qobject_cast<MlModelPreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    const QString shown = viewer->toPlainText();
    for (const char *expected :
         {"0f1e2d3c4b5a69788796a5b4c3d2e1f0", "5d1c0e7a9b8f4a3e8d2c1b0a9f8e7d6c", "pytorch",
          "pytorch_version", "2.5.1", "Inputs (1)", "(-1, 1, 28, 28)", "Outputs (1)", "(-1, 10)", "3.9.0",
          "2025-03-14 09:26:53.589793", "requirements.txt", "torch==2.5.1", "python_env.yaml"})
        QVERIFY2(shown.contains(QLatin1String(expected)), expected);
    // KAIZEN_SCREENSHOT_ARTIFACT_MLMODEL=/tmp/artifact-mlmodel.png keeps how it looks.
    screenshot("KAIZEN_SCREENSHOT_ARTIFACT_MLMODEL", QStringLiteral("mlmodel.png"));
}

void TestArtifactPreview::html()
{
    QVERIFY(show(write(QStringLiteral("report.html"),
                       "<html><body><h1>Report</h1><script>alert('x')</script></body></html>\n")));
    QCOMPARE(m_kindShown, QStringLiteral("html"));
    auto *viewer = qobject_cast<StructuredPreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QVERIFY(viewer->text().contains(QLatin1String("<script>alert('x')</script>"))); // the source, not run
}

void TestArtifactPreview::binary()
{
    QByteArray weights("\x93NUMPY\x01\x00", 8);
    weights += QByteArray(5000, '\x00');
    QVERIFY(show(write(QStringLiteral("weights.npy"), weights)));
    QCOMPARE(m_kindShown, QStringLiteral("binary"));
    auto *viewer = qobject_cast<HexPreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QVERIFY(viewer->text().startsWith(QLatin1String("00000000  93 4e 55 4d 50 59 01 00")));
    QVERIFY(viewer->text().contains(QLatin1String("|.NUMPY..")));
    QVERIFY(m_preview->headerText().contains(QLatin1String(" kB"))); // SI, as the tree writes sizes
    QVERIFY(m_preview->noticeText().isEmpty());
}

void TestArtifactPreview::missingFile()
{
    const QString message = showExpectingMessage(m_dir.filePath(QStringLiteral("gone.txt")));
    QVERIFY2(message.contains(QLatin1String("does not exist")), qPrintable(message));
    QCOMPARE(m_preview->messageText(), message);
}

void TestArtifactPreview::brokenSymlink()
{
    const QString link = m_dir.filePath(QStringLiteral("dangling.json"));
    QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("nowhere.json")), link));
    const QString message = showExpectingMessage(link);
    QVERIFY2(message.contains(QLatin1String("symbolic link")), qPrintable(message));
}

void TestArtifactPreview::folder()
{
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("checkpoints")));
    const QString message = showExpectingMessage(m_dir.filePath(QStringLiteral("checkpoints")));
    QVERIFY2(message.contains(QLatin1String("folder")), qPrintable(message));
}

void TestArtifactPreview::binaryNamedJson()
{
    QVERIFY(show(write(QStringLiteral("state.json"), QByteArray("\x80\x04\x95\x00\x00{\"a\"", 10))));
    QCOMPARE(m_kindShown, QStringLiteral("binary"));
    QVERIFY(qobject_cast<HexPreview *>(m_preview->currentViewer()));
    QVERIFY2(m_preview->noticeText().contains(QLatin1String("binary data")),
             qPrintable(m_preview->noticeText()));
}

void TestArtifactPreview::invalidJson()
{
    QVERIFY(show(write(QStringLiteral("broken.json"), "{\n  \"a\": 1,\n  \"b\": tru\n}\n")));
    QCOMPARE(m_kindShown, QStringLiteral("json"));
    auto *viewer = qobject_cast<StructuredPreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    // Qt's parser names the place it noticed the error (after "tru"): line 4 here.
    QVERIFY2(viewer->errorText().contains(QLatin1String("Line 4, column 1")),
             qPrintable(viewer->errorText()));
    QCOMPARE(viewer->text(), QStringLiteral("{\n  \"a\": 1,\n  \"b\": tru\n}\n")); // the raw text
}

void TestArtifactPreview::twoGigabyteLog()
{
    const qint64 size = 2LL * 1024 * 1024 * 1024;
    QFile file(m_dir.filePath(QStringLiteral("huge.log")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QByteArray head;
    for (int i = 0; i < 30000; ++i)
        head += "step " + QByteArray::number(i) + " loss 0.123 lr 3e-4\n";
    QVERIFY(file.write(head) == head.size());
    QVERIFY(file.resize(size));
    QVERIFY(file.seek(size - 12));
    QVERIFY(file.write("\nfinal line\n") == 12);
    file.close();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(show(file.fileName()));
    QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_kindShown, QStringLiteral("text"));
    auto *viewer = qobject_cast<TextPagePreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QVERIFY(viewer->text().startsWith(QLatin1String("step 0 loss")));
    const qint64 firstEnd = viewer->page().end;
    auto *next = viewer->findChild<QToolButton *>(QStringLiteral("nextPage"));
    QVERIFY(next->isVisibleTo(viewer) && next->isEnabled());
    next->click();
    QTRY_COMPARE(viewer->page().offset, firstEnd);
    QVERIFY(viewer->text().startsWith(QLatin1String("step ")));
    viewer->findChild<QToolButton *>(QStringLiteral("lastPage"))->click();
    QTRY_COMPARE(viewer->page().end, size);
    QVERIFY(viewer->text().endsWith(QLatin1String("final line\n")));
    QVERIFY(!viewer->findChild<QToolButton *>(QStringLiteral("nextPage"))->isEnabled());
    viewer->findChild<QToolButton *>(QStringLiteral("previousPage"))->click();
    QTRY_VERIFY(viewer->page().end < size);
    viewer->findChild<QToolButton *>(QStringLiteral("firstPage"))->click();
    QTRY_COMPARE(viewer->page().offset, 0);
}

void TestArtifactPreview::raggedCsv()
{
    QVERIFY(show(write(QStringLiteral("ragged.csv"), "a,b,c\n1,2,3\n4,5\n6,7,8,9\n")));
    auto *viewer = qobject_cast<TablePreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QTRY_VERIFY(!viewer->isLoading());
    QCOMPARE(viewer->view()->model()->rowCount(), 3);
    QCOMPARE(viewer->view()->model()->columnCount(), 4);
    QVERIFY2(viewer->statusText().contains(QLatin1String("padded")), qPrintable(viewer->statusText()));
}

void TestArtifactPreview::invalidUtf8()
{
    QVERIFY(show(write(QStringLiteral("latin1.txt"), "na\xefve caf\xe9\n")));
    auto *viewer = qobject_cast<TextPagePreview *>(m_preview->currentViewer());
    QVERIFY(viewer);
    QVERIFY(viewer->text().contains(QChar(0xfffd)));
    QVERIFY2(m_preview->noticeText().contains(QLatin1String("UTF-8")), qPrintable(m_preview->noticeText()));
}

void TestArtifactPreview::undecodableImage()
{
    QVERIFY(show(write(QStringLiteral("truncated.png"), QByteArray("\x89PNG\r\n\x1a\n\x00\x00garbage", 17))));
    QCOMPARE(m_kindShown, QStringLiteral("binary"));
    QVERIFY(qobject_cast<HexPreview *>(m_preview->currentViewer()));
    QVERIFY2(m_preview->noticeText().contains(QLatin1String("cannot be decoded")),
             qPrintable(m_preview->noticeText()));
}

void TestArtifactPreview::unreadableFile()
{
    if (::geteuid() == 0)
        QSKIP("root reads any file");
    const QString path = write(QStringLiteral("secret.txt"), "x\n");
    QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    const QString message = showExpectingMessage(path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY2(message.contains(QLatin1String("cannot be read")), qPrintable(message));
}

void TestArtifactPreview::largeJsonFallsBackToText()
{
    m_preview->loader()->setStructuredLimit(1024);
    QByteArray json = "[";
    for (int i = 0; i < 500; ++i)
        json += QByteArray::number(i) + ",\n";
    json += "0]\n";
    QVERIFY(show(write(QStringLiteral("large.json"), json)));
    QCOMPARE(m_kindShown, QStringLiteral("text"));
    QVERIFY(qobject_cast<TextPagePreview *>(m_preview->currentViewer()));
    QVERIFY2(m_preview->noticeText().contains(QLatin1String("plain text")),
             qPrintable(m_preview->noticeText()));
}

void TestArtifactPreview::newerFileSupersedes()
{
    const QString first = write(QStringLiteral("first.json"), "{\"first\": true}");
    const QString second = write(QStringLiteral("second.txt"), "second\n");
    QSignalSpy shown(m_preview, &ArtifactPreview::previewShown);
    m_preview->showFile(first);
    m_preview->showFile(second);
    QVERIFY(shown.wait(5000));
    QCOMPARE(shown.constFirst().constFirst().toString(), second);
    QCOMPARE(shown.size(), 1);
    QCOMPARE(m_preview->currentPath(), second);
}

void TestArtifactPreview::messageAndClear()
{
    m_preview->showMessage(QStringLiteral("Remote artifacts are not supported."));
    QCOMPARE(m_preview->messageText(), QStringLiteral("Remote artifacts are not supported."));
    QVERIFY(m_preview->currentPath().isEmpty());
    m_preview->clear();
    QVERIFY(m_preview->messageText().isEmpty());
}

// Every file kind the demo store writes opens in the viewer meant for it.
void TestArtifactPreview::demoStoreArtifacts()
{
    QTemporaryDir demo;
    QVERIFY(!TestSupport::buildDemoStore(demo).isEmpty());
    QHash<QString, QString> firstOfName;
    for (QDirIterator it(demo.filePath(QStringLiteral("mlruns")), QDir::Files, QDirIterator::Subdirectories);
         it.hasNext();) {
        const QString path = it.next();
        firstOfName.insert(QFileInfo(path).fileName(), path); // any one will do
    }
    const QList<QPair<const char *, const char *>> expected {
        {"MLmodel", "mlmodel"},     {"loss_curve.svg", "svg"},         {"confusion_matrix.png", "image"},
        {"training.log", "text"},   {"predictions.tsv", "tsv"},        {"report.html", "html"},
        {"config.yaml", "yaml"},    {"adapter_weights.npy", "binary"}, {"model.pkl", "binary"},
        {"samples.md", "markdown"}, {"sweep_results.csv", "csv"},      {"classification_report.json", "json"},
        {"python_env.yaml", "yaml"}};
    for (const auto &[name, kind] : expected) {
        const QString path = firstOfName.value(QLatin1String(name));
        QVERIFY2(!path.isEmpty(), name);
        QVERIFY2(show(path), name);
        QCOMPARE(m_kindShown, QLatin1String(kind));
        QVERIFY2(m_preview->noticeText().isEmpty(), qPrintable(m_preview->noticeText()));
        if (auto *structured = qobject_cast<StructuredPreview *>(m_preview->currentViewer()))
            QVERIFY2(structured->errorText().isEmpty(), qPrintable(structured->errorText()));
        if (auto *model = qobject_cast<MlModelPreview *>(m_preview->currentViewer())) {
            QVERIFY(model->summary().hasSignature);
            QVERIFY(!model->summary().inputs.isEmpty());
        }
    }
}

QTEST_MAIN(TestArtifactPreview)
#include "tst_artifactpreview.moc"
