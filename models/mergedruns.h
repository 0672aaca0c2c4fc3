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

    QString location(int row) const
    {
        return locations.value(storeOfRow.empty() ? 0 : storeOfRow[size_t(row)]);
    }
};

// The stores' runs in the order given, each store's rows in their order. One store's table is
// taken as it is; several are copied into one (keys interned anew).
MergedRuns mergeRuns(const QList<StoreRuns> &stores);
