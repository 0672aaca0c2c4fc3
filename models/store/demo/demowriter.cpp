#include "demowriter.h"

#include "demoartifacts.h"
#include "democlock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace Store::Demo {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Store::DemoStore", text);
}

} // namespace

DemoWriter::DemoWriter(StoreBuilder &builder, const DemoStoreOptions &options)
    : m_b(builder), m_noise(options.seed * 2654435761u + 17u), m_options(options)
{
    m_options.curveSteps = std::max(m_options.curveSteps, 30);
    const qint64 now = m_options.today == NoTime ? QDateTime::currentMSecsSinceEpoch() : m_options.today;
    m_today = now - now % Day;
}

Error DemoWriter::write()
{
    mnist();
    gbm();
    llm();
    oldBaseline();
    churnTraining();
    churnEvaluation();
    registry();
    if (m_b.hasError())
        return m_b.error();
    return m_artifactError;
}

void DemoWriter::sourceTags(TagList &tags, const QString &sourceName, const QString &sourceType,
                            const QString &gitCommit)
{
    tags.append({QStringLiteral("mlflow.source.name"), sourceName});
    tags.append({QStringLiteral("mlflow.source.type"), sourceType});
    tags.append({QStringLiteral("mlflow.source.git.commit"), gitCommit});
}

void DemoWriter::writeArtifact(const QString &runId, const QString &relativePath, const QByteArray &content)
{
    writeFile(m_b.runArtifactUri(runId) + QLatin1Char('/') + relativePath, content);
}

void DemoWriter::writeFile(const QString &path, const QByteArray &content)
{
    if (!m_options.withArtifacts || !m_artifactError.ok())
        return;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size()) {
        m_artifactError = Error::make(Error::Io,
                                      tr("Cannot write the demo artifact %1: %2")
                                          .arg(QDir::toNativeSeparators(path), file.errorString()));
    }
}

// model/ as mlflow.<flavor>.log_model leaves it, plus the run tag that lists logged models.
void DemoWriter::logModel(const DemoRun &run, const QString &flavor, const QString &flavorVersion,
                          const QString &requirements, const QString &signature)
{
    const qint64 created = run.end - 20 * Second;
    const QString modelUuid = m_noise.hex(32);
    m_b.setTag(run.id, QStringLiteral("mlflow.log-model.history"),
               logModelHistory(run.id, flavor, created, modelUuid));
    QList<double> weights;
    for (int i = 0; i < 48; ++i)
        weights.append(m_noise.gaussian(0.1));
    const QByteArray pickle = picklePayload(weights);
    writeArtifact(run.id, QStringLiteral("model/model.pkl"), pickle);
    writeArtifact(
        run.id, QStringLiteral("model/MLmodel"),
        mlmodelYaml(run.id, flavor, flavorVersion, created, modelUuid, pickle.size(), {}, signature));
    writeArtifact(run.id, QStringLiteral("model/requirements.txt"), requirements.toUtf8());
    writeArtifact(run.id, QStringLiteral("model/python_env.yaml"),
                  "python: 3.11.9\nbuild_dependencies:\n- pip==24.2\ndependencies:\n- -r requirements.txt\n");
}

QString DemoWriter::logLoggedModel(const DemoRun &run, const QString &flavor, const QString &flavorVersion,
                                   const QString &requirements, const TagList &tags)
{
    const qint64 created = run.end - 30 * Second;
    const QString id = m_b.addLoggedModel({.sourceRunId = run.id,
                                           .name = QStringLiteral("model"),
                                           .creationTime = created,
                                           .finalizedTime = created + 8 * Second,
                                           .tags = tags});
    m_b.logModelOutput(run.id, id);
    const QString location = m_b.loggedModelArtifactLocation(id);
    QList<double> weights;
    for (int i = 0; i < 48; ++i)
        weights.append(m_noise.gaussian(0.1));
    const QByteArray pickle = picklePayload(weights);
    writeFile(location + QStringLiteral("/model.pkl"), pickle);
    writeFile(location + QStringLiteral("/MLmodel"),
              mlmodelYaml(run.id, flavor, flavorVersion, created, m_noise.hex(32), pickle.size(), id));
    writeFile(location + QStringLiteral("/requirements.txt"), requirements.toUtf8());
    writeFile(location + QStringLiteral("/python_env.yaml"),
              "python: 3.11.9\nbuild_dependencies:\n- pip==24.2\ndependencies:\n- -r requirements.txt\n");
    return id;
}

void DemoWriter::logParams(const QString &runId, const TagList &params)
{
    for (const auto &[key, value] : params)
        m_b.logParam(runId, key, value);
}

QPair<QString, QString> DemoWriter::datasets(qint64 experimentId, const QString &name,
                                             const QString &sourceType, const QString &trainSource,
                                             const QString &validationSource, const QString &schema,
                                             int trainRows, int validationRows)
{
    const auto add = [&](const QString &suffix, const QString &source, int rows) {
        return m_b.addDataset({.experimentId = experimentId,
                               .name = name + suffix,
                               .digest = m_noise.hex(8),
                               .sourceType = sourceType,
                               .source = source,
                               .schema = schema,
                               .profile = QStringLiteral(R"({"num_rows": %1})").arg(rows)});
    };
    // Two statements: the train set draws its digest first.
    const QString train = add(QStringLiteral("-train"), trainSource, trainRows);
    const QString validation = add(QStringLiteral("-validation"), validationSource, validationRows);
    return {train, validation};
}

// Runs start as RUNNING, as MLflow creates them, and end once their metrics are logged.
void DemoWriter::finishRun(const DemoRun &run, const QString &status)
{
    m_b.updateRun(run.id, status, status == QLatin1String("RUNNING") ? NoTime : run.end);
}

// -- old-baseline: a deleted experiment; MLflow deletes its runs with it.
void DemoWriter::oldBaseline()
{
    const qint64 created = BaseTime - 30 * Day;
    const qint64 experiment
        = m_b.addExperiment({.name = QStringLiteral("old-baseline"), .creationTime = created});
    TagList tags;
    sourceTags(tags, QStringLiteral("baseline.py"), QStringLiteral("LOCAL"), commit());
    DemoRun run {
        .name = QStringLiteral("logreg-v0"), .start = created + Hour, .end = created + Hour + 3 * Minute};
    run.id = m_b.addRun({.experimentId = experiment,
                         .name = run.name,
                         .userId = QStringLiteral("alan"),
                         .status = QStringLiteral("RUNNING"),
                         .startTime = run.start,
                         .tags = tags});
    logParams(
        run.id,
        {{QStringLiteral("C"), QStringLiteral("1.0")}, {QStringLiteral("penalty"), QStringLiteral("l2")}});
    m_b.logMetric(run.id, QStringLiteral("accuracy"), 0.9184, run.end, 0);
    finishRun(run);
    m_b.deleteExperiment(experiment, BaseTime + 6 * Day);
}

} // namespace Store::Demo
