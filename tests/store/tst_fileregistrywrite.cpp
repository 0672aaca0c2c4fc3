#include "storebuilder.h"
#include "storefactory.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

using namespace Store;

// What only the file store's registry writes have (tst_registry checks the semantics on both
// backends): the same change on SQLite and on the exported mlruns/ folder reads back the same,
// the files are MLflow's text byte for byte, a failed write and a read-only store leave every
// file as it was, and a second writer waits on the lock file.
class TestFileRegistryWrite : public QObject
{
    Q_OBJECT

private:
    static constexpr qint64 T0 = 1700000000000;
    static constexpr char LockFile[] = ".kaizen-lock";
    // Every file under `root` (the lock file left out: it is Kaizen's, not the store's) with its bytes.
    static QMap<QString, QByteArray> files(const QString &root);
    static QByteArray readFile(const QString &path);
    static bool writeFile(const QString &path, const QByteArray &content);
    static std::unique_ptr<MlflowStore> open(const QString &location, bool writable,
                                             int busyTimeoutMs = 5000);
    // classifier: v1 None, v2 Production @champion, v3 Staging (tags), v4 soft-deleted; regressor.
    static QString buildSqlite(const QTemporaryDir &dir);
    // An mlruns/ folder in `dir` with one model as MLflow 3.11 writes it (the known case of
    // mlflowYamlText), opened; `root` gets the folder. Null on failure.
    static std::unique_ptr<MlflowStore> openKnownCase(const QTemporaryDir &dir, QString *root,
                                                      bool writable = true, int busyTimeoutMs = 5000);
    static const QByteArray KnownModelMeta, KnownVersionMeta;
    // `text` with each whole line `from` replaced by `to`.
    static QByteArray withLines(QByteArray text, const QList<std::pair<QByteArray, QByteArray>> &lines);
    static RegistryChange knownChange();

private slots:
    void sameAnswersAsSqlite();
    void mlflowYamlText();
    void softDeletedVersionsAreNeverTouched();
    void failedWriteRestoresEveryFile();
    void changedFilesAreAConflict();
    void readOnlyOpenWritesNothing();
    void secondWriterWaitsForTheLock();
};

QMap<QString, QByteArray> TestFileRegistryWrite::files(const QString &root)
{
    QMap<QString, QByteArray> found;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileName() != QLatin1String(LockFile))
            found.insert(QDir(root).relativeFilePath(path), readFile(path));
    }
    return found;
}

QByteArray TestFileRegistryWrite::readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool TestFileRegistryWrite::writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

std::unique_ptr<MlflowStore> TestFileRegistryWrite::open(const QString &location, bool writable,
                                                         int busyTimeoutMs)
{
    auto store = openStore(location, {.busyTimeoutMs = busyTimeoutMs, .writable = writable});
    if (!store)
        qWarning("%s", qPrintable(store.error().message));
    return store ? std::move(store).value() : nullptr;
}

QString TestFileRegistryWrite::buildSqlite(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("mlflow.db"));
    StoreBuilder::Options options;
    options.now = T0;
    auto builder = StoreBuilder::create(path, options);
    if (!builder)
        return {};
    StoreBuilder &b = **builder;
    const qint64 experiment = b.addExperiment({.name = QStringLiteral("registry")});
    const QString run = b.addRun({.experimentId = experiment, .name = QStringLiteral("a"), .startTime = T0});
    const QString m = QStringLiteral("classifier");
    b.addRegisteredModel(
        {.name = m, .creationTime = T0, .tags = {{QStringLiteral("team"), QStringLiteral("vision")}}});
    for (int i = 1; i <= 4; ++i) {
        b.addModelVersion(
            {.modelName = m,
             .source = QStringLiteral("runs:/%1/model").arg(run),
             .runId = run,
             .creationTime = T0 + i * 1000,
             .userId = QStringLiteral("ann"),
             .tags = i == 3 ? TagList {{QStringLiteral("reason"), QStringLiteral("best")}} : TagList {}});
    }
    b.transitionStage(m, 2, QStringLiteral("Production"), T0 + 5000);
    b.transitionStage(m, 3, QStringLiteral("Staging"), T0 + 6000);
    b.setAlias(m, QStringLiteral("champion"), 2);
    b.deleteModelVersion(m, 4, T0 + 7000);
    b.addRegisteredModel({.name = QStringLiteral("regressor"), .creationTime = T0});
    return b.finish().ok() ? path : QString();
}

// As MLflow 3.11's FileStore writes a model registered without a description and its first
// version (create_model_version: description '', run_link ''; an all-digit user id quoted).
const QByteArray TestFileRegistryWrite::KnownModelMeta = "aliases: {}\n"
                                                         "creation_timestamp: 1700000000000\n"
                                                         "deployment_job_id: null\n"
                                                         "deployment_job_state: null\n"
                                                         "description: null\n"
                                                         "last_updated_timestamp: 1700000001000\n"
                                                         "name: churn\n"
                                                         "workspace: default\n";
