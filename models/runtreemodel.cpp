#include "runtreemodel.h"

#include <QCollator>

#include <algorithm>
#include <numeric>

namespace {

QList<int> keyIndexesSortedByName(const QStringList &keys)
{
    QList<int> indexes(keys.size());
    std::iota(indexes.begin(), indexes.end(), 0);
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(indexes.begin(), indexes.end(),
                     [&](int a, int b) { return collator.compare(keys.at(a), keys.at(b)) < 0; });
    return indexes;
}

} // namespace

RunTreeModel::RunTreeModel(QObject *parent) : QAbstractItemModel(parent) { }

void RunTreeModel::setRuns(const Store::RunTable &runs)
{
    setRuns(mergeRuns({{QString(), runs}}));
}

void RunTreeModel::setRuns(const MergedRuns &runs)
{
    beginResetModel();
    adoptTable(runs);
    const int count = m_shown.runs.size();
    m_rowOfSlot.resize(size_t(count));
    std::iota(m_rowOfSlot.begin(), m_rowOfSlot.end(), 0);
    m_slotOfRow = m_rowOfSlot;
    m_paramColumns = keyIndexesSortedByName(m_shown.runs.paramKeys());
    m_metricColumns = keyIndexesSortedByName(m_shown.runs.metricKeys());
    buildTree(std::vector<char>(size_t(count), 1));
    endResetModel();
}

void RunTreeModel::adoptTable(const MergedRuns &runs)
{
    m_shown = runs;
    if (m_shown.locations.isEmpty())
        m_shown.locations = {QString()};
    m_sourceTag = m_shown.runs.tagKeyIndex(QLatin1String(Store::Tags::SourceName));
    m_userTag = m_shown.runs.tagKeyIndex(QLatin1String(Store::Tags::User));
    m_rowOfKey.clear();
    m_rowOfKey.reserve(m_shown.runs.size());
    m_rowOfOtherStoreRun.clear();
    for (int row = 0; row < m_shown.runs.size(); ++row) {
        m_rowOfKey.insert(runKey(row), row);
        if (m_shown.store(row) != 0)
            m_rowOfOtherStoreRun.insert(m_shown.runs.run(row).runId, row);
    }
}

QString RunTreeModel::runKey(int runRow) const
{
    if (runRow < 0 || runRow >= m_shown.runs.size())
        return {};
    return m_shown.runKey(runRow);
}

QString RunTreeModel::location(int runRow) const
{
    if (runRow < 0 || runRow >= m_shown.runs.size())
        return {};
    return m_shown.location(runRow);
}

int RunTreeModel::rowOfRun(const QString &runId) const
{
    const int row = m_rowOfKey.value(runId, -1);
    return row >= 0 ? row : m_rowOfOtherStoreRun.value(runId, -1);
}

int RunTreeModel::rowOfRun(const QString &location, const QString &runId) const
{
    const int store = int(m_shown.locations.indexOf(location));
    return store < 0 ? -1 : rowOfKey(m_shown.keyOf(store, runId));
}

bool RunTreeModel::updateRuns(const Store::RunTable &runs)
{
    return updateRuns(mergeRuns({{m_shown.locations.value(0), runs}}));
}

