#include "artifactlisting.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using Artifacts::ArtifactEntry;
using Artifacts::ArtifactEntryList;

// listArtifacts() and listFolder() on real folders: order, sizes, links that are followed, links
// that must not be (loops, dangling), unreadable folders, cancelling, a root that is not there.
class TestArtifactListing : public QObject
{
    Q_OBJECT

private:
    bool write(const QString &relative, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    }
    bool link(const QString &target, const QString &relative)
    {
        return ::symlink(QFile::encodeName(target).constData(),
                         QFile::encodeName(m_dir.filePath(relative)).constData())
            == 0;
    }
    static QStringList paths(const ArtifactEntryList &entries)
    {
        QStringList result;
        for (const ArtifactEntry &e : entries)
            result.append(e.path);
        return result;
    }
    static ArtifactEntry find(const ArtifactEntryList &entries, const QString &path)
    {
        for (const ArtifactEntry &e : entries) {
            if (e.path == path)
                return e;
        }
        return {};
    }

    QTemporaryDir m_dir;

private slots:
    void initTestCase();
    void orderAndSizes();
    void symlinks();
    void oneFolder();
    void unreadableFolder();
    void cancel();
    void notFound();
    void countingAddsUpTheListing();
};

// The tree: B, a, a.txt (5 bytes), b, c/{a,z}, deep/1/2/3/f, é, and links: alias -> a.txt,
// c/up -> .. (loop), cl -> c (a folder elsewhere: followed), dangling -> nowhere, self -> . (loop).
void TestArtifactListing::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(write(QStringLiteral("B"), "1"));
    QVERIFY(write(QStringLiteral("a"), ""));
    QVERIFY(write(QStringLiteral("a.txt"), "hello"));
    QVERIFY(write(QStringLiteral("b"), "12"));
    QVERIFY(write(QStringLiteral("c/z"), "z"));
    QVERIFY(write(QStringLiteral("c/a"), "a"));
    QVERIFY(write(QStringLiteral("deep/1/2/3/f"), "deep"));
    QVERIFY(write(QStringLiteral("é"), "e"));
    QVERIFY(link(QStringLiteral("a.txt"), QStringLiteral("alias")));
    QVERIFY(link(QStringLiteral(".."), QStringLiteral("c/up")));
    QVERIFY(link(QStringLiteral("c"), QStringLiteral("cl")));
    QVERIFY(link(QStringLiteral("nowhere"), QStringLiteral("dangling")));
    QVERIFY(link(QStringLiteral("."), QStringLiteral("self")));
}

void TestArtifactListing::orderAndSizes()
{
    QList<qint64> progress;
    const auto entries = Artifacts::listArtifacts(
        m_dir.path(), nullptr, [&](qint64 done, qint64 total) { progress << done << total; });
    QVERIFY2(entries.ok(), entries.ok() ? "" : qPrintable(entries.error().message));
    const QStringList expected = {"B",
                                  "a",
                                  "a.txt",
                                  "alias",
                                  "b",
                                  "c",
                                  "c/a",
                                  "c/up",
                                  "c/z",
                                  "cl",
                                  "cl/a",
                                  "cl/up",
                                  "cl/z",
                                  "dangling",
                                  "deep",
                                  "deep/1",
                                  "deep/1/2",
                                  "deep/1/2/3",
                                  "deep/1/2/3/f",
                                  "self",
                                  QStringLiteral("é")};
    QCOMPARE(paths(*entries), expected);
    QCOMPARE(progress, (QList<qint64> {expected.size(), expected.size()}));

    const ArtifactEntry text = find(*entries, QStringLiteral("a.txt"));
    QCOMPARE(text.size, 5);
    QVERIFY(!text.isDir && !text.isSymlink && !text.isBroken);
    QCOMPARE(text.modified,
             QFileInfo(m_dir.filePath(QStringLiteral("a.txt"))).lastModified().toMSecsSinceEpoch());
    const ArtifactEntry folder = find(*entries, QStringLiteral("deep/1"));
    QVERIFY(folder.isDir && !folder.isBroken);
    QCOMPARE(folder.size, 0);
    QVERIFY(folder.modified > 0);
}

void TestArtifactListing::symlinks()
{
    const auto entries = Artifacts::listArtifacts(m_dir.path());
    QVERIFY(entries.ok());
    const ArtifactEntry alias = find(*entries, QStringLiteral("alias"));
    QVERIFY(alias.isSymlink && !alias.isBroken && !alias.isDir);
    QCOMPARE(alias.size, 5); // the target's

    for (const char *loop : {"c/up", "cl/up", "self"}) {
        const ArtifactEntry e = find(*entries, QLatin1String(loop));
        QVERIFY2(e.isSymlink && e.isDir && e.isBroken, loop);
        QVERIFY2(!paths(*entries).contains(QLatin1String(loop) + QLatin1String("/a.txt")),
                 loop); // not descended
    }
    const ArtifactEntry sideways = find(*entries, QStringLiteral("cl"));
    QVERIFY(sideways.isSymlink && sideways.isDir && !sideways.isBroken);

    const ArtifactEntry dangling = find(*entries, QStringLiteral("dangling"));
    QCOMPARE(dangling.path, QStringLiteral("dangling"));
    QVERIFY(dangling.isSymlink && dangling.isBroken && !dangling.isDir);
    QCOMPARE(dangling.size, 0);
    QCOMPARE(dangling.modified, 0);
}

