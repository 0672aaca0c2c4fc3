#include "artifacttreemodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <unistd.h>

// The artifact tree on real folders: lazy reading through fetchMore, order, sizes, links that
// must not be followed, drag out as file URLs, the background count, superseded roots, and a
// folder large enough to arrive in several batches.
class TestArtifactTreeModel : public QObject
{
    Q_OBJECT

private:
    bool write(const QString &relative, qint64 size)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.resize(size);
    }
    bool link(const QString &target, const QString &relative)
    {
        return ::symlink(QFile::encodeName(target).constData(),
                         QFile::encodeName(m_dir.filePath(relative)).constData())
            == 0;
    }
    // Waits until `spy` (on folderLoaded or folderFailed) has reported `path`.
    static bool waitFor(QSignalSpy &spy, const QString &path)
    {
        for (;;) {
            for (const QList<QVariant> &arguments : std::as_const(spy)) {
                if (arguments.at(0).toString() == path)
                    return true;
            }
            if (!spy.wait(5000))
                return false;
        }
    }
    static QStringList childPaths(const ArtifactTreeModel &model, const QModelIndex &parent = {})
    {
        QStringList paths;
        for (int row = 0; row < model.rowCount(parent); ++row)
            paths.append(model.entryAt(model.index(row, 0, parent)).path);
        return paths;
    }

    QTemporaryDir m_dir;

private slots:
    void initTestCase();
    void firstLevel();
    void lazyLoading();
    void testerWalksTheTree();
    void mimeData();
    void totals();
    void setRootTwiceQuickly();
    void largeFolderArrivesInBatches();
    void missingRoot();
    void unreadableFolder();
    void clear();
};

// a_dir/sub/deep.txt (4 bytes), empty_dir/, z_dir/inner.txt (2), A.txt (1,234,567), b.txt (3),
// loop -> . (a link back to the root), dangling -> nowhere.
void TestArtifactTreeModel::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_dir.isValid());
    QVERIFY(write(QStringLiteral("a_dir/sub/deep.txt"), 4));
    QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("empty_dir")));
    QVERIFY(write(QStringLiteral("z_dir/inner.txt"), 2));
    QVERIFY(write(QStringLiteral("A.txt"), 1234567));
    QVERIFY(write(QStringLiteral("b.txt"), 3));
    QVERIFY(link(QStringLiteral("."), QStringLiteral("loop")));
    QVERIFY(link(QStringLiteral("nowhere"), QStringLiteral("dangling")));
}

