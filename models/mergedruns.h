#pragma once

#include "runtable.h"

#include <QList>
#include <QStringList>

#include <vector>

// The runs of one store, as its loader read them.
struct StoreRuns
{
    QString location;
    Store::RunTable runs;
};

// The runs of several stores in one table, for the run browser showing experiments of several
// stores together. The same run id may come from two stores (a store and its copy): a run is
// told by its store and its id.
struct MergedRuns
{
    Store::RunTable runs;
    QStringList locations; // the stores, in the order given
    std::vector<int> storeOfRow; // per row of `runs`: its store's index in `locations`; empty: all 0

    int store(int row) const { return storeOfRow.empty() ? 0 : storeOfRow[size_t(row)]; }
    QString location(int row) const { return locations.value(store(row)); }
    // A run's key: its id for the first store's runs, "<location>\n<id>" for the others' (the
    // same id may be in two stores).
    QString keyOf(int store, const QString &runId) const
    {
        return store == 0 ? runId : locations.value(store) + QLatin1Char('\n') + runId;
    }
    QString runKey(int row) const { return keyOf(store(row), runs.run(row).runId); }
};

// The stores' runs in the order given, each store's rows in their order. One store's table is
// taken as it is; several are copied into one (keys interned anew).
MergedRuns mergeRuns(const QList<StoreRuns> &stores);