void TestArtifactListing::oneFolder()
{
    const auto top = Artifacts::listFolder(m_dir.path(), QString());
    QVERIFY2(top.ok(), top.ok() ? "" : qPrintable(top.error().message));
    QCOMPARE(paths(*top),
             (QStringList {"B", "a", "a.txt", "alias", "b", "c", "cl", "dangling", "deep", "self",
                           QStringLiteral("é")}));
    QVERIFY(find(*top, QStringLiteral("self")).isBroken);
    QVERIFY(!find(*top, QStringLiteral("cl")).isBroken);

    const auto c = Artifacts::listFolder(m_dir.path(), QStringLiteral("cl"));
    QVERIFY(c.ok());
    QCOMPARE(paths(*c), (QStringList {"cl/a", "cl/up", "cl/z"}));
    QVERIFY(find(*c, QStringLiteral("cl/up")).isBroken); // back to the root: an ancestor
    QCOMPARE(find(*c, QStringLiteral("cl/z")).size, 1);

    QCOMPARE(Artifacts::listFolder(m_dir.path(), QStringLiteral("deep/1/2/3")).value().size(), 1);
    QCOMPARE(Artifacts::listFolder(m_dir.path(), QStringLiteral("nope")).error().code,
             Store::Error::NotFound);
    QCOMPARE(Artifacts::listFolder(m_dir.path(), QStringLiteral("a.txt")).error().code,
             Store::Error::NotFound);
}

void TestArtifactListing::unreadableFolder()
{
    if (::geteuid() == 0)
        QSKIP("root reads every folder");
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("locked")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("open")));
    QFile(dir.filePath(QStringLiteral("locked/secret"))).open(QIODevice::WriteOnly);
    QFile::setPermissions(dir.filePath(QStringLiteral("locked")), QFileDevice::Permissions());
    const auto entries = Artifacts::listArtifacts(dir.path());
    const auto level = Artifacts::listFolder(dir.path(), QString());
    const auto inside = Artifacts::listFolder(dir.path(), QStringLiteral("locked"));
    QFile::setPermissions(dir.filePath(QStringLiteral("locked")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY(entries.ok());
    QCOMPARE(paths(*entries), (QStringList {"locked", "open"}));
    QVERIFY(entries->at(0).isDir && entries->at(0).isBroken);
    QVERIFY(!entries->at(1).isBroken);
    QVERIFY(level.ok());
    QVERIFY(level->at(0).isBroken);
    QCOMPARE(inside.error().code, Store::Error::Io);
    QVERIFY2(inside.error().message.contains(QLatin1String("locked")), qPrintable(inside.error().message));
}

void TestArtifactListing::cancel()
{
    Store::CancelFlag cancelled {true};
    QCOMPARE(Artifacts::listArtifacts(m_dir.path(), &cancelled).error().code, Store::Error::Cancelled);
    QCOMPARE(Artifacts::listFolder(m_dir.path(), QString(), &cancelled).error().code,
             Store::Error::Cancelled);

    // Set while listing: the listing stops at once.
    QTemporaryDir dir;
    for (int i = 0; i < 5000; ++i)
        QFile(dir.filePath(QStringLiteral("f%1").arg(i))).open(QIODevice::WriteOnly);
    Store::CancelFlag flag {false};
    int calls = 0;
    const auto entries = Artifacts::listArtifacts(dir.path(), &flag, [&](qint64, qint64) {
        ++calls;
        flag = true;
    });
    QCOMPARE(entries.error().code, Store::Error::Cancelled);
    QCOMPARE(calls, 1);
}

void TestArtifactListing::notFound()
{
    const auto missing = Artifacts::listArtifacts(m_dir.filePath(QStringLiteral("nowhere")));
    QCOMPARE(missing.error().code, Store::Error::NotFound);
    QVERIFY(missing.error().message.contains(m_dir.filePath(QStringLiteral("nowhere"))));
    QCOMPARE(Artifacts::listArtifacts(m_dir.filePath(QStringLiteral("a.txt"))).error().code,
             Store::Error::NotFound);
    QCOMPARE(Artifacts::listArtifacts(QString()).error().code, Store::Error::NotFound);
}

void TestArtifactListing::countingAddsUpTheListing()
{
    // The totals the tree shows come from countArtifacts(): the same entries as the listing,
    // loops and dangling links included, none descended twice.
    const auto entries = Artifacts::listArtifacts(m_dir.path());
    QVERIFY(entries);
    Artifacts::ArtifactTotals expected;
    for (const ArtifactEntry &e : *entries) {
        if (e.isDir) {
            ++expected.folders;
        } else {
            ++expected.files;
            expected.bytes += e.size;
        }
    }
    QVERIFY(expected.files > 10 && expected.folders > 5);
    const auto totals = Artifacts::countArtifacts(m_dir.path());
    QVERIFY(totals);
    QCOMPARE(totals->files, expected.files);
    QCOMPARE(totals->folders, expected.folders);
    QCOMPARE(totals->bytes, expected.bytes);
    QCOMPARE(Artifacts::countArtifacts(m_dir.filePath(QStringLiteral("nowhere"))).error().code,
             Store::Error::NotFound);
    Store::CancelFlag cancelled {true};
    QCOMPARE(Artifacts::countArtifacts(m_dir.path(), &cancelled).error().code, Store::Error::Cancelled);
}

QTEST_GUILESS_MAIN(TestArtifactListing)
#include "tst_artifactlisting.moc"
