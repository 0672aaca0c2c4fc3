#pragma once

#include "commandpalettemodel.h"
#include "mergedruns.h"
#include "registrytypes.h"

#include <functional>

class ExperimentListModel;

// The command palette's entries, gathered from what the window's models hold when the palette
// opens (the menu actions are gathered in widgets/palettelinks.cpp). Linear in the runs and
// without copying their strings: 100,000 runs gather in a few milliseconds (bench_palette).
namespace PaletteEntries {

using Entry = CommandPaletteModel::Entry;
// Whether a row of a run table takes part (every row when empty).
using RowFilter = std::function<bool(int row)>;

// The experiments the experiment list shows, of every open store: detail the store's name there
// and the run count.
QList<Entry> experiments(const ExperimentListModel &experiments);
// The runs of the run table: title their name, detail their experiment's name (from
// `experiments`) and their store's.
QList<Entry> runs(const MergedRuns &runs, const ExperimentListModel &experiments,
                  const RowFilter &include = {});
// The metric keys of the runs, detail how many of them logged each.
QList<Entry> metrics(const Store::RunTable &runs, const RowFilter &include = {});
// A store's registered models: detail the store's name and the latest Production and Staging
// versions.
QList<Entry> models(const QString &location, const QString &storeName,
                    const Store::RegisteredModelList &models);
// The store's name in the experiment list ("mlflow.db", with its folder when two are alike), else
// its display name.
QString storeName(const ExperimentListModel &experiments, const QString &location);

} // namespace PaletteEntries
