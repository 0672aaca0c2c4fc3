#include "democlock.h"
#include "demoreports.h"
#include "demowriter.h"

#include <cmath>

namespace Store::Demo {

// -- tabular-gbm: gradient boosting on a regression table; one failure, one kill, one deletion.
void DemoWriter::gbm()
{
    const qint64 created = BaseTime + 2 * Day;
    const qint64 experiment = m_b.addExperiment(
        {.name = QStringLiteral("tabular-gbm"),
         .creationTime = created,
         .description = QStringLiteral("Gradient-boosted trees on *California housing*.\n\n"
                                       "Lower `rmse` is better; `r2` for the report."),
         .tags = {{QStringLiteral("project"), QStringLiteral("housing")}}});
    const auto [train, validation] = datasets(
        experiment, QStringLiteral("california-housing"), QStringLiteral("local"),
        QStringLiteral(R"({"uri": "/data/housing/train.csv"})"),
        QStringLiteral(R"({"uri": "/data/housing/valid.csv"})"),
        QStringLiteral(R"({"mlflow_colspec": [{"type": "double", "name": "MedInc", "required": true}, )"
                       R"({"type": "double", "name": "HouseAge", "required": true}, )"
                       R"({"type": "double", "name": "AveRooms", "required": true}, )"
                       R"({"type": "double", "name": "MedHouseVal", "required": true}]})"),
        16512, 4128);
    const QString gitCommit = commit();
    struct Config
    {
        const char *name, *model;
        int maxDepth, estimators;
        double lr, subsample;
        const char *status;
        bool deleted;
        const char *note;
    };
    const Config configs[] = {
        {"xgb-depth4", "xgboost", 4, 400, 0.1, 0.8, "FINISHED", false, nullptr},
        {"xgb-depth6", "xgboost", 6, 600, 0.05, 0.8, "FINISHED", false, nullptr},
        {"xgb-depth8-oom", "xgboost", 8, 2000, 0.05, 1.0, "FAILED", false,
         "Out of memory at round ~700 (`max_depth=8`, 2000 rounds)."},
        {"lgbm-leaves63", "lightgbm", -1, 800, 0.05, 0.7, "FINISHED", false,
         "**Best so far.** Registered as `housing-regressor` v2."},
        {"lgbm-dart", "lightgbm", -1, 1200, 0.03, 0.7, "KILLED", false, nullptr},
        {"catboost-default", "catboost", 6, 1000, 0.03, 1.0, "FINISHED", false, nullptr},
        {"xgb-typo-run", "xgboost", 4, 40, 0.3, 0.8, "FINISHED", true, nullptr},
        {"lgbm-leaves127", "lightgbm", -1, 800, 0.05, 0.7, "FINISHED", false, nullptr},
    };
    qint64 start = created + 3 * Hour;
    for (const Config &c : configs) {
        TagList tags;
        sourceTags(tags, QStringLiteral("notebooks/housing_gbm.ipynb"), QStringLiteral("NOTEBOOK"),
                   gitCommit);
        tags.append({QStringLiteral("model_family"), QLatin1String(c.model)});
        DemoRun run {.name = QLatin1String(c.name), .start = start};
        run.id = m_b.addRun({.experimentId = experiment,
                             .name = run.name,
                             .userId = QStringLiteral("grace"),
                             .status = QStringLiteral("RUNNING"),
                             .startTime = start,
                             .note = c.note ? QLatin1String(c.note) : QString(),
                             .tags = tags});
        m_b.logInput(run.id, train, QStringLiteral("training"));
        m_b.logInput(run.id, validation, QStringLiteral("validation"));
        logParams(run.id,
                  {{QStringLiteral("model"), QLatin1String(c.model)},
                   {QStringLiteral("max_depth"), QString::number(c.maxDepth)},
                   {QStringLiteral("n_estimators"), QString::number(c.estimators)},
                   {QStringLiteral("learning_rate"), QString::number(c.lr)},
                   {QStringLiteral("subsample"), QString::number(c.subsample)},
                   {QStringLiteral("min_child_weight"), QString::number(1 + m_noise.bounded(5))}});

        const QString status = QLatin1String(c.status);
        const bool completes = status == QLatin1String("FINISHED");
        // Boosting rounds stop early for the failed (OOM) and killed runs.
        const int rounds = completes ? c.estimators : c.estimators * 7 / 20;
        const double floor = 0.43 + 0.02 * (c.maxDepth == 4) + 0.015 * (QLatin1String(c.model) == "catboost")
            + 0.01 * (QLatin1String(c.name) == QLatin1String("lgbm-leaves127")) + m_noise.gaussian(0.003);
        const qint64 roundTime = 250 + c.maxDepth * 30;
        double rmse = 0;
        for (int round = 0; round < rounds; round += 25) {
            rmse = floor + 0.72 * std::exp(-round * c.lr / 6.0) + std::abs(m_noise.gaussian(0.002));
            m_b.logMetric(run.id, QStringLiteral("valid_rmse"), rmse, start + round * roundTime, round);
        }
        run.end = start + rounds * roundTime + 4 * Second;
        run.score = rmse;
        if (completes) {
            m_b.logMetric(run.id, QStringLiteral("rmse"), rmse, run.end, 0);
            m_b.logMetric(run.id, QStringLiteral("mae"), rmse * 0.68 + m_noise.gaussian(0.002), run.end, 0);
            m_b.logMetric(run.id, QStringLiteral("r2"), 1.0 - rmse * rmse / 1.33, run.end, 0);
            logModel(run, QStringLiteral("sklearn"), QStringLiteral("1.5.2"),
                     QStringLiteral("mlflow==3.9.0\nscikit-learn==1.5.2\n%1\npandas==2.2.3\n")
                         .arg(QLatin1String(c.model) == "xgboost"        ? "xgboost==2.1.3"
                                  : QLatin1String(c.model) == "lightgbm" ? "lightgbm==4.5.0"
                                                                         : "catboost==1.2.7"),
                     housingSignatureYaml());
            writeArtifact(run.id, QStringLiteral("eval/predictions.tsv"), predictionsTsv(rmse));
            writeArtifact(run.id, QStringLiteral("report.html"),
                          evaluationReportHtml(run.name, QLatin1String(c.model), rmse));
            QString importance = QStringLiteral("feature,importance\n");
            double left = 1.0;
            for (const char *feature :
                 {"MedInc", "AveOccup", "Latitude", "Longitude", "HouseAge", "AveRooms"}) {
                const double share = left * (0.35 + m_noise.uniform(0.0, 0.2));
                importance += QStringLiteral("%1,%2\n").arg(QLatin1String(feature)).arg(share, 0, 'f', 4);
                left -= share;
            }
            writeArtifact(run.id, QStringLiteral("feature_importance.csv"), importance.toUtf8());
        } else {
            writeArtifact(run.id, QStringLiteral("stderr.log"),
                          status == QLatin1String("FAILED")
                              ? QByteArrayLiteral("xgboost.core.XGBoostError: std::bad_alloc\n")
                              : QByteArrayLiteral("KeyboardInterrupt\n"));
        }
        finishRun(run, status);
        if (c.deleted)
            m_b.deleteRun(run.id, run.end + Day);
        if (QLatin1String(c.name) == QLatin1String("xgb-depth6")
            || QLatin1String(c.name) == QLatin1String("lgbm-leaves63"))
            m_gbmModels.append(run);
        start = run.end + 12 * Minute;
    }
}

} // namespace Store::Demo
