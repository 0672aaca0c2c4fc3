#include "registryactivitylog.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestRegistryActivityLog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTrip();
    void entriesOfOneModel();
    void missingLogIsEmpty();
    void truncatedLastLineIsSkippedAndNextAppendIsWhole();
    void unreadableLinesAreSkipped();
    void appendNowAsCurrentUser();
    void unwritableFolderFails();
    void defaultFileIsInAppData();

private:
    QString logPath(const char *name) const { return m_dir.filePath(QLatin1String(name)); }
    QTemporaryDir m_dir;
};

namespace {

const QString StoreA = QStringLiteral("/data/a/mlflow.db");
const QString StoreB = QStringLiteral("/data/b/mlflow.db");

Store::RegistryChange transition()
{
    Store::RegistryChange change;
    change.model = QStringLiteral("fraud");
    change.summary = QStringLiteral("Version 3 to Production");
    change.seen = {{1, QStringLiteral("Production"), 10}, {3, QStringLiteral("None"), 20}};
    change.stages = {{3, QStringLiteral("None"), QStringLiteral("Production")},
                     {1, QStringLiteral("Production"), QStringLiteral("Archived")}};
    return change;
}

Store::RegistryChange mixed()
{
    Store::RegistryChange change;
    change.model = QStringLiteral("fraud");
    change.summary = QStringLiteral("Tags, aliases and text");
    change.aliases = {{QStringLiteral("champion"), 2, 3}, {QStringLiteral("old"), 1, 0}};
    change.tags = {{0, QStringLiteral("team"), QStringLiteral("risk"), QStringLiteral("fraud")},
                   {3, QStringLiteral("new"), std::nullopt, QStringLiteral("x")},
                   {3, QStringLiteral("gone"), QStringLiteral("y"), std::nullopt}};
    change.descriptions = {{0, QString(), QStringLiteral("# Fraud\n\nScores \"payments\" ✓")}};
    return change;
}

RegistryActivity activity(const QString &store, const Store::RegistryChange &change, qint64 time)
{
    return {time, QStringLiteral("ada"), store, change};
}

} // namespace

void TestRegistryActivityLog::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

void TestRegistryActivityLog::roundTrip()
{
    const RegistryActivityLog log(logPath("roundtrip/activity.jsonl"));
    QVERIFY(log.append(activity(StoreA, transition(), 1700000000123)).ok());
    QVERIFY(log.append(activity(StoreA, mixed(), 1700000000456)).ok());
    const auto entries = log.entries();
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 2);

    const RegistryActivity &first = entries->at(0);
    QCOMPARE(first.time, 1700000000123);
    QCOMPARE(first.user, QStringLiteral("ada"));
    QCOMPARE(first.store, StoreA);
    QCOMPARE(first.change.model, QStringLiteral("fraud"));
    QCOMPARE(first.change.summary, QStringLiteral("Version 3 to Production"));
    QVERIFY(first.change.seen.isEmpty()); // what the user saw is no part of the record
    QCOMPARE(first.change.stages.size(), 2);
    QCOMPARE(first.change.stages[1].version, 1);
    QCOMPARE(first.change.stages[1].from, QStringLiteral("Production"));
    QCOMPARE(first.change.stages[1].to, QStringLiteral("Archived"));

    const Store::RegistryChange &second = entries->at(1).change;
    QCOMPARE(entries->at(1).time, 1700000000456);
    QCOMPARE(second.aliases.size(), 2);
    QCOMPARE(second.aliases[0].alias, QStringLiteral("champion"));
    QCOMPARE(second.aliases[0].from, 2);
    QCOMPARE(second.aliases[0].to, 3);
    QCOMPARE(second.aliases[1].to, 0);
    QCOMPARE(second.tags.size(), 3);
    QCOMPARE(second.tags[0].version, 0);
    QCOMPARE(second.tags[0].from, std::optional<QString>(QStringLiteral("risk")));
    QCOMPARE(second.tags[1].from, std::nullopt);
    QCOMPARE(second.tags[1].to, std::optional<QString>(QStringLiteral("x")));
    QCOMPARE(second.tags[2].to, std::nullopt);
    QCOMPARE(second.descriptions.size(), 1);
    QCOMPARE(second.descriptions[0].from, QString());
    QCOMPARE(second.descriptions[0].to, QStringLiteral("# Fraud\n\nScores \"payments\" ✓"));

    // One line per entry, whatever the text holds.
    QFile file(log.filePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll().count('\n'), 2);
}