void TestArtifactTreeModel::firstLevel()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ArtifactTreeModel::folderLoaded);
    QSignalSpy loading(&model, &ArtifactTreeModel::loadingChanged);
    model.setRoot(m_dir.path());
    QVERIFY(model.isLoading());
    QCOMPARE(model.rowCount(), 0); // nothing on the GUI thread yet
    QVERIFY(waitFor(loaded, QString()));
    QCOMPARE(model.root(), m_dir.path());

    QCOMPARE(childPaths(model).mid(0, 7),
             (QStringList {"a_dir", "empty_dir", "loop", "z_dir", "A.txt", "b.txt", "dangling"}));
    const QModelIndex big = model.indexForPath(QStringLiteral("A.txt"));
    QVERIFY(big.isValid());
    QCOMPARE(big.data().toString(), QStringLiteral("A.txt"));
    const QModelIndex bigSize = big.siblingAtColumn(ArtifactTreeModel::SizeColumn);
    QCOMPARE(bigSize.data().toString(), QStringLiteral("1.2 MB"));
    QCOMPARE(bigSize.data(Qt::ToolTipRole).toString(), QStringLiteral("1,234,567 bytes"));
    QCOMPARE(bigSize.data(ArtifactTreeModel::SortRole).toLongLong(), 1234567);
    QCOMPARE(model.indexForPath(QStringLiteral("b.txt")).siblingAtColumn(1).data().toString(),
             QStringLiteral("3 bytes"));
    const QModelIndex modified = big.siblingAtColumn(ArtifactTreeModel::ModifiedColumn);
    QVERIFY(!modified.data().toString().isEmpty());
    QCOMPARE(modified.data(ArtifactTreeModel::SortRole).toLongLong(),
             QFileInfo(m_dir.filePath(QStringLiteral("A.txt"))).lastModified().toMSecsSinceEpoch());
    QCOMPARE(big.data(ArtifactTreeModel::AbsolutePathRole).toString(),
             m_dir.filePath(QStringLiteral("A.txt")));
    QCOMPARE(model.absolutePath(big), m_dir.filePath(QStringLiteral("A.txt")));
    QCOMPARE(big.data(ArtifactTreeModel::EntryRole).value<Artifacts::ArtifactEntry>().size, 1234567);
    QCOMPARE(big.data(ArtifactTreeModel::IsDirRole).toBool(), false);
    QVERIFY(!model.hasChildren(big));
    QCOMPARE(model.headerData(ArtifactTreeModel::SizeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Size"));

    const QModelIndex folder = model.indexForPath(QStringLiteral("a_dir"));
    QCOMPARE(folder.data(ArtifactTreeModel::IsDirRole).toBool(), true);
    QCOMPARE(folder.data(ArtifactTreeModel::SortRole).toString(), QStringLiteral("0a_dir"));
    QCOMPARE(big.data(ArtifactTreeModel::SortRole).toString(), QStringLiteral("1A.txt"));
    QVERIFY(folder.siblingAtColumn(1).data().toString().isEmpty());

    // Links that cannot be followed are marked and never expand.
    const QModelIndex loop = model.indexForPath(QStringLiteral("loop"));
    QCOMPARE(loop.data().toString(), QStringLiteral("loop (link not followed)"));
    QVERIFY(loop.data(Qt::ToolTipRole).toString().contains(QLatin1String("not followed")));
    QVERIFY(!model.hasChildren(loop));
    QVERIFY(!model.canFetchMore(loop));
    const QModelIndex dangling = model.indexForPath(QStringLiteral("dangling"));
    QCOMPARE(dangling.data().toString(), QStringLiteral("dangling (broken link)"));
    QVERIFY(!(model.flags(dangling) & Qt::ItemIsDragEnabled));
    QVERIFY(model.flags(big) & Qt::ItemIsDragEnabled);
    QVERIFY(model.flags(loop) & Qt::ItemIsDragEnabled);

    QTRY_VERIFY(!model.isLoading()); // the tester opened the folders too
    QCOMPARE(loading.first().at(0).toBool(), true);
    QCOMPARE(loading.last().at(0).toBool(), false);
}

// Without a tester, which opens every folder it walks: nothing below the first level is read
// until the view asks.
void TestArtifactTreeModel::lazyLoading()
{
    ArtifactTreeModel model;
    QSignalSpy loaded(&model, &ArtifactTreeModel::folderLoaded);
    QSignalSpy totals(&model, &ArtifactTreeModel::totalsCounted);
    model.setRoot(m_dir.path());
    QVERIFY(!model.canFetchMore(QModelIndex())); // already being read
    QVERIFY(waitFor(loaded, QString()));
    QVERIFY(totals.wait(5000)); // the event loop went on after the first level
    QCOMPARE(loaded.size(), 1);

    const QModelIndex folder = model.indexForPath(QStringLiteral("a_dir"));
    QVERIFY(model.hasChildren(folder));
    QCOMPARE(model.rowCount(folder), 0);
    QVERIFY(model.canFetchMore(folder));
    QVERIFY(!model.canFetchMore(folder.siblingAtColumn(1)));
    QVERIFY(!model.indexForPath(QStringLiteral("a_dir/sub")).isValid());

    model.fetchMore(folder);
    QVERIFY(!model.canFetchMore(folder));
    QVERIFY(model.isLoading());
    QCOMPARE(model.rowCount(folder), 0); // delivered through the event loop
    QVERIFY(waitFor(loaded, QStringLiteral("a_dir")));
    QCOMPARE(childPaths(model, folder), QStringList {"a_dir/sub"});
    const QModelIndex sub = model.indexForPath(QStringLiteral("a_dir/sub"));
    QCOMPARE(model.parent(sub), folder);
    QVERIFY(model.hasChildren(sub));
    QCOMPARE(model.rowCount(sub), 0);

    const QModelIndex empty = model.indexForPath(QStringLiteral("empty_dir"));
    QVERIFY(model.hasChildren(empty)); // until it turns out empty
    model.fetchMore(empty);
    QVERIFY(waitFor(loaded, QStringLiteral("empty_dir")));
    QVERIFY(!model.hasChildren(empty));
    QVERIFY(!model.isLoading());
}

void TestArtifactTreeModel::testerWalksTheTree()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoot(m_dir.path());
    QTRY_VERIFY(model.indexForPath(QStringLiteral("a_dir/sub/deep.txt")).isValid());
    QTRY_VERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(model.indexForPath(QStringLiteral("z_dir"))), 1);
    QCOMPARE(model.rowCount(model.indexForPath(QStringLiteral("loop"))), 0);
}

void TestArtifactTreeModel::mimeData()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ArtifactTreeModel::folderLoaded);
    model.setRoot(m_dir.path());
    QVERIFY(waitFor(loaded, QString()));
    const QModelIndex big = model.indexForPath(QStringLiteral("A.txt"));
    const QModelIndex folder = model.indexForPath(QStringLiteral("z_dir"));
    const QModelIndex dangling = model.indexForPath(QStringLiteral("dangling"));
    // A selected row comes in one index per column.
    const QModelIndexList selection
        = {big, big.siblingAtColumn(1), big.siblingAtColumn(2), folder, folder.siblingAtColumn(2), dangling};
    std::unique_ptr<QMimeData> mime(model.mimeData(selection));
    QVERIFY(mime);
    QCOMPARE(mime->urls(),
             (QList<QUrl> {QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("A.txt"))),
                           QUrl::fromLocalFile(m_dir.filePath(QStringLiteral("z_dir")))}));
    QCOMPARE(model.mimeTypes(), QStringList {QStringLiteral("text/uri-list")});
    QCOMPARE(model.supportedDragActions(), Qt::CopyAction);
    QCOMPARE(model.supportedDropActions(), Qt::IgnoreAction);
    QVERIFY(!model.canDropMimeData(mime.get(), Qt::CopyAction, 0, 0, folder));
    QVERIFY(!model.dropMimeData(mime.get(), Qt::CopyAction, 0, 0, folder));
    QVERIFY(!(model.flags(folder) & Qt::ItemIsDropEnabled));
}