bool RunTreeModel::updateRuns(const MergedRuns &merged)
{
    // Rows can be inserted, not moved: every run shown must stay, under the same parent, and the
    // columns must stay the same (a new key would move the columns after it).
    const auto sameColumns
        = [&](const QList<int> &columns, const QStringList &oldKeys, const QStringList &newKeys) {
              const QList<int> sorted = keyIndexesSortedByName(newKeys);
              if (sorted.size() != columns.size())
                  return false;
              for (qsizetype i = 0; i < sorted.size(); ++i) {
                  if (newKeys.at(sorted.at(i)) != oldKeys.at(columns.at(i)))
                      return false;
              }
              return true;
          };
    const Store::RunTable &runs = merged.runs;
    const QStringList locations = merged.locations.isEmpty() ? QStringList {QString()} : merged.locations;
    if (locations != m_shown.locations
        || !sameColumns(m_metricColumns, m_shown.runs.metricKeys(), runs.metricKeys())
        || !sameColumns(m_paramColumns, m_shown.runs.paramKeys(), runs.paramKeys())) {
        setRuns(merged);
        return false;
    }
    std::vector<int> slotOfNewRow(size_t(runs.size()), -1);
    int kept = 0;
    for (int row = 0; row < runs.size(); ++row) {
        const int store = merged.storeOfRow.empty() ? 0 : merged.storeOfRow[size_t(row)];
        const int oldRow = rowOfKey(m_shown.keyOf(store, runs.run(row).runId));
        if (oldRow < 0)
            continue;
        if (runs.run(row).parentRunId != m_shown.runs.run(oldRow).parentRunId) {
            setRuns(merged);
            return false;
        }
        slotOfNewRow[size_t(row)] = m_slotOfRow[size_t(oldRow)];
        ++kept;
    }
    if (kept != m_shown.runs.size()) {
        setRuns(merged);
        return false;
    }

    // The new table under the old tree; the new runs get the slots after the old ones, so that
    // they come last among their siblings and insert without moving a row.
    const int oldCount = m_shown.runs.size();
    adoptTable(merged);
    m_rowOfSlot.assign(size_t(runs.size()), -1);
    int nextSlot = oldCount;
    for (int row = 0; row < runs.size(); ++row) {
        if (slotOfNewRow[size_t(row)] < 0)
            slotOfNewRow[size_t(row)] = nextSlot++;
        m_rowOfSlot[size_t(slotOfNewRow[size_t(row)])] = row;
    }
    m_slotOfRow = std::move(slotOfNewRow);
    std::vector<char> visible(size_t(runs.size()), 0);
    std::fill(visible.begin(), visible.begin() + oldCount, 1);
    buildTree(visible);
    emitAllDataChanged({});

    // Insert the new runs parent by parent, a parent before its children.
    for (bool inserted = true; inserted;) {
        inserted = false;
        for (int slot = oldCount; slot < runs.size(); ++slot) {
            if (visible[size_t(slot)])
                continue;
            const int parent = parentSlotOf(slot);
            if (parent >= 0 && !visible[size_t(parent)])
                continue;
            // Every hidden run of this parent at once.
            const QModelIndex parentIndex
                = parent < 0 ? QModelIndex() : createIndex(m_position[size_t(parent)], 0, quintptr(parent));
            const int first = rowCount(parentIndex);
            int count = 0;
            for (int other = slot; other < runs.size(); ++other) {
                if (!visible[size_t(other)] && parentSlotOf(other) == parent) {
                    visible[size_t(other)] = 1;
                    ++count;
                }
            }
            beginInsertRows(parentIndex, first, first + count - 1);
            buildTree(visible);
            endInsertRows();
            inserted = true;
        }
    }
    return true;
}

int RunTreeModel::parentSlotOf(int slot) const
{
    const int childRow = m_rowOfSlot[size_t(slot)];
    const QString &parentId = m_shown.runs.run(childRow).parentRunId;
    if (parentId.isEmpty())
        return -1;
    const int row = rowOfKey(m_shown.keyOf(m_shown.store(childRow), parentId)); // of the same store
    return row < 0 ? -1 : m_slotOfRow[size_t(row)];
}

void RunTreeModel::emitAllDataChanged(const QList<int> &roles)
{
    // dataChanged spans siblings only: one signal for the top level and one per parent.
    const int lastColumn = columnCount() - 1;
    if (!m_topLevel.empty())
        emit dataChanged(createIndex(0, 0, quintptr(m_topLevel.front())),
                         createIndex(int(m_topLevel.size()) - 1, lastColumn, quintptr(m_topLevel.back())),
                         roles);
    for (size_t slot = 0; slot + 1 < m_childBegin.size(); ++slot) {
        const int begin = m_childBegin[slot];
        const int end = m_childBegin[slot + 1];
        if (begin < end)
            emit dataChanged(createIndex(0, 0, quintptr(m_children[size_t(begin)])),
                             createIndex(end - begin - 1, lastColumn, quintptr(m_children[size_t(end - 1)])),
                             roles);
    }
}

void RunTreeModel::setExperimentNames(const QHash<QString, QString> &names)
{
    setExperimentNames(m_shown.locations.value(0), names);
}

void RunTreeModel::setExperimentNames(const QString &location, const QHash<QString, QString> &names)
{
    if (names == m_experimentNames.value(location))
        return;
    m_experimentNames.insert(location, names);
    emitAllDataChanged({Qt::DisplayRole, Qt::ToolTipRole, SortRole});
}

