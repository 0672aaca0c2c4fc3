#include "storebuilder.h"
#include "storebuilder_p.h"

#include <sqlite3.h>

namespace Store {

QString StoreBuilder::addDataset(const DatasetSpec &spec)
{
    if (!canWrite())
        return {};
    const QString context = tr("Cannot add dataset %1").arg(spec.name);
    // MLflow reuses the row of an (experiment, name, digest) it has seen.
    SqliteStatement existing(*m_db,
                             "SELECT dataset_uuid FROM datasets WHERE experiment_id = ?1 AND name = ?2 "
                             "AND digest = ?3");
    existing.bind(1, spec.experimentId);
    existing.bind(2, spec.name);
    existing.bind(3, spec.digest);
    if (existing.step())
        return existing.string(0);
    if (!existing.error().ok()) {
        fail(existing.error());
        return {};
    }

    const QString uuid = newUuidHex();
    SqliteStatement insert(*m_db,
                           "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, "
                           "dataset_source_type, dataset_source, dataset_schema, dataset_profile) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    insert.bind(1, uuid);
    insert.bind(2, spec.experimentId);
    insert.bind(3, spec.name);
    insert.bind(4, spec.digest);
    insert.bind(5, spec.sourceType);
    insert.bind(6, spec.source);
    bindOptional(insert, 7, spec.schema);
    bindOptional(insert, 8, spec.profile);
    return run(insert, context) ? uuid : QString();
}

void StoreBuilder::logInput(const QString &runId, const QString &datasetUuid, const QString &context,
                            const TagList &tags)
{
    if (!canWrite())
        return;
    const QString where = tr("Cannot log dataset %1 as input of run %2").arg(datasetUuid, runId);
    SqliteStatement dataset(*m_db, "SELECT 1 FROM datasets WHERE dataset_uuid = ?1");
    dataset.bind(1, datasetUuid);
    if (!dataset.step()) {
        fail(where + tr(": no such dataset"));
        return;
    }
    const QString inputUuid = newUuidHex();
    SqliteStatement input(*m_db,
                          "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, "
                          "destination_id, step) VALUES (?1, 'DATASET', ?2, 'RUN', ?3, 0) "
                          "ON CONFLICT DO NOTHING");
    input.bind(1, inputUuid);
    input.bind(2, datasetUuid);
    input.bind(3, runId);
    if (!run(input, where) || sqlite3_changes(m_db->handle()) == 0)
        return; // MLflow skips an input it already has

    TagList all = tags;
    if (!context.isEmpty())
        all.append({QStringLiteral("mlflow.data.context"), context});
    SqliteStatement tag(*m_db, "INSERT INTO input_tags (input_uuid, name, value) VALUES (?1, ?2, ?3)");
    for (const auto &[name, value] : all) {
        tag.bind(1, inputUuid);
        tag.bind(2, name);
        tag.bind(3, value);
        if (!run(tag, where))
            return;
    }
}

} // namespace Store