void TestArtifactTreeModel::totals()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy totals(&model, &ArtifactTreeModel::totalsCounted);
    model.setRoot(m_dir.path());
    QVERIFY(totals.wait(5000));
    QCOMPARE(totals.size(), 1);
    // Files: A.txt, b.txt, dangling, z_dir/inner.txt, a_dir/sub/deep.txt; folders: a_dir,
    // a_dir/sub, empty_dir, loop, z_dir.
    QCOMPARE(totals.first().at(0).toLongLong(), 5);
    QCOMPARE(totals.first().at(1).toLongLong(), 5);
    QCOMPARE(totals.first().at(2).toLongLong(), 1234567 + 3 + 2 + 4);
}

void TestArtifactTreeModel::setRootTwiceQuickly()
{
    QTemporaryDir other;
    for (const char *name : {"only-here-1", "only-here-2"})
        QFile(other.filePath(QLatin1String(name))).open(QIODevice::WriteOnly);
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ArtifactTreeModel::folderLoaded);
    QSignalSpy totals(&model, &ArtifactTreeModel::totalsCounted);
    model.setRoot(m_dir.path());
    model.setRoot(other.path());
    QVERIFY(totals.wait(5000));
    QCOMPARE(childPaths(model), (QStringList {"only-here-1", "only-here-2"}));
    QCOMPARE(loaded.size(), 1); // the first root's level was dropped
    QCOMPARE(totals.size(), 1);
    QCOMPARE(totals.first().at(0).toLongLong(), 2);
    QCOMPARE(model.root(), other.path());
}

void TestArtifactTreeModel::largeFolderArrivesInBatches()
{
    constexpr int Files = 5000;
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("big")));
    for (int i = Files - 1; i >= 0; --i)
        QFile(dir.filePath(QStringLiteral("big/f%1").arg(i, 5, 10, QLatin1Char('0'))))
            .open(QIODevice::WriteOnly);
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ArtifactTreeModel::folderLoaded);
    QSignalSpy inserted(&model, &ArtifactTreeModel::rowsInserted);
    model.setRoot(dir.path() + QStringLiteral("/big"));
    QVERIFY(waitFor(loaded, QString()));
    QCOMPARE(model.rowCount(), Files);
    QCOMPARE(inserted.size(), (Files + ArtifactTreeModel::BatchSize - 1) / ArtifactTreeModel::BatchSize);
    for (const QList<QVariant> &batch : std::as_const(inserted))
        QVERIFY(batch.at(2).toInt() - batch.at(1).toInt() + 1 <= ArtifactTreeModel::BatchSize);
    QCOMPARE(model.entryAt(model.index(0, 0)).path, QStringLiteral("f00000"));
    QCOMPARE(model.entryAt(model.index(Files - 1, 0)).path, QStringLiteral("f04999"));
    QVERIFY(model.indexForPath(QStringLiteral("f04321")).isValid());
}

void TestArtifactTreeModel::missingRoot()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy failed(&model, &ArtifactTreeModel::folderFailed);
    const QString missing = m_dir.filePath(QStringLiteral("nowhere"));
    model.setRoot(missing);
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(0).toString(), QString());
    QCOMPARE(failed.first().at(1).toString(), QStringLiteral("No artifact folder at %1.").arg(missing));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasChildren());
    QVERIFY(!model.isLoading());
}

void TestArtifactTreeModel::unreadableFolder()
{
    if (::geteuid() == 0)
        QSKIP("root reads every folder");
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("locked")));
    QFile::setPermissions(dir.filePath(QStringLiteral("locked")), QFileDevice::ExeOwner);
    ArtifactTreeModel model;
    QSignalSpy loaded(&model, &ArtifactTreeModel::folderLoaded);
    model.setRoot(dir.path());
    QVERIFY(waitFor(loaded, QString()));
    const QModelIndex locked = model.indexForPath(QStringLiteral("locked"));
    QFile::setPermissions(dir.filePath(QStringLiteral("locked")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(locked.data().toString(), QStringLiteral("locked (unreadable)"));
    QVERIFY(!model.hasChildren(locked));
}

void TestArtifactTreeModel::clear()
{
    ArtifactTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &ArtifactTreeModel::folderLoaded);
    model.setRoot(m_dir.path());
    QVERIFY(waitFor(loaded, QString()));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(!model.hasChildren());
    QCOMPARE(model.root(), QString());
    QVERIFY(!model.isLoading());
    QVERIFY(!model.indexForPath(QStringLiteral("A.txt")).isValid());
}

QTEST_GUILESS_MAIN(TestArtifactTreeModel)
#include "tst_artifacttreemodel.moc"