const QByteArray TestFileRegistryWrite::KnownVersionMeta
    = "creation_timestamp: 1700000001000\n"
      "current_stage: None\n"
      "deployment_job_state: null\n"
      "description: ''\n"
      "last_updated_timestamp: 1700000001000\n"
      "model_id: null\n"
      "name: churn\n"
      "run_id: 0123456789abcdef0123456789abcdef\n"
      "run_link: ''\n"
      "source: file:///tmp/mlruns/1/0123456789abcdef0123456789abcdef/artifacts/model\n"
      "status: READY\n"
      "status_message: null\n"
      "storage_location: file:///tmp/mlruns/1/0123456789abcdef0123456789abcdef/artifacts/model\n"
      "user_id: '1234'\n"
      "version: 1\n"
      "workspace: default\n";

std::unique_ptr<MlflowStore> TestFileRegistryWrite::openKnownCase(const QTemporaryDir &dir, QString *root,
                                                                  bool writable, int busyTimeoutMs)
{
    *root = dir.filePath(QStringLiteral("mlruns"));
    const QString model = *root + QStringLiteral("/models/churn");
    const bool written = writeFile(model + QStringLiteral("/meta.yaml"), KnownModelMeta)
        && writeFile(model + QStringLiteral("/version-1/meta.yaml"), KnownVersionMeta);
    return written ? open(*root, writable, busyTimeoutMs) : nullptr;
}

QByteArray TestFileRegistryWrite::withLines(QByteArray text,
                                            const QList<std::pair<QByteArray, QByteArray>> &lines)
{
    for (const auto &[from, to] : lines) {
        const qsizetype at = text.indexOf(from + '\n');
        if (at < 0 || (at > 0 && text.at(at - 1) != '\n'))
            return "<no line " + from + ">";
        text.replace(at, from.size(), to);
    }
    return text;
}

RegistryChange TestFileRegistryWrite::knownChange()
{
    RegistryChange c;
    c.model = QStringLiteral("churn");
    c.stages = {{1, QStringLiteral("None"), QStringLiteral("production")}};
    c.descriptions = {{1, QString(), QStringLiteral("Ready: for prod")}};
    c.aliases = {{QStringLiteral("champion"), 0, 1}};
    c.tags = {{0, QStringLiteral("team"), std::nullopt, QStringLiteral("risk")},
              {1, QStringLiteral("checks/data"), std::nullopt, QStringLiteral("line 1\nline 2")}};
    return c;
}

void TestFileRegistryWrite::sameAnswersAsSqlite()
{
    QTemporaryDir dir;
    const QString db = buildSqlite(dir);
    QVERIFY(!db.isEmpty());
    const QString mlruns = TestSupport::exportToFileStore(db, dir.filePath(QStringLiteral("mlruns")));
    QVERIFY(!mlruns.isEmpty());
    auto sqlite = open(db, true);
    auto file = open(mlruns, true);
    QVERIFY(sqlite && file);
    QVERIFY(file->registryWritability().ok());
    QCOMPARE(TestSupport::registryText(*file, {}), TestSupport::registryText(*sqlite, {}));

    RegistryChange promote;
    promote.model = QStringLiteral("classifier");
    promote.stages = {{3, "Staging", "Production"}, {2, "Production", "Archived"}};
    promote.aliases = {{"champion", 2, 3}, {"shadow", 0, 1}};
    promote.tags = {{0, "team", "vision", "risk"},
                    {3, "reason", "best", std::nullopt},
                    {3, "checks/data", std::nullopt, "passed"}};
    promote.descriptions = {{0, "", "Predicts churn."}, {3, "", "promoted"}};
    RegistryChange clear;
    clear.model = promote.model;
    clear.descriptions = {{3, "promoted", ""}};
    clear.aliases = {{"shadow", 1, 0}};
    QList<qint64> sqliteTimes, fileTimes;
    for (const RegistryChange &c : {promote, clear, clear.inverted(), promote.inverted()}) {
        const auto onSqlite = sqlite->applyRegistryChange(c);
        const auto onFile = file->applyRegistryChange(c);
        QVERIFY2(onSqlite.ok(), qPrintable(onSqlite ? QString() : onSqlite.error().message));
        QVERIFY2(onFile.ok(), qPrintable(onFile ? QString() : onFile.error().message));
        sqliteTimes.append(onSqlite->time);
        fileTimes.append(onFile->time);
        QCOMPARE(TestSupport::registryText(*file, fileTimes),
                 TestSupport::registryText(*sqlite, sqliteTimes));
    }
    // Written and read back again by a fresh instance, and the same refusal on both.
    auto reopened = open(mlruns, false);
    QVERIFY(reopened);
    QCOMPARE(TestSupport::registryText(*reopened, fileTimes),
             TestSupport::registryText(*sqlite, sqliteTimes));
    const auto again = promote.inverted();
    QCOMPARE(file->applyRegistryChange(again).error().message,
             sqlite->applyRegistryChange(again).error().message);
}

