#include "paletteentries.h"

#include "experimentlistmodel.h"
#include "runformat.h"
#include "storelocation.h"

#include <QHash>

#include <vector>

namespace PaletteEntries {

namespace {

const QString Separator = QStringLiteral(" · ");

QString runCount(int count)
{
    return count == 1 ? QObject::tr("1 run") : QObject::tr("%1 runs").arg(count);
}

} // namespace

QString storeName(const ExperimentListModel &experiments, const QString &location)
{
    const QString name = experiments.indexOfStore(location).data().toString();
    return name.isEmpty() ? Store::Location::parse(location).displayName() : name;
}

QList<Entry> experiments(const ExperimentListModel &model)
{
    QList<Entry> entries;
    for (int store = 0; store < model.rowCount(); ++store) {
        const QModelIndex storeIndex = model.index(store, ExperimentListModel::NameColumn);
        const QString location = model.location(storeIndex);
        const QString name = storeName(model, location);
        for (int row = 0; row < model.rowCount(storeIndex); ++row) {
            const Store::Experiment experiment = model.experimentAt(model.index(row, 0, storeIndex));
            QString detail = name + Separator + runCount(experiment.runCount);
            if (experiment.isDeleted())
                detail += Separator + QObject::tr("deleted");
            entries.append({CommandPaletteModel::Kind::Experiment,
                            experiment.name,
                            detail,
                            location,
                            experiment.id,
                            {}});
        }
    }
    return entries;
}

QList<Entry> runs(const MergedRuns &runs, const ExperimentListModel &experiments, const RowFilter &include)
{
    // One detail string per experiment, shared by its runs; experiment names by store.
    const int storeCount = int(runs.locations.size());
    std::vector<QHash<QString, QString>> details(size_t(std::max(storeCount, 1)));
    for (int store = 0; store < storeCount; ++store) {
        const QString &location = runs.locations.at(store);
        const QString name = storeName(experiments, location);
        for (const Store::Experiment &experiment : experiments.experiments(location))
            details[size_t(store)].insert(experiment.id, experiment.name + Separator + name);
    }
    const auto detailOf = [&](int store, const QString &experimentId) {
        QHash<QString, QString> &known = details[size_t(store)];
        auto it = known.find(experimentId);
        if (it == known.end()) // an experiment the list does not hold (yet)
            it = known.insert(experimentId,
                              QObject::tr("experiment %1").arg(experimentId) + Separator
                                  + storeName(experiments, runs.locations.value(store)));
        return *it;
    };

    QList<Entry> entries;
    entries.reserve(runs.runs.size());
    int lastStore = -1;
    QString lastExperiment;
    QString lastDetail;
    for (int row = 0; row < runs.runs.size(); ++row) {
        if (include && !include(row))
            continue;
        const Store::RunAttributes &run = runs.runs.run(row);
        const int store = runs.store(row);
        if (store != lastStore || run.experimentId != lastExperiment) { // runs come by experiment
            lastStore = store;
            lastExperiment = run.experimentId;
            lastDetail = detailOf(store, run.experimentId);
        }
        entries.append({CommandPaletteModel::Kind::Run, RunFormat::runName(run.runName, run.runId),
                        lastDetail, runs.locations.value(store), run.experimentId, run.runId});
    }
    return entries;
}

QList<Entry> metrics(const Store::RunTable &runs, const RowFilter &include)
{
    std::vector<int> counts(size_t(runs.metricKeys().size()), 0);
    for (int row = 0; row < runs.size(); ++row) {
        if (include && !include(row))
            continue;
        for (const Store::RunTable::MetricEntry &metric : runs.metrics(row))
            ++counts[size_t(metric.key)];
    }
    QList<Entry> entries;
    for (int key = 0; key < runs.metricKeys().size(); ++key) {
        if (counts[size_t(key)] == 0)
            continue;
        const QString &name = runs.metricKeys().at(key);
        entries.append({CommandPaletteModel::Kind::Metric,
                        name,
                        QObject::tr("logged by %1").arg(runCount(counts[size_t(key)])),
                        {},
                        {},
                        name});
    }
    return entries;
}

QList<Entry> models(const QString &location, const QString &storeName,
                    const Store::RegisteredModelList &models)
{
    QList<Entry> entries;
    entries.reserve(models.size());
    for (const Store::RegisteredModel &model : models) {
        QStringList detail;
        for (const QString &stage : {QStringLiteral("Production"), QStringLiteral("Staging")}) {
            if (const int version = model.latestVersions.value(stage); version > 0)
                detail.append(QObject::tr("%1 v%2").arg(stage).arg(version));
        }
        detail.append(storeName);
        entries.append({CommandPaletteModel::Kind::RegisteredModel,
                        model.name,
                        detail.join(Separator),
                        location,
                        {},
                        model.name});
    }
    return entries;
}

} // namespace PaletteEntries