void TestRegistryActivityLog::entriesOfOneModel()
{
    const RegistryActivityLog log(logPath("per-model.jsonl"));
    Store::RegistryChange other = transition();
    other.model = QStringLiteral("churn");
    QVERIFY(log.append(activity(StoreA, transition(), 1)).ok());
    QVERIFY(log.append(activity(StoreB, transition(), 2)).ok());
    QVERIFY(log.append(activity(StoreA, other, 3)).ok());
    // Any spelling of the store finds its entries: they are kept under its normalised location.
    QVERIFY(log.append(activity(QStringLiteral("sqlite:////data/a/./mlflow.db"), mixed(), 4)).ok());

    const auto fraudInA = log.entries(QStringLiteral("sqlite:////data/a/mlflow.db"), QStringLiteral("fraud"));
    QVERIFY(fraudInA.ok());
    QCOMPARE(fraudInA->size(), 2);
    QCOMPARE(fraudInA->at(0).time, 1);
    QCOMPARE(fraudInA->at(1).time, 4);
    QCOMPARE(fraudInA->at(1).store, StoreA);
    QCOMPARE(log.entries(StoreB, QStringLiteral("fraud"))->size(), 1);
    QCOMPARE(log.entries(StoreA, QStringLiteral("churn"))->size(), 1);
    QCOMPARE(log.entries(StoreB, QStringLiteral("churn"))->size(), 0);
    QCOMPARE(log.entries(StoreA, QStringLiteral("Fraud"))->size(), 0); // model names are case-sensitive
}

void TestRegistryActivityLog::missingLogIsEmpty()
{
    const RegistryActivityLog log(logPath("never-written/activity.jsonl"));
    const auto entries = log.entries(StoreA, QStringLiteral("fraud"));
    QVERIFY(entries.ok());
    QVERIFY(entries->isEmpty());
    QVERIFY(!QFile::exists(log.filePath())); // reading creates nothing
}

void TestRegistryActivityLog::truncatedLastLineIsSkippedAndNextAppendIsWhole()
{
    const RegistryActivityLog log(logPath("truncated.jsonl"));
    QVERIFY(log.append(activity(StoreA, transition(), 1)).ok());
    {
        // A crash in the middle of the second line.
        QFile file(log.filePath());
        QVERIFY(file.open(QIODevice::Append));
        const QByteArray line = RegistryActivityLog::toJsonLine(activity(StoreA, mixed(), 2));
        file.write(line.left(line.size() / 2));
    }
    QCOMPARE(log.entries()->size(), 1);
    QVERIFY(log.append(activity(StoreA, mixed(), 3)).ok());
    const auto entries = log.entries();
    QCOMPARE(entries->size(), 2);
    QCOMPARE(entries->at(0).time, 1);
    QCOMPARE(entries->at(1).time, 3);
    QCOMPARE(entries->at(1).change.tags.size(), 3);
}

void TestRegistryActivityLog::unreadableLinesAreSkipped()
{
    const QString path = logPath("garbage.jsonl");
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not json at all\n");
        file.write("\n   \n");
        file.write(R"({"v":2,"model":"fraud","summary":"a newer format"})"
                   "\n");
        file.write(R"({"v":1,"summary":"no model"})"
                   "\n");
        file.write("[1, 2, 3]\n");
        file.write(RegistryActivityLog::toJsonLine(activity(StoreA, transition(), 7)) + "\r\n");
    }
    const auto entries = RegistryActivityLog(path).entries();
    QVERIFY(entries.ok());
    QCOMPARE(entries->size(), 1);
    QCOMPARE(entries->at(0).time, 7);
}

void TestRegistryActivityLog::appendNowAsCurrentUser()
{
    const RegistryActivityLog log(logPath("now.jsonl"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(log.append(StoreA, transition()).ok());
    QVERIFY(log.append(StoreA, mixed(), 42).ok());
    const qint64 after = QDateTime::currentMSecsSinceEpoch();
    const auto entries = log.entries();
    QCOMPARE(entries->size(), 2);
    QVERIFY(entries->at(0).time >= before && entries->at(0).time <= after);
    QCOMPARE(entries->at(1).time, 42);
    QVERIFY(!RegistryActivityLog::currentUser().isEmpty());
    QCOMPARE(entries->at(0).user, RegistryActivityLog::currentUser());
}

void TestRegistryActivityLog::unwritableFolderFails()
{
    // A file where the log's folder should be.
    const QString blocker = logPath("blocker");
    {
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    const RegistryActivityLog log(blocker + QStringLiteral("/activity.jsonl"));
    const Store::Error error = log.append(activity(StoreA, transition(), 1));
    QCOMPARE(error.code, Store::Error::Io);
    QVERIFY2(error.message.contains(QDir::toNativeSeparators(log.filePath())), qPrintable(error.message));
}

void TestRegistryActivityLog::defaultFileIsInAppData()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QVERIFY(!folder.isEmpty());
    const RegistryActivityLog log;
    QCOMPARE(log.filePath(), QDir(folder).filePath(QStringLiteral("registry-activity.jsonl")));
    QFile::remove(log.filePath());
    QVERIFY(log.append(activity(StoreA, transition(), 5)).ok());
    QCOMPARE(log.entries(StoreA, QStringLiteral("fraud"))->size(), 1);
    QVERIFY(QFile::remove(log.filePath()));
}

QTEST_GUILESS_MAIN(TestRegistryActivityLog)
#include "tst_registryactivitylog.moc"