void TestFileRegistryWrite::mlflowYamlText()
{
    QTemporaryDir dir;
    QString root;
    auto store = openKnownCase(dir, &root);
    QVERIFY(store);
    const auto written = store->applyRegistryChange(knownChange());
    QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
    const QByteArray now = QByteArray::number(written->time);
    const QString model = root + QStringLiteral("/models/churn");
    // transition_model_version_stage, update_model_version, set_registered_model_alias: every
    // property of the entity, the values read kept in their types, keys sorted, PyYAML quoting.
    QCOMPARE(readFile(model + QStringLiteral("/version-1/meta.yaml")),
             withLines(KnownVersionMeta,
                       {{"current_stage: None", "current_stage: Production"},
                        {"description: ''", "description: 'Ready: for prod'"},
                        {"last_updated_timestamp: 1700000001000", "last_updated_timestamp: " + now}}));
    QCOMPARE(readFile(model + QStringLiteral("/meta.yaml")),
             withLines(KnownModelMeta,
                       {{"aliases: {}", "aliases:\n  champion: '1'"},
                        {"last_updated_timestamp: 1700000001000", "last_updated_timestamp: " + now}}));
    // write_to(): the value as it is, no line break added; the alias file holds the version.
    QCOMPARE(readFile(model + QStringLiteral("/aliases/champion")), QByteArray("1"));
    QCOMPARE(readFile(model + QStringLiteral("/tags/team")), QByteArray("risk"));
    QCOMPARE(readFile(model + QStringLiteral("/version-1/tags/checks/data")), QByteArray("line 1\nline 2"));
    QStringList names = files(root).keys();
    QCOMPARE(
        names,
        (QStringList {"models/churn/aliases/champion", "models/churn/meta.yaml", "models/churn/tags/team",
                      "models/churn/version-1/meta.yaml", "models/churn/version-1/tags/checks/data"}));

    // Deleting the alias and the tags removes their files; the model's meta.yaml follows the
    // aliases/ folder and keeps its time (aliases and tags change no time).
    RegistryChange undo;
    undo.model = QStringLiteral("churn");
    undo.aliases = {{QStringLiteral("champion"), 1, 0}};
    undo.tags = {{0, QStringLiteral("team"), QStringLiteral("risk"), std::nullopt}};
    QVERIFY(store->applyRegistryChange(undo).ok());
    QVERIFY(!QFileInfo::exists(model + QStringLiteral("/aliases/champion")));
    QVERIFY(!QFileInfo::exists(model + QStringLiteral("/tags/team")));
    QVERIFY(readFile(model + QStringLiteral("/meta.yaml")).startsWith("aliases: {}\n"));
    QVERIFY(readFile(model + QStringLiteral("/meta.yaml")).contains("last_updated_timestamp: " + now + "\n"));
}

void TestFileRegistryWrite::softDeletedVersionsAreNeverTouched()
{
    QTemporaryDir dir;
    QString root;
    auto store = openKnownCase(dir, &root);
    QVERIFY(store);
    // Version 2 in Production, then soft-deleted: the file store keeps its data and tags, stage
    // Deleted_Internal.
    const QByteArray before = withLines(
        KnownVersionMeta,
        {{"current_stage: None", "current_stage: Deleted_Internal"}, {"version: 1", "version: 2"}});
    const QString deleted = root + QStringLiteral("/models/churn/version-2/meta.yaml");
    QVERIFY(writeFile(deleted, before));
    QVERIFY(writeFile(root + QStringLiteral("/models/churn/version-2/tags/k"), "kept"));
    RegistryChange c;
    c.model = QStringLiteral("churn");
    c.stages = {{2, "Deleted_Internal", "Production"}};
    QCOMPARE(store->applyRegistryChange(c).error().code, Error::NoSuchVersion);
    c.stages = {};
    c.tags = {{2, "k", "kept", std::nullopt}};
    QCOMPARE(store->applyRegistryChange(c).error().code, Error::NoSuchVersion);
    c.tags = {};
    c.descriptions = {{2, "", "x"}};
    QCOMPARE(store->applyRegistryChange(c).error().code, Error::NoSuchVersion);
    c.descriptions = {};
    c.aliases = {{"champion", 0, 2}};
    QCOMPARE(store->applyRegistryChange(c).error().code, Error::NoSuchVersion);
    // A transition of the live version goes through and leaves it alone.
    c.aliases = {};
    c.stages = {{1, "None", "Production"}};
    QVERIFY(store->applyRegistryChange(c).ok());
    QCOMPARE(readFile(deleted), before);
    QCOMPARE(readFile(root + QStringLiteral("/models/churn/version-2/tags/k")), QByteArray("kept"));
}

