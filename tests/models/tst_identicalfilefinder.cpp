#include "artifacttestfiles.h"
#include "identicalfilefinder.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestIdenticalFileFinder : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void findsIdenticalFiles();
    void missingRootsSkipped();
    void unreadableFileFails();
    void cancel();
    void newSearchSupersedes();

private:
    QList<RunArtifactRoot> runs() const;
    QTemporaryDir m_dir;
    QString m_dropped;
};

void TestIdenticalFileFinder::init()
{
    const QByteArray model = "model weights v1";
    m_dropped = m_dir.filePath("dropped/model.pkl");
    QVERIFY(ArtifactTestFiles::write(m_dir.path(), "dropped/model.pkl", model));
    // Run a holds it twice, run b once under another name, run c only a same-size look-alike.
    QVERIFY(ArtifactTestFiles::write(m_dir.path(), "a/model/model.pkl", model));
    QVERIFY(ArtifactTestFiles::write(m_dir.path(), "a/backup/copy.pkl", model));
    QVERIFY(ArtifactTestFiles::write(m_dir.path(), "a/metrics.json", "{}"));
    QVERIFY(ArtifactTestFiles::write(m_dir.path(), "b/final.bin", model));
    QVERIFY(ArtifactTestFiles::write(m_dir.path(), "c/model.pkl", "model weights v2"));
    QVERIFY(ArtifactTestFiles::write(m_dir.path(), "c/other.pkl", model + "!"));
}

QList<RunArtifactRoot> TestIdenticalFileFinder::runs() const
{
    return {{"ra", "run-a", "1", m_dir.filePath("a")},
            {"rb", "run-b", "1", m_dir.filePath("b")},
            {"rc", "run-c", "2", m_dir.filePath("c")}};
}

void TestIdenticalFileFinder::findsIdenticalFiles()
{
    IdenticalFileFinder finder;
    QSignalSpy finished(&finder, &IdenticalFileFinder::finished);
    QSignalSpy progress(&finder, &IdenticalFileFinder::progressChanged);
    QSignalSpy failed(&finder, &IdenticalFileFinder::failed);
    finder.find(m_dropped, runs());
    QVERIFY(finder.isFinding());
    QVERIFY(finished.wait(5000));
    QVERIFY(!finder.isFinding());
    QCOMPARE(failed.size(), 0);
    const auto matches = finished.at(0).at(0).value<QList<IdenticalFileMatch>>();
    QCOMPARE(matches,
             (QList<IdenticalFileMatch> {{"ra", "run-a", "1", "backup/copy.pkl"},
                                         {"ra", "run-a", "1", "model/model.pkl"},
                                         {"rb", "run-b", "1", "final.bin"}}));
    QCOMPARE(progress.last().at(0).toLongLong(), 3);
    QCOMPARE(progress.last().at(1).toLongLong(), 3);
    QCOMPARE(finder.skippedRunCount(), 0);
}

void TestIdenticalFileFinder::missingRootsSkipped()
{
    IdenticalFileFinder finder;
    QSignalSpy finished(&finder, &IdenticalFileFinder::finished);
    QList<RunArtifactRoot> withMissing = runs();
    withMissing.insert(1, {"rx", "run-x", "1", m_dir.filePath("no-such-run")});
    finder.find(m_dropped, withMissing);
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.at(0).at(0).value<QList<IdenticalFileMatch>>().size(), 3);
    QCOMPARE(finder.skippedRunCount(), 1);
}

void TestIdenticalFileFinder::unreadableFileFails()
{
    IdenticalFileFinder finder;
    QSignalSpy finished(&finder, &IdenticalFileFinder::finished);
    QSignalSpy failed(&finder, &IdenticalFileFinder::failed);
    finder.find(m_dir.filePath("dropped/none.pkl"), runs());
    QVERIFY(failed.wait(5000));
    QVERIFY(failed.at(0).at(0).toString().contains("none.pkl"));
    QCOMPARE(finished.size(), 0);
}

void TestIdenticalFileFinder::cancel()
{
    IdenticalFileFinder finder;
    QSignalSpy finished(&finder, &IdenticalFileFinder::finished);
    QSignalSpy failed(&finder, &IdenticalFileFinder::failed);
    finder.find(m_dropped, runs());
    finder.cancel();
    QVERIFY(!finder.isFinding());
    // A later search still delivers, and only its own result.
    finder.find(m_dir.filePath("c/model.pkl"), runs());
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).value<QList<IdenticalFileMatch>>(),
             (QList<IdenticalFileMatch> {{"rc", "run-c", "2", "model.pkl"}}));
    QCOMPARE(failed.size(), 0);
}

void TestIdenticalFileFinder::newSearchSupersedes()
{
    IdenticalFileFinder finder;
    QSignalSpy finished(&finder, &IdenticalFileFinder::finished);
    finder.find(m_dropped, runs());
    finder.find(m_dir.filePath("a/metrics.json"), runs());
    QVERIFY(finished.wait(5000));
    QTRY_VERIFY(!finder.isFinding());
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).value<QList<IdenticalFileMatch>>(),
             (QList<IdenticalFileMatch> {{"ra", "run-a", "1", "metrics.json"}}));
}

QTEST_GUILESS_MAIN(TestIdenticalFileFinder)
#include "tst_identicalfilefinder.moc"
