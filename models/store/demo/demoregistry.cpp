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
}

} // namespace Store::Demo