void TestFileRegistryWrite::failedWriteRestoresEveryFile()
{
    QTemporaryDir dir;
    QString root;
    auto store = openKnownCase(dir, &root);
    QVERIFY(store);
    // A folder where the last step writes a file: the stage, description and alias are written
    // first, then that step fails.
    const QString blocked = root + QStringLiteral("/models/churn/version-1/tags/checks/data");
    QVERIFY(QDir().mkpath(blocked));
    const QMap<QString, QByteArray> before = files(root);
    const auto written = store->applyRegistryChange(knownChange());
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, Error::Io);
    QVERIFY2(written.error().message.contains(QLatin1String("checks/data"))
                 && written.error().message.contains(QLatin1String("Nothing was changed")),
             qPrintable(written.error().message));
    QCOMPARE(files(root), before);
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/models/churn/aliases"))); // its folder went too
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/models/churn/tags")));

    // Once the obstacle is gone the same change goes through.
    QVERIFY(QDir(blocked).removeRecursively());
    QVERIFY(store->registryWritability().ok());
    QVERIFY(store->applyRegistryChange(knownChange()).ok());
}

void TestFileRegistryWrite::changedFilesAreAConflict()
{
    QTemporaryDir dir;
    QString root;
    auto store = openKnownCase(dir, &root);
    QVERIFY(store);
    const auto versions = store->modelVersions(QStringLiteral("churn"));
    QVERIFY(versions.ok());
    RegistryChange c = knownChange();
    for (const ModelVersion &v : *versions)
        c.seen.append({v.version, v.stage, v.lastUpdatedTime});
    // MLflow moves the version meanwhile (another process, no lock).
    const QString meta = root + QStringLiteral("/models/churn/version-1/meta.yaml");
    QByteArray moved = readFile(meta);
    moved.replace("current_stage: None\n", "current_stage: Staging\n");
    moved.replace("last_updated_timestamp: 1700000001000\n", "last_updated_timestamp: 1700000002000\n");
    QVERIFY(writeFile(meta, moved));
    const QMap<QString, QByteArray> before = files(root);
    const auto written = store->applyRegistryChange(c);
    QCOMPARE(written.error().code, Error::Conflict);
    QVERIFY2(written.error().message.contains(QLatin1String("is in Staging now")),
             qPrintable(written.error().message));
    QCOMPARE(files(root), before);
}

void TestFileRegistryWrite::readOnlyOpenWritesNothing()
{
    QTemporaryDir dir;
    QString root;
    auto store = openKnownCase(dir, &root, false);
    QVERIFY(store);
    const Error why = store->registryWritability();
    QCOMPARE(why.code, Error::ReadOnly);
    QVERIFY2(why.message.contains(QLatin1String("opened read-only")), qPrintable(why.message));
    const auto written = store->applyRegistryChange(knownChange());
    QCOMPARE(written.error().code, Error::ReadOnly);
    QVERIFY(!QFileInfo::exists(root + QStringLiteral("/models/churn/") + QLatin1String(LockFile)));
    QCOMPARE(files(root).size(), 2);
    QVERIFY(readFile(root + QStringLiteral("/models/churn/version-1/meta.yaml"))
                .contains("current_stage: None\n"));
}

void TestFileRegistryWrite::secondWriterWaitsForTheLock()
{
    QTemporaryDir dir;
    QString root;
    auto store = openKnownCase(dir, &root, true, 300);
    QVERIFY(store);
    // Another Kaizen holds the model's lock (flock conflicts between two opens in one process too).
    const QByteArray lockPath
        = QFile::encodeName(root + QStringLiteral("/models/churn/") + QLatin1String(LockFile));
    const int held = ::open(lockPath.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    QVERIFY(held >= 0);
    QCOMPARE(::flock(held, LOCK_EX | LOCK_NB), 0);
    const QMap<QString, QByteArray> before = files(root);
    QElapsedTimer timer;
    timer.start();
    const auto written = store->applyRegistryChange(knownChange());
    QCOMPARE(written.error().code, Error::Locked);
    QVERIFY(timer.elapsed() >= 300);
    QCOMPARE(files(root), before);

    ::close(held); // released: the next write goes through at once
    const auto after = store->applyRegistryChange(knownChange());
    QVERIFY2(after.ok(), qPrintable(after ? QString() : after.error().message));
    QCOMPARE(after->retries, 0);
}

QTEST_GUILESS_MAIN(TestFileRegistryWrite)
#include "tst_fileregistrywrite.moc"
