#include "democlock.h"
#include "demowriter.h"

#include <QDateTime>

#include <cmath>

namespace Store::Demo {

namespace {

const QString ChurnModel = QStringLiteral("churn-predictor");

} // namespace

// -- churn-training: four retrainings over most of a year, each logging an MLflow 3 logged model
// (models:/m-...) that the registry's churn-predictor versions point at.
void DemoWriter::churnTraining()
{
    const qint64 created = m_today - 280 * Day;
    const qint64 experiment = m_b.addExperiment(
        {.name = QStringLiteral("churn-training"),
         .creationTime = created,
         .description = QStringLiteral("# Customer churn\n\nGradient boosting on 90 days of account "
                                       "activity; the label is *cancelled within 30 days*.\n\n"
                                       "Versions are registered as `churn-predictor`; `churn-evaluation` "
                                       "scores the production version every week."),
         .tags = {{QStringLiteral("project"), QStringLiteral("churn")}}});
    const auto [train, validation] = datasets(
        experiment, QStringLiteral("customer-activity"), QStringLiteral("local"),
        QStringLiteral(R"({"uri": "/data/churn/train.parquet"})"),
        QStringLiteral(R"({"uri": "/data/churn/valid.parquet"})"),
        QStringLiteral(R"({"mlflow_colspec": [{"type": "long", "name": "tenure_days", "required": true}, )"
                       R"({"type": "double", "name": "monthly_spend", "required": true}, )"
                       R"({"type": "long", "name": "support_tickets_90d", "required": true}, )"
                       R"({"type": "boolean", "name": "churned", "required": true}]})"),
        412000, 103000);
    const QString gitCommit = commit();
    struct Config
    {
        const char *name, *model;
        int daysBefore; // start, in days before today
        int maxDepth, estimators;
        double lr;
        const char *featureSet;
        double auc;
    };
    const Config configs[] = {
        {"xgb-baseline", "xgboost", 270, 6, 300, 0.1, "v1", 0.842},
        {"xgb-tuned", "xgboost", 212, 8, 600, 0.05, "v1", 0.861},
        {"lgbm-features-v2", "lightgbm", 152, -1, 900, 0.04, "v2", 0.874},
        {"lgbm-recent-data", "lightgbm", 4, -1, 900, 0.04, "v2", 0.869},
    };
    for (const Config &c : configs) {
        TagList tags;
        sourceTags(tags, QStringLiteral("pipelines/train_churn.py"), QStringLiteral("JOB"), gitCommit);
        tags.append({QStringLiteral("model_family"), QLatin1String(c.model)});
        DemoRun run {.name = QLatin1String(c.name), .start = m_today - c.daysBefore * Day + 10 * Hour};
        run.id = m_b.addRun({.experimentId = experiment,
                             .name = run.name,
                             .userId = QStringLiteral("katherine"),
                             .status = QStringLiteral("RUNNING"),
                             .startTime = run.start,
                             .tags = tags});
        m_b.logInput(run.id, train, QStringLiteral("training"));
        m_b.logInput(run.id, validation, QStringLiteral("validation"));
        logParams(run.id,
                  {{QStringLiteral("model"), QLatin1String(c.model)},
                   {QStringLiteral("max_depth"), QString::number(c.maxDepth)},
                   {QStringLiteral("n_estimators"), QString::number(c.estimators)},
                   {QStringLiteral("learning_rate"), QString::number(c.lr)},
                   {QStringLiteral("feature_set"), QLatin1String(c.featureSet)}});
        // valid_auc over the boosting rounds, approaching the run's final auc.
        const qint64 roundTime = 2 * Second;
        double auc = 0;
        for (int round = 0; round <= c.estimators; round += 50) {
            auc = c.auc - 0.09 * std::exp(-round * c.lr / 8.0) + m_noise.gaussian(0.0008);
            m_b.logMetric(run.id, QStringLiteral("valid_auc"), auc, run.start + round * roundTime, round);
        }
        run.end = run.start + c.estimators * roundTime + 40 * Second;
        run.score = auc;
        m_b.logMetric(run.id, QStringLiteral("auc"), auc, run.end, 0);
        m_b.logMetric(run.id, QStringLiteral("precision_at_10pct"),
                      0.31 + (auc - 0.84) * 2 + m_noise.gaussian(0.004), run.end, 0);
        m_b.logMetric(run.id, QStringLiteral("logloss"), 0.52 - (auc - 0.84) * 1.5 + m_noise.gaussian(0.003),
                      run.end, 0);
        TagList modelTags;
        sourceTags(modelTags, QStringLiteral("pipelines/train_churn.py"), QStringLiteral("JOB"), gitCommit);
        modelTags.append({QStringLiteral("mlflow.user"), QStringLiteral("katherine")});
        run.loggedModelId = logLoggedModel(
            run, QStringLiteral("sklearn"), QStringLiteral("1.5.2"),
            QStringLiteral("mlflow==3.9.0\nscikit-learn==1.5.2\n%1\npandas==2.2.3\n")
                .arg(QLatin1String(c.model) == "xgboost" ? "xgboost==2.1.3" : "lightgbm==4.5.0"),
            modelTags);
        finishRun(run);
        m_churnModels.append(run);
    }
}

// -- churn-evaluation: a weekly job scores the production churn-predictor on last week's
// customers. Its auc drifts down past the 0.80 the team alerts on (the model-health plot's case).
void DemoWriter::churnEvaluation()
{
    constexpr int Weeks = 20;
    const qint64 firstStart = m_today - Day - (Weeks - 1) * 7 * Day + 6 * Hour; // the last: yesterday
    const qint64 experiment = m_b.addExperiment(
        {.name = QStringLiteral("churn-evaluation"),
         .creationTime = firstStart - 2 * Day,
         .description = QStringLiteral("Weekly scoring of the production `churn-predictor` on the "
                                       "customers labelled last week.\n\nAlert when `auc` drops below "
                                       "**0.80**."),
         .tags = {{QStringLiteral("project"), QStringLiteral("churn")},
                  {QStringLiteral("schedule"), QStringLiteral("weekly, Monday 06:00 UTC")}}});
    const QString gitCommit = commit();
    for (int week = 0; week < Weeks; ++week) {
        DemoRun run {.start = firstStart + week * 7 * Day};
        run.name = QStringLiteral("weekly-eval-")
            + QDateTime::fromMSecsSinceEpoch(run.start, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
        TagList tags;
        sourceTags(tags, QStringLiteral("jobs/evaluate_churn.py"), QStringLiteral("JOB"), gitCommit);
        // No MLflow tag links a run to a registered model: the job names it in plain tags.
        tags.append({QStringLiteral("model_name"), ChurnModel});
        tags.append({QStringLiteral("model_version"), QStringLiteral("3")});
        run.id = m_b.addRun({.experimentId = experiment,
                             .name = run.name,
                             .userId = QStringLiteral("svc-mlops"),
                             .status = QStringLiteral("RUNNING"),
                             .startTime = run.start,
                             .tags = tags});
        run.end = run.start + 4 * Minute + m_noise.bounded(60) * Second;
        // Slow drift that speeds up: ~0.87 at first, below 0.80 in the last weeks.
        const double auc = 0.872 - 0.0012 * week - 0.00019 * week * week + m_noise.gaussian(0.003);
        run.score = auc;
        m_b.logMetric(run.id, QStringLiteral("auc"), auc, run.end, 0);
        m_b.logMetric(run.id, QStringLiteral("precision_at_10pct"),
                      0.31 + (auc - 0.84) * 2 + m_noise.gaussian(0.004), run.end, 0);
        m_b.logMetric(run.id, QStringLiteral("n_scored"), 48000 + m_noise.bounded(4000), run.end, 0);
        m_b.logMetric(run.id, QStringLiteral("positive_rate"),
                      0.041 + 0.0006 * week + m_noise.gaussian(0.001), run.end, 0);
        finishRun(run);
    }
}

} // namespace Store::Demo
