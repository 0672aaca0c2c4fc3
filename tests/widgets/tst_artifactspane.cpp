#include "artifactpreview.h"
#include "artifactroots.h"
#include "artifactspane.h"
#include "artifacttreemodel.h"
#include "storefactory.h"
#include "storelocation.h"
#include "testsupport.h"
#include "widgettestsupport.h"

#include <QDir>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

// The Artifacts pane on the demo store: where a run's artifacts are (or why not), the tree, the
// preview of the current file and files dragged out.
class TestArtifactsPane : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_store;
    Store::RunAttributes m_modelRun; // an mnist run with a logged model and a confusion matrix

    // Shows the run and waits until its location is resolved and the first level is listed.
    static bool showAndWait(ArtifactsPane &pane, const QString &store, const Store::RunAttributes &run)
    {
        QSignalSpy resolved(&pane, &ArtifactsPane::locationResolved);
        pane.showRun(store, run.runId, run.runName, run.artifactUri);
        if (!resolved.wait(10000))
            return false;
        return !pane.location().isLocal()
            || QTest::qWaitFor([&] { return pane.model()->rowCount() > 0; }, 10000);
    }
    QModelIndex viewIndexOf(ArtifactsPane &pane, const QString &relativePath)
    {
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(pane.treeView()->model());
        return proxy->mapFromSource(pane.model()->indexForPath(relativePath));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_store = TestSupport::buildDemoStore(m_dir);
        QVERIFY(!m_store.isEmpty());
        auto store = Store::openStore(m_store);
        QVERIFY(store);
        const auto runs = (*store)->runs({});
        QVERIFY(runs);
        for (int row = 0; row < runs->size() && m_modelRun.runId.isEmpty(); ++row) {
            const Store::RunAttributes &run = runs->run(row);
            const QString folder
                = QUrl(run.artifactUri).isLocalFile() ? QUrl(run.artifactUri).toLocalFile() : run.artifactUri;
            if (QFileInfo::exists(folder + QStringLiteral("/confusion_matrix.png")))
                m_modelRun = run;
        }
        QVERIFY2(!m_modelRun.runId.isEmpty(), "the demo store has an mnist run with a confusion matrix");
    }

    void showsTheRunsFolderAsATree()
    {
        ArtifactsPane pane(ArtifactsPane::Arrangement::Stacked);
        QVERIFY(showAndWait(pane, m_store, m_modelRun));
        QVERIFY(pane.location().isLocal());
        QVERIFY(pane.artifactRoot().endsWith(m_modelRun.runId + QStringLiteral("/artifacts")));
        QVERIFY(viewIndexOf(pane, QStringLiteral("model")).isValid());
        QVERIFY(viewIndexOf(pane, QStringLiteral("confusion_matrix.png")).isValid());
        // The bar names the folder, then its totals once the background count is in.
        QVERIFY(pane.statusText().contains(QDir::toNativeSeparators(pane.artifactRoot())));
        QTRY_VERIFY(pane.statusText().contains(QStringLiteral("files")));
    }

    void previewsTheCurrentFile()
    {
        ArtifactsPane pane(ArtifactsPane::Arrangement::SideBySide);
        pane.resize(1100, 700);
        pane.show();
        QVERIFY(showAndWait(pane, m_store, m_modelRun));
        QSignalSpy shown(pane.preview(), &ArtifactPreview::previewShown);
        pane.treeView()->setCurrentIndex(viewIndexOf(pane, QStringLiteral("confusion_matrix.png")));
        QVERIFY(shown.wait(10000));
        QCOMPARE(shown.last().at(0).toString(),
                 pane.artifactRoot() + QStringLiteral("/confusion_matrix.png"));
        VERIFY_SCREENSHOT(&pane,
                          WidgetTestSupport::screenshotPath("KAIZEN_SCREENSHOT_ARTIFACTS",
                                                            m_dir.filePath(QStringLiteral("pane.png"))));
    }

    void dragsFilesOutAsFileUrls()
    {
        ArtifactsPane pane(ArtifactsPane::Arrangement::Stacked);
        QVERIFY(showAndWait(pane, m_store, m_modelRun));
        const QModelIndex image = pane.model()->indexForPath(QStringLiteral("confusion_matrix.png"));
        const QModelIndex model = pane.model()->indexForPath(QStringLiteral("model"));
        std::unique_ptr<QMimeData> data(pane.model()->mimeData({image, model, image.siblingAtColumn(1)}));
        QVERIFY(data);
        const QList<QUrl> urls = data->urls();
        QCOMPARE(urls.size(), 2);
        for (const QUrl &url : urls) {
            QVERIFY(url.isLocalFile());
            QVERIFY(QFileInfo::exists(url.toLocalFile()));
        }
        QVERIFY(pane.treeView()->dragEnabled());
        QVERIFY(!pane.model()->canDropMimeData(data.get(), Qt::CopyAction, 0, 0, {}));
    }

    void saysWhyThereIsNoTree_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("says");
        QTest::addColumn<bool>("offersFolder");
        QTest::addRow("missing") << QStringLiteral("/nowhere/at/all") << QStringLiteral("/nowhere/at/all")
                                 << false;
        QTest::addRow("remote") << QStringLiteral("s3://bucket/1/abc/artifacts")
                                << QStringLiteral("remote artifact store") << false;
        QTest::addRow("served") << QStringLiteral("mlflow-artifacts:/1/abc/artifacts")
                                << QStringLiteral("mlartifacts") << true;
    }
    void saysWhyThereIsNoTree()
    {
        QFETCH(QString, uri);
        QFETCH(QString, says);
        QFETCH(bool, offersFolder);
        ArtifactsPane pane(ArtifactsPane::Arrangement::Stacked);
        pane.show();
        Store::RunAttributes run = m_modelRun;
        run.runId = QStringLiteral("abc");
        run.artifactUri = uri;
        QVERIFY(showAndWait(pane, m_store, run));
        QVERIFY(!pane.location().isLocal());
        QCOMPARE(pane.model()->rowCount(), 0);
        QVERIFY2(pane.statusText().contains(says), qPrintable(pane.statusText()));
        QCOMPARE(pane.findChild<QPushButton *>()->isVisible(), offersFolder);
    }

    void usesTheArtifactsFolderChosenForTheStore()
    {
        // A store served with --serve-artifacts: the user points Kaizen at the destination folder.
        const QString destination = m_dir.filePath(QStringLiteral("served"));
        QVERIFY(QDir().mkpath(destination + QStringLiteral("/7/abc/artifacts/plots")));
        ArtifactRoots::setRoot(Store::Location::normalize(m_store), destination);
        ArtifactsPane pane(ArtifactsPane::Arrangement::Stacked);
        Store::RunAttributes run = m_modelRun;
        run.runId = QStringLiteral("abc");
        run.artifactUri = QStringLiteral("mlflow-artifacts:/7/abc/artifacts");
        QVERIFY(showAndWait(pane, Store::Location::normalize(m_store), run));
        ArtifactRoots::setRoot(Store::Location::normalize(m_store), {});
        QVERIFY(pane.location().isLocal());
        QCOMPARE(pane.artifactRoot(), destination + QStringLiteral("/7/abc/artifacts"));
        QVERIFY(viewIndexOf(pane, QStringLiteral("plots")).isValid());
    }

    void clearForgetsTheRun()
    {
        ArtifactsPane pane(ArtifactsPane::Arrangement::Stacked);
        QVERIFY(showAndWait(pane, m_store, m_modelRun));
        pane.clear();
        QCOMPARE(pane.model()->rowCount(), 0);
        QVERIFY(pane.runId().isEmpty());
        QVERIFY(pane.artifactRoot().isEmpty());
    }
};

QTEST_MAIN(TestArtifactsPane)
#include "tst_artifactspane.moc"
