#include "artifactdiffmodel.h"
#include "artifactdiffview.h"
#include "difftextedit.h"
#include "imagediffview.h"
#include "textdiffview.h"
#include "widgettestsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTreeView>

class TestArtifactDiffView : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void treeComparedWithCount();
    void onlyDifferences();
    void jsonSideBySide();
    void imageOverlay();
    void missingSide();
    void binaryFiles();

private:
    bool write(const QString &relativePath, const QByteArray &bytes);
    bool writeImage(const QString &relativePath, const QColor &color, const QPoint &at);
    // Shows the view comparing left/ with right/ and waits for the tree diff.
    bool compare(ArtifactDiffView &view, int *changedCount = nullptr);
    bool showPath(ArtifactDiffView &view, const QString &relativePath);
    QString screenshotPath(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

bool TestArtifactDiffView::write(const QString &relativePath, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool TestArtifactDiffView::writeImage(const QString &relativePath, const QColor &color, const QPoint &at)
{
    // A white plot with one coloured box: the overlay shows both boxes where they do not meet.
    QImage image(160, 120, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.fillRect(QRect(at, QSize(70, 50)), color);
    painter.end();
    const QString path = m_dir->filePath(relativePath);
    QDir().mkpath(QFileInfo(path).absolutePath());
    return image.save(path, "PNG");
}

void TestArtifactDiffView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(
        write("left/config.json", R"({"lr": 0.001, "layers": [64, 32], "name": "baseline", "epochs": 10})"));
    QVERIFY(write("right/config.json",
                  "{\n  \"name\": \"baseline\",\n  \"epochs\": 10,\n  \"layers\": [64, 64],\n"
                  "  \"lr\": 0.01\n}\n"));
    QVERIFY(write("left/notes.txt", "same\n"));
    QVERIFY(write("right/notes.txt", "same\n"));
    QVERIFY(writeImage("left/plots/loss.png", QColor(255, 0, 0), QPoint(20, 20)));
    QVERIFY(writeImage("right/plots/loss.png", QColor(0, 0, 255), QPoint(60, 50)));
    QVERIFY(write("left/model.bin", QByteArray("\x00\x01\x02\x03", 4)));
    QVERIFY(write("right/model.bin", QByteArray("\x00\x01\x02\x04", 4)));
    QVERIFY(write("left/only-left.txt", "first line\nsecond line\n"));
    QVERIFY(write("right/extra/readme.md", "# Extra\n"));
}

bool TestArtifactDiffView::compare(ArtifactDiffView &view, int *changedCount)
{
    QSignalSpy compared(&view, &ArtifactDiffView::treeCompared);
    view.resize(1200, 640);
    view.show();
    view.compare(m_dir->filePath("left"), "run-a", m_dir->filePath("right"), "run-b");
    if (!compared.wait(5000))
        return false;
    if (changedCount)
        *changedCount = compared.at(0).at(0).toInt();
    return true;
}

bool TestArtifactDiffView::showPath(ArtifactDiffView &view, const QString &relativePath)
{
    QSignalSpy shown(&view, &ArtifactDiffView::diffShown);
    if (!view.selectPath(relativePath))
        return false;
    return shown.wait(5000) && shown.last().at(0).toString() == relativePath;
}

QString TestArtifactDiffView::screenshotPath(const QString &name) const
{
    const QString folder = qEnvironmentVariable("KAIZEN_SCREENSHOT_ARTIFACT_DIFF");
    return folder.isEmpty() ? m_dir->filePath(name) : QDir(folder).filePath(name);
}

void TestArtifactDiffView::treeComparedWithCount()
{
    ArtifactDiffView view;
    int changed = -1;
    QVERIFY(compare(view, &changed));
    // config.json, plots/loss.png, model.bin changed; only-left.txt removed; extra, extra/readme.md added.
    QCOMPARE(changed, 6);
    ArtifactDiffModel *model = view.model();
    QCOMPARE(model->rowCount(), 6); // config.json extra model.bin notes.txt only-left.txt plots
    QCOMPARE(model->indexOfPath("only-left.txt").data(ArtifactDiffModel::MarkRole).toInt(),
             int(Artifacts::DiffMark::Removed));
    QCOMPARE(model->indexOfPath("extra/readme.md").data(ArtifactDiffModel::MarkRole).toInt(),
             int(Artifacts::DiffMark::Added));
    QCOMPARE(model->indexOfPath("plots").data(ArtifactDiffModel::MarkRole).toInt(),
             int(Artifacts::DiffMark::Changed));
    QVERIFY(view.treeView()->isExpanded(model->indexOfPath("plots")));
}

void TestArtifactDiffView::onlyDifferences()
{
    ArtifactDiffView view;
    QVERIFY(compare(view));
    view.setOnlyDifferences(true);
    QCOMPARE(view.model()->rowCount(), 5); // notes.txt hidden
    QVERIFY(!view.model()->indexOfPath("notes.txt").isValid());
    QVERIFY(view.selectPath("notes.txt")); // shows the Same rows again to select one
    QVERIFY(!view.model()->onlyDifferences());
}

void TestArtifactDiffView::jsonSideBySide()
{
    ArtifactDiffView view;
    QVERIFY(compare(view));
    QVERIFY(showPath(view, "config.json"));
    QCOMPARE(view.currentPage(), view.textDiffView());
    TextDiffView *text = view.textDiffView();
    QVERIFY(text->notice().contains("JSON"));
    // Pretty-printed with sorted keys: only the layers' second element and lr differ.
    const QList<QTextEdit::ExtraSelection> left = text->leftEdit()->extraSelections();
    const QList<QTextEdit::ExtraSelection> right = text->rightEdit()->extraSelections();
    QStringList highlightedLeft, highlightedRight;
    for (const auto &selection : left) {
        if (selection.format.property(QTextFormat::FullWidthSelection).toBool())
            highlightedLeft.append(selection.cursor.block().text().trimmed());
    }
    for (const auto &selection : right) {
        if (selection.format.property(QTextFormat::FullWidthSelection).toBool())
            highlightedRight.append(selection.cursor.block().text().trimmed());
        else
            QCOMPARE(selection.format.background().color(),
                     TextDiffView::addedCharacterTint(text->palette()));
    }
    QCOMPARE(highlightedLeft, (QStringList {"32", "\"lr\": 0.001,"}));
    QCOMPARE(highlightedRight, (QStringList {"64", "\"lr\": 0.01,"}));
    QVERIFY(left.size() > highlightedLeft.size()); // character ranges too
    QCOMPARE(text->leftEdit()->document()->blockCount(), text->rightEdit()->document()->blockCount());
    QCOMPARE(text->leftEdit()->lineNumbers().first(), 1);
    VERIFY_SCREENSHOT(&view, screenshotPath("artifact-text-diff.png"));
}

void TestArtifactDiffView::imageOverlay()
{
    ArtifactDiffView view;
    QVERIFY(compare(view));
    QVERIFY(showPath(view, "plots/loss.png"));
    ImageDiffView *images = view.imageDiffView();
    QCOMPARE(view.currentPage(), images);
    images->setMode(ImageDiffView::Mode::Overlay);
    QSlider *slider = images->blendSlider();
    slider->setValue(0);
    QCOMPARE(images->blendedImage().pixelColor(80, 60), QColor(255, 0, 0));
    slider->setValue(100);
    QCOMPARE(images->blendedImage().pixelColor(80, 60), QColor(0, 0, 255));
    slider->setValue(30);
    QCOMPARE(images->blendedImage().pixelColor(30, 30), QColor(255, 75, 75)); // 70 % red, 30 % white
    const QColor mixed = images->blendedImage().pixelColor(80, 60);
    QVERIFY2(qAbs(mixed.red() - 178) <= 2 && qAbs(mixed.blue() - 77) <= 2, qPrintable(mixed.name()));
    QCOMPARE(mixed.alpha(), 255);
    VERIFY_SCREENSHOT(&view, screenshotPath("artifact-image-overlay.png"));
}

void TestArtifactDiffView::missingSide()
{
    ArtifactDiffView view;
    QVERIFY(compare(view));
    QVERIFY(showPath(view, "only-left.txt"));
    QVERIFY(view.notice().contains("only in run-a"));
    QCOMPARE(view.currentPage(), view.textDiffView());
    QCOMPARE(view.textDiffView()->leftEdit()->toPlainText(), QString("first line\nsecond line"));
    QCOMPARE(view.textDiffView()->rightEdit()->toPlainText(), QString("\n"));
    QCOMPARE(view.textDiffView()->rightEdit()->lineNumbers(), (QList<int> {-1, -1}));
    // A file pair with both sides present clears the notice.
    QVERIFY(showPath(view, "notes.txt"));
    QVERIFY(view.notice().isEmpty());
}

void TestArtifactDiffView::binaryFiles()
{
    ArtifactDiffView view;
    QVERIFY(compare(view));
    QVERIFY(showPath(view, "model.bin"));
    QVERIFY(view.currentPage() != view.textDiffView());
    QVERIFY(view.message().contains("Different"));
    QVERIFY(view.message().contains(QLocale().formattedDataSize(4)));
    QVERIFY(view.message().contains(
        QCryptographicHash::hash(QByteArray("\x00\x01\x02\x04", 4), QCryptographicHash::Sha256).toHex()));
}

QTEST_MAIN(TestArtifactDiffView)
#include "tst_artifactdiffview.moc"
