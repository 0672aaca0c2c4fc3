#include "artifactlisting.h"
#include "artifacttestfiles.h"
#include "artifacttreediff.h"

#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

using namespace Artifacts;

class TestArtifactTreeDiff : public QObject
{
    Q_OBJECT
private slots:
    void marks_data();
    void marks();
    void unionIsInListingOrder();
    void digestsOnlyForSameSize();
    void nestedFolderMarkedChanged();
    void changedCountLeavesOutFolders();
    void symlinkLoopsDoNotHang();
    void sameFileThroughLinkIsSame();
    void cancelled();

private:
    // The marks of the diff of two trees written from path → contents maps ("dir/" ending in a
    // slash: an empty folder).
    static QMap<QString, DiffMark> diffOf(const QMap<QString, QByteArray> &left,
                                          const QMap<QString, QByteArray> &right, TreeDiff *out = nullptr);
};

QMap<QString, DiffMark> TestArtifactTreeDiff::diffOf(const QMap<QString, QByteArray> &left,
                                                     const QMap<QString, QByteArray> &right, TreeDiff *out)
{
    QTemporaryDir leftDir, rightDir;
    const auto fill = [](const QString &root, const QMap<QString, QByteArray> &files) {
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            if (it.key().endsWith('/'))
                QDir(root).mkpath(it.key());
            else
                ArtifactTestFiles::write(root, it.key(), it.value());
        }
    };
    fill(leftDir.path(), left);
    fill(rightDir.path(), right);
    const auto diff = diffTrees(leftDir.path(), *listArtifacts(leftDir.path()), rightDir.path(),
                                *listArtifacts(rightDir.path()));
    QMap<QString, DiffMark> marks;
    if (!diff)
        return marks;
    for (const TreeDiffEntry &e : diff->entries)
        marks.insert(e.path, e.mark);
    if (out)
        *out = *diff;
    return marks;
}

using Files = QMap<QString, QByteArray>;
using Marks = QMap<QString, DiffMark>;

void TestArtifactTreeDiff::marks_data()
{
    QTest::addColumn<Files>("left");
    QTest::addColumn<Files>("right");
    QTest::addColumn<Marks>("expected");
    QTest::addRow("same") << Files {{"a.txt", "x"}, {"empty", ""}} << Files {{"a.txt", "x"}, {"empty", ""}}
                          << Marks {{"a.txt", DiffMark::Same}, {"empty", DiffMark::Same}};
    QTest::addRow("added") << Files {} << Files {{"new.txt", "x"}} << Marks {{"new.txt", DiffMark::Added}};
    QTest::addRow("removed") << Files {{"old.txt", "x"}} << Files {}
                             << Marks {{"old.txt", DiffMark::Removed}};
    QTest::addRow("changed by size") << Files {{"f", "abc"}} << Files {{"f", "abcd"}}
                                     << Marks {{"f", DiffMark::Changed}};
    QTest::addRow("same size, other content")
        << Files {{"f", "abc"}} << Files {{"f", "abd"}} << Marks {{"f", DiffMark::Changed}};
    QTest::addRow("file became a folder")
        << Files {{"model", "weights"}} << Files {{"model/MLmodel", "flavors"}}
        << Marks {{"model", DiffMark::TypeChanged}, {"model/MLmodel", DiffMark::Added}};
    QTest::addRow("folder only on the left") << Files {{"plots/a.png", "p"}, {"plots/b.png", "q"}} << Files {}
                                             << Marks {{"plots", DiffMark::Removed},
                                                       {"plots/a.png", DiffMark::Removed},
                                                       {"plots/b.png", DiffMark::Removed}};
    QTest::addRow("empty folders") << Files {{"d/", ""}} << Files {{"d/", ""}}
                                   << Marks {{"d", DiffMark::Same}};
}

void TestArtifactTreeDiff::marks()
{
    QFETCH(Files, left);
    QFETCH(Files, right);
    QFETCH(Marks, expected);
    QCOMPARE(diffOf(left, right), expected);
}

void TestArtifactTreeDiff::unionIsInListingOrder()
{
    TreeDiff diff;
    diffOf({{"b", "1"}, {"a/x", "1"}, {"a b", "1"}}, {{"a/y", "2"}, {"c", "3"}}, &diff);
    QStringList paths;
    for (const TreeDiffEntry &e : diff.entries)
        paths.append(e.path);
    QCOMPARE(paths, (QStringList {"a", "a/x", "a/y", "a b", "b", "c"}));
}

