#include "democlock.h"
#include "demowriter.h"

namespace Store::Demo {

void DemoWriter::registry()
{
    const qint64 created = BaseTime + 7 * Day;
    const QString mnist = QStringLiteral("mnist-classifier");
    m_b.addRegisteredModel(
        {.name = mnist,
         .creationTime = created,
         .description = QStringLiteral("Digit classifier served by the **scanner** service."),
         .tags = {{QStringLiteral("task"), QStringLiteral("image-classification")},
                  {QStringLiteral("owner"), QStringLiteral("ada")}}});
    // Versions in the order they were registered; transitions as a team would make them.
    const DemoRun sources[]
        = {m_mnistRuns.value(0), m_mnistBestChild, m_mnistRuns.value(1), m_mnistRuns.value(2)};
    qint64 t = created;
    for (const DemoRun &run : sources) {
        t += Day;
        m_b.addModelVersion({.modelName = mnist,
                             .source = m_b.runArtifactUri(run.id) + QStringLiteral("/model"),
                             .runId = run.id,
                             .creationTime = t,
                             .userId = QStringLiteral("ada"),
                             .description = QStringLiteral("val_accuracy %1").arg(run.score, 0, 'f', 4)});
    }
    m_b.transitionStage(mnist, 1, QStringLiteral("Production"), created + Day + Hour);
    m_b.transitionStage(mnist, 2, QStringLiteral("Production"), created + 2 * Day + Hour,
                        true); // v1 archived
    m_b.transitionStage(mnist, 3, QStringLiteral("Staging"), created + 3 * Day + Hour);
    m_b.setAlias(mnist, QStringLiteral("champion"), 2);
    m_b.setAlias(mnist, QStringLiteral("challenger"), 3);
    m_b.setModelVersionTag(mnist, 2, QStringLiteral("validation_status"), QStringLiteral("approved"));
    m_b.setModelVersionTag(mnist, 3, QStringLiteral("validation_status"), QStringLiteral("pending"));
    // Registered twice by mistake and deleted (a soft delete: the row stays, redacted, and must
    // not show); its alias goes with it, its tag stays.
    const DemoRun &twice = m_mnistRuns.value(2);
    m_b.addModelVersion({.modelName = mnist,
                         .source = m_b.runArtifactUri(twice.id) + QStringLiteral("/model"),
                         .runId = twice.id,
                         .creationTime = created + 5 * Day,
                         .userId = QStringLiteral("alan"),
                         .description = QStringLiteral("Same run as version 4.")});
    m_b.setAlias(mnist, QStringLiteral("candidate"), 5);
    m_b.setModelVersionTag(mnist, 5, QStringLiteral("validation_status"), QStringLiteral("duplicate"));
    m_b.deleteModelVersion(mnist, 5, created + 5 * Day + 2 * Hour);

    const QString housing = QStringLiteral("housing-regressor");
    m_b.addRegisteredModel({.name = housing, .creationTime = created + Hour});
    for (int i = 0; i < m_gbmModels.size(); ++i) {
        const DemoRun &run = m_gbmModels[i];
        m_b.addModelVersion({.modelName = housing,
                             .source = m_b.runArtifactUri(run.id) + QStringLiteral("/model"),
                             .runId = run.id,
                             .creationTime = created + (i + 1) * 2 * Hour,
                             .userId = QStringLiteral("grace")});
        m_b.transitionStage(housing, i + 1, QStringLiteral("Production"),
                            created + (i + 1) * 2 * Hour + Minute, true);
    }
    m_b.setAlias(housing, QStringLiteral("champion"), 2);

    churnRegistry();
    otherModels();
}

// churn-predictor: MLflow 3 versions (models:/m-...) registered from churn-training's logged
// models. Production was promoted twice with archive_existing_versions (versions 1 and 2
// archived) and has sat there for months; a fresh retraining waits in Staging.
void DemoWriter::churnRegistry()
{
    const QString churn = QStringLiteral("churn-predictor");
    const DemoRun &first = m_churnModels.value(0);
    m_b.addRegisteredModel(
        {.name = churn,
         .creationTime = first.end + Hour,
         .description = QStringLiteral(
             "Predicts which customers cancel within **30 days**, for the retention team's weekly "
             "outreach list.\n\n"
             "## Serving\n\n"
             "The `champion` alias is served by `retention-api`; `challenger` gets 10 % of the "
             "traffic once it passes the offline checks.\n\n"
             "## Monitoring\n\n"
             "`churn-evaluation` scores the production version every Monday on last week's labelled "
             "customers (runs tagged `model_name = churn-predictor`). Retrain when `auc` falls below "
             "0.80."),
         .tags = {{QStringLiteral("team"), QStringLiteral("growth")},
                  {QStringLiteral("task"), QStringLiteral("binary-classification")},
                  {QStringLiteral("monitoring.metric"), QStringLiteral("auc")},
                  {QStringLiteral("monitoring.threshold"), QStringLiteral("0.80")}}});
    for (int i = 0; i < m_churnModels.size(); ++i) {
        const DemoRun &run = m_churnModels[i];
        const int version = i + 1;
        const qint64 registered = run.end + 2 * Hour;
        // The run id comes from the logged model, as create_model_version resolves it.
        m_b.addModelVersion(
            {.modelName = churn,
             .source = QStringLiteral("models:/") + run.loggedModelId,
             .creationTime = registered,
             .userId = QStringLiteral("katherine"),
             .description
             = QStringLiteral("`%1`, validation auc **%2**.").arg(run.name).arg(run.score, 0, 'f', 3)});
        m_b.setLoggedModelTag(run.loggedModelId, QStringLiteral("mlflow.modelVersions"),
                              QStringLiteral(R"([{"name": "%1", "version": %2}])").arg(churn).arg(version));
        if (version == m_churnModels.size()) { // the newest: Staging since two days ago
            m_b.transitionStage(churn, version, QStringLiteral("Staging"), m_today - 2 * Day + 10 * Hour);
            m_b.setAlias(churn, QStringLiteral("challenger"), version); // moved from 3
            m_b.setModelVersionTag(churn, version, QStringLiteral("validation_status"),
                                   QStringLiteral("pending"));
            break;
        }
        m_b.transitionStage(churn, version, QStringLiteral("Staging"), registered + Day);
        m_b.setAlias(churn, QStringLiteral("challenger"), version);
        m_b.transitionStage(churn, version, QStringLiteral("Production"), registered + 2 * Day, true);
        m_b.setAlias(churn, QStringLiteral("champion"), version);
        m_b.setModelVersionTag(churn, version, QStringLiteral("validation_status"),
                               QStringLiteral("approved"));
    }
}

// fraud-detector (team=risk): versions registered from outside any run, one in Production for
// weeks, one whose registration failed, one still pending. demand-forecaster: no versions yet.
void DemoWriter::otherModels()
{
    const QString fraud = QStringLiteral("fraud-detector");
    m_b.addRegisteredModel(
        {.name = fraud,
         .creationTime = m_today - 75 * Day,
         .description = QStringLiteral(
             "# Card fraud detector\n\n"
             "Scores every card transaction in real time; transactions above the threshold are held "
             "for review.\n\n"
             "* Owner: risk engineering (`#risk-ml`)\n"
             "* Inputs: the `transactions_v3` feature view\n"
             "* Threshold: 0.92, set by the risk committee\n\n"
             "Versions are trained in the risk team's own workspace and copied here by the release "
             "pipeline, so they have no run in this store."),
         .tags = {{QStringLiteral("team"), QStringLiteral("risk")},
                  {QStringLiteral("task"), QStringLiteral("binary-classification")}}});
    m_b.addModelVersion({.modelName = fraud,
                         .source = QStringLiteral("s3://risk-models/fraud-detector/v1/model"),
                         .creationTime = m_today - 64 * Day,
                         .userId = QStringLiteral("release-bot")});
    m_b.transitionStage(fraud, 1, QStringLiteral("Staging"), m_today - 62 * Day);
    m_b.transitionStage(fraud, 1, QStringLiteral("Production"), m_today - 57 * Day);
    m_b.setAlias(fraud, QStringLiteral("champion"), 1);
    m_b.setModelVersionTag(fraud, 1, QStringLiteral("approved_by"), QStringLiteral("risk-committee"));
    m_b.addModelVersion({.modelName = fraud,
                         .source = QStringLiteral("s3://risk-models/fraud-detector/v2/model"),
                         .creationTime = m_today - 6 * Day,
                         .userId = QStringLiteral("release-bot"),
                         .status = QStringLiteral("FAILED_REGISTRATION"),
                         .statusMessage = QStringLiteral(
                             "Copying the model files failed: s3://risk-models/fraud-detector/v2/model: "
                             "AccessDenied (403).")});
    m_b.addModelVersion({.modelName = fraud,
                         .source = QStringLiteral("s3://risk-models/fraud-detector/v3/model"),
                         .creationTime = m_today - 3 * Hour,
                         .userId = QStringLiteral("release-bot"),
                         .status = QStringLiteral("PENDING_REGISTRATION")});

    m_b.addRegisteredModel({.name = QStringLiteral("demand-forecaster"),
                            .creationTime = m_today - 9 * Day,
                            .description = QStringLiteral(
                                "Placeholder for the demand forecasting work; nothing is registered yet."),
                            .tags = {{QStringLiteral("team"), QStringLiteral("planning")}}});
}

} // namespace Store::Demo
