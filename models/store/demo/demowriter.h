#pragma once

#include "demonoise.h"
#include "demostore.h"
#include "storebuilder.h"

#include <QList>
#include <QPair>
#include <QString>

namespace Store::Demo {

// A run as the experiments and the registry refer to it.
struct DemoRun
{
    QString id {};
    QString name {};
    qint64 start = 0;
    qint64 end = 0;
    double score = 0; // accuracy, rmse or auc, what the registry picks by
    QString loggedModelId {}; // MLflow 3: the logged model the run produced (models:/<id>)
};

// Writes the demo store documented in demostore.h through one StoreBuilder. Each experiment and
// the registry has a file of its own (demomnist.cpp, demogbm.cpp, demollm.cpp, demochurn.cpp,
// demoregistry.cpp); all draw from one Noise in write()'s order, which keeps a seed's store the
// same. The churn experiments and the registry's recent events are placed before `today`.
class DemoWriter
{
public:
    DemoWriter(StoreBuilder &builder, const DemoStoreOptions &options);

    Error write();

private:
    void mnist();
    void gbm();
    void llm();
    void oldBaseline();
    void churnTraining();
    void churnEvaluation();
    void registry();
    void churnRegistry();
    void otherModels();

    // What the experiments share.
    QString commit() { return m_noise.hex(40); }
    void sourceTags(TagList &tags, const QString &sourceName, const QString &sourceType,
                    const QString &gitCommit);
    void writeFile(const QString &path, const QByteArray &content);
    void writeArtifact(const QString &runId, const QString &relativePath, const QByteArray &content);
    void logModel(const DemoRun &run, const QString &flavor, const QString &flavorVersion,
                  const QString &requirements, const QString &signature = {});
    // MLflow 3's log_model: a logged model with its files, the run's output; returns its id.
    QString logLoggedModel(const DemoRun &run, const QString &flavor, const QString &flavorVersion,
                           const QString &requirements, const TagList &tags);
    void logParams(const QString &runId, const TagList &params);
    QPair<QString, QString> datasets(qint64 experimentId, const QString &name, const QString &sourceType,
                                     const QString &trainSource, const QString &validationSource,
                                     const QString &schema, int trainRows, int validationRows);
    void finishRun(const DemoRun &run, const QString &status = QStringLiteral("FINISHED"));

    StoreBuilder &m_b;
    Noise m_noise;
    DemoStoreOptions m_options;
    Error m_artifactError;
    QList<DemoRun> m_mnistRuns; // standalone runs, then the best child last
    DemoRun m_mnistBestChild;
    QList<DemoRun> m_gbmModels; // runs registered as housing-regressor versions
    qint64 m_today = 0; // 00:00 UTC of the day the recent events lead up to
    QList<DemoRun> m_churnModels; // churn-training runs with their logged models, oldest first
};

} // namespace Store::Demo