void RunTreeModel::buildTree(const std::vector<char> &visible)
{
    // Slots stand for runs (a slot's table row is m_rowOfSlot); a run outside `visible` is not
    // in the tree yet.
    const int count = int(visible.size());
    m_parent.assign(size_t(count), -1);
    for (int slot = 0; slot < count; ++slot) {
        if (visible[size_t(slot)]) {
            const int parent = parentSlotOf(slot);
            m_parent[size_t(slot)] = parent >= 0 && visible[size_t(parent)] ? parent : -1;
        }
    }
    // Break cycles (a run naming itself or a descendant as parent): the run that closes a cycle
    // goes to the top level. Each run is walked once.
    enum : char { Unvisited, OnPath, Done };
    std::vector<char> state(size_t(count), Unvisited);
    std::vector<int> path;
    for (int slot = 0; slot < count; ++slot) {
        path.clear();
        int current = slot;
        while (current >= 0 && state[size_t(current)] == Unvisited) {
            state[size_t(current)] = OnPath;
            path.push_back(current);
            const int parent = m_parent[size_t(current)];
            if (parent >= 0 && state[size_t(parent)] == OnPath) {
                m_parent[size_t(current)] = -1;
                break;
            }
            current = parent;
        }
        for (const int visited : path)
            state[size_t(visited)] = Done;
    }

    // Children in slot order (the table's, MLflow's: newest first; runs added by updateRuns()
    // last), stored contiguously per parent.
    m_childBegin.assign(size_t(count) + 1, 0);
    m_topLevel.clear();
    for (int slot = 0; slot < count; ++slot) {
        if (const int parent = m_parent[size_t(slot)]; visible[size_t(slot)] && parent >= 0)
            ++m_childBegin[size_t(parent) + 1];
    }
    for (int slot = 0; slot < count; ++slot)
        m_childBegin[size_t(slot) + 1] += m_childBegin[size_t(slot)];
    m_children.assign(size_t(m_childBegin[size_t(count)]), -1);
    m_position.assign(size_t(count), 0);
    std::vector<int> filled(size_t(count), 0);
    for (int slot = 0; slot < count; ++slot) {
        if (!visible[size_t(slot)])
            continue;
        const int parent = m_parent[size_t(slot)];
        if (parent < 0) {
            m_position[size_t(slot)] = int(m_topLevel.size());
            m_topLevel.push_back(slot);
        } else {
            const int position = filled[size_t(parent)]++;
            m_position[size_t(slot)] = position;
            m_children[size_t(m_childBegin[size_t(parent)] + position)] = slot;
        }
    }
}

int RunTreeModel::runningRunCount() const
{
    int running = 0;
    for (int row = 0; row < m_shown.runs.size(); ++row)
        running += m_shown.runs.run(row).status == QLatin1String("RUNNING");
    return running;
}

int RunTreeModel::runRow(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return -1;
    return m_rowOfSlot[size_t(index.internalId())];
}

int RunTreeModel::parentRow(int runRow) const
{
    const int parent = m_parent[size_t(m_slotOfRow[size_t(runRow)])];
    return parent < 0 ? -1 : m_rowOfSlot[size_t(parent)];
}

QString RunTreeModel::runId(const QModelIndex &index) const
{
    const int row = runRow(index);
    return row < 0 ? QString() : m_shown.runs.run(row).runId;
}

QModelIndex RunTreeModel::indexOfRun(const QString &runId, int column) const
{
    return indexOfRow(rowOfRun(runId), column);
}

QModelIndex RunTreeModel::indexOfRow(int runRow, int column) const
{
    if (runRow < 0 || runRow >= m_shown.runs.size() || column < 0 || column >= columnCount())
        return {};
    const int slot = m_slotOfRow[size_t(runRow)];
    return createIndex(m_position[size_t(slot)], column, quintptr(slot));
}

QModelIndex RunTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= columnCount())
        return {};
    if (!parent.isValid()) {
        if (row >= int(m_topLevel.size()))
            return {};
        return createIndex(row, column, quintptr(m_topLevel[size_t(row)]));
    }
    if (parent.model() != this || parent.column() != 0)
        return {};
    const size_t parentSlot = size_t(parent.internalId());
    const int begin = m_childBegin[parentSlot];
    if (row >= m_childBegin[parentSlot + 1] - begin)
        return {};
    return createIndex(row, column, quintptr(m_children[size_t(begin + row)]));
}

QModelIndex RunTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.model() != this)
        return {};
    const int parent = m_parent[size_t(child.internalId())];
    if (parent < 0)
        return {};
    return createIndex(m_position[size_t(parent)], 0, quintptr(parent));
}

int RunTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_topLevel.size());
    if (parent.column() != 0)
        return 0;
    if (parent.model() != this)
        return 0;
    const size_t slot = size_t(parent.internalId());
    return m_childBegin[slot + 1] - m_childBegin[slot];
}

int RunTreeModel::columnCount(const QModelIndex &) const
{
    return FixedColumnCount + int(m_paramColumns.size() + m_metricColumns.size());
}