void TestArtifactTreeDiff::digestsOnlyForSameSize()
{
    TreeDiff diff;
    diffOf({{"same", "abc"}, {"other", "abc"}, {"grown", "ab"}},
           {{"same", "abc"}, {"other", "abd"}, {"grown", "abc"}}, &diff);
    for (const TreeDiffEntry &e : diff.entries) {
        if (e.path == "grown") {
            QVERIFY(e.leftDigest.isEmpty());
            QVERIFY(e.rightDigest.isEmpty());
        } else {
            QCOMPARE(e.leftDigest.size(), 32);
            QCOMPARE(e.rightDigest.size(), 32);
            QCOMPARE(e.leftDigest == e.rightDigest, e.path == "same");
        }
    }
}

void TestArtifactTreeDiff::nestedFolderMarkedChanged()
{
    const Marks marks = diffOf({{"model/data/w.bin", "1234"}, {"model/MLmodel", "m"}, {"other/f", "same"}},
                               {{"model/data/w.bin", "1235"}, {"model/MLmodel", "m"}, {"other/f", "same"}});
    QCOMPARE(marks.value("model/data/w.bin"), DiffMark::Changed);
    QCOMPARE(marks.value("model/data"), DiffMark::Changed);
    QCOMPARE(marks.value("model"), DiffMark::Changed);
    QCOMPARE(marks.value("model/MLmodel"), DiffMark::Same);
    QCOMPARE(marks.value("other"), DiffMark::Same);
    QCOMPARE(marks.value("other/f"), DiffMark::Same);
}

void TestArtifactTreeDiff::changedCountLeavesOutFolders()
{
    TreeDiff diff;
    diffOf({{"d/a", "1"}, {"d/b", "1"}, {"gone", "x"}}, {{"d/a", "2"}, {"d/b", "1"}, {"new/f", "x"}}, &diff);
    // d/a changed, gone removed, new and new/f added; d is only Changed by its contents.
    QCOMPARE(diff.changedCount(), 4);
}

void TestArtifactTreeDiff::symlinkLoopsDoNotHang()
{
    QTemporaryDir left, right;
    QVERIFY(ArtifactTestFiles::write(left.path(), "d/f", "x"));
    QVERIFY(ArtifactTestFiles::write(right.path(), "d/f", "x"));
    QVERIFY(QFile::link(left.filePath("d"), left.filePath("d/loop")));
    QVERIFY(QFile::link(right.filePath("d"), right.filePath("d/loop")));
    QVERIFY(QFile::link(left.filePath("nowhere"), left.filePath("dangling")));
    QVERIFY(QFile::link(right.filePath("d/f"), right.filePath("dangling")));
    const auto diff
        = diffTrees(left.path(), *listArtifacts(left.path()), right.path(), *listArtifacts(right.path()));
    QVERIFY(diff);
    QMap<QString, DiffMark> marks;
    for (const TreeDiffEntry &e : diff->entries)
        marks.insert(e.path, e.mark);
    QCOMPARE(marks.value("d/loop"), DiffMark::Same); // both a loop, never followed
    QCOMPARE(marks.value("d/f"), DiffMark::Same);
    QCOMPARE(marks.value("dangling"), DiffMark::Changed); // broken on the left, a file on the right
}

void TestArtifactTreeDiff::sameFileThroughLinkIsSame()
{
    QTemporaryDir dir;
    QVERIFY(ArtifactTestFiles::write(dir.path(), "run/f.bin", "payload"));
    // Both roots the same folder: nothing is read twice, everything is Same.
    const QString root = dir.filePath("run");
    const auto diff = diffTrees(root, *listArtifacts(root), root, *listArtifacts(root));
    QVERIFY(diff);
    QCOMPARE(diff->entries.size(), 1);
    QCOMPARE(diff->entries[0].mark, DiffMark::Same);
    QVERIFY(diff->entries[0].leftDigest.isEmpty());
}

void TestArtifactTreeDiff::cancelled()
{
    QTemporaryDir left, right;
    QVERIFY(ArtifactTestFiles::write(left.path(), "f", "abc"));
    QVERIFY(ArtifactTestFiles::write(right.path(), "f", "abd"));
    Store::CancelFlag cancel(true);
    const auto diff = diffTrees(left.path(), *listArtifacts(left.path()), right.path(),
                                *listArtifacts(right.path()), &cancel);
    QVERIFY(!diff);
    QCOMPARE(diff.error().code, Store::Error::Cancelled);
}

QTEST_GUILESS_MAIN(TestArtifactTreeDiff)
#include "tst_artifacttreediff.moc"
