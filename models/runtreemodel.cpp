#include "runtreemodel.h"

#include "runcolors.h"
#include "runformat.h"

#include <QCollator>
#include <QFileInfo>

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
    beginResetModel();
    adoptTable(runs);
    const int count = m_runs.size();
    m_rowOfSlot.resize(size_t(count));
    std::iota(m_rowOfSlot.begin(), m_rowOfSlot.end(), 0);
    m_slotOfRow = m_rowOfSlot;
    m_paramColumns = keyIndexesSortedByName(m_runs.paramKeys());
    m_metricColumns = keyIndexesSortedByName(m_runs.metricKeys());
    buildTree(std::vector<char>(size_t(count), 1));
    endResetModel();
}

void RunTreeModel::adoptTable(const Store::RunTable &runs)
{
    m_runs = runs;
    m_sourceTag = m_runs.tagKeyIndex(QLatin1String(Store::Tags::SourceName));
    m_userTag = m_runs.tagKeyIndex(QLatin1String(Store::Tags::User));
    m_rowOfRunId.clear();
    m_rowOfRunId.reserve(m_runs.size());
    for (int row = 0; row < m_runs.size(); ++row)
        m_rowOfRunId.insert(m_runs.run(row).runId, row);
}

bool RunTreeModel::updateRuns(const Store::RunTable &runs)
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
    if (!sameColumns(m_metricColumns, m_runs.metricKeys(), runs.metricKeys())
        || !sameColumns(m_paramColumns, m_runs.paramKeys(), runs.paramKeys())) {
        setRuns(runs);
        return false;
    }
    std::vector<int> slotOfNewRow(size_t(runs.size()), -1);
    int kept = 0;
    for (int row = 0; row < runs.size(); ++row) {
        const int oldRow = m_rowOfRunId.value(runs.run(row).runId, -1);
        if (oldRow < 0)
            continue;
        if (runs.run(row).parentRunId != m_runs.run(oldRow).parentRunId) {
            setRuns(runs);
            return false;
        }
        slotOfNewRow[size_t(row)] = m_slotOfRow[size_t(oldRow)];
        ++kept;
    }
    if (kept != m_runs.size()) {
        setRuns(runs);
        return false;
    }

    // The new table under the old tree; the new runs get the slots after the old ones, so that
    // they come last among their siblings and insert without moving a row.
    const int oldCount = m_runs.size();
    adoptTable(runs);
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
    const QString &parentId = m_runs.run(m_rowOfSlot[size_t(slot)]).parentRunId;
    if (parentId.isEmpty())
        return -1;
    const int row = m_rowOfRunId.value(parentId, -1);
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
    if (names == m_experimentNames)
        return;
    m_experimentNames = names;
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
    for (int row = 0; row < m_runs.size(); ++row)
        running += m_runs.run(row).status == QLatin1String("RUNNING");
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
    return row < 0 ? QString() : m_runs.run(row).runId;
}

QModelIndex RunTreeModel::indexOfRun(const QString &runId, int column) const
{
    return indexOfRow(rowOfRun(runId), column);
}

QModelIndex RunTreeModel::indexOfRow(int runRow, int column) const
{
    if (runRow < 0 || runRow >= m_runs.size() || column < 0 || column >= columnCount())
        return {};
    const int slot = m_slotOfRow[size_t(runRow)];
    return createIndex(m_position[size_t(slot)], column, quintptr(slot));
}

RunTreeModel::ColumnKind RunTreeModel::columnKind(int column) const
{
    if (column < FixedColumnCount)
        return ColumnKind::Attribute;
    if (column < FixedColumnCount + m_metricColumns.size())
        return ColumnKind::Metric;
    return ColumnKind::Param;
}

QString RunTreeModel::columnTitle(int column) const
{
    switch (column) {
    case NameColumn:
        return tr("Name");
    case ExperimentColumn:
        return tr("Experiment");
    case StatusColumn:
        return tr("Status");
    case StartTimeColumn:
        return tr("Start time");
    case DurationColumn:
        return tr("Duration");
    case UserColumn:
        return tr("User");
    case SourceColumn:
        return tr("Source");
    default:
        break;
    }
    if (column < 0 || column >= columnCount())
        return {};
    if (columnKind(column) == ColumnKind::Param)
        return m_runs.paramKeys().at(paramKey(column));
    return m_runs.metricKeys().at(metricKey(column));
}

QString RunTreeModel::columnKey(int column) const
{
    switch (column) {
    case NameColumn:
        return QStringLiteral("attributes.run_name");
    case ExperimentColumn:
        return QStringLiteral("attributes.experiment_name");
    case StatusColumn:
        return QStringLiteral("attributes.status");
    case StartTimeColumn:
        return QStringLiteral("attributes.start_time");
    case DurationColumn:
        return QStringLiteral("attributes.duration");
    case UserColumn:
        return QStringLiteral("attributes.user_id");
    case SourceColumn:
        return QStringLiteral("tags.mlflow.source.name");
    default:
        break;
    }
    if (column < 0 || column >= columnCount())
        return {};
    const QString prefix
        = columnKind(column) == ColumnKind::Param ? QStringLiteral("params.") : QStringLiteral("metrics.");
    return prefix + columnTitle(column);
}

int RunTreeModel::columnOfKey(const QString &columnKey) const
{
    for (int column = 0; column < columnCount(); ++column) {
        if (this->columnKey(column) == columnKey)
            return column;
    }
    return -1;
}

QStringList RunTreeModel::columnKeys() const
{
    QStringList keys;
    for (int column = 0; column < columnCount(); ++column)
        keys.append(columnKey(column));
    return keys;
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

QString RunTreeModel::sourceName(int row) const
{
    return m_runs.tag(row, m_sourceTag).value_or(QString());
}

QString RunTreeModel::userName(int row) const
{
    const QString &user = m_runs.run(row).userId;
    return user.isEmpty() ? m_runs.tag(row, m_userTag).value_or(QString()) : user;
}

QString RunTreeModel::experimentName(int row) const
{
    const QString &id = m_runs.run(row).experimentId;
    const QString name = m_experimentNames.value(id);
    return name.isEmpty() ? id : name;
}

QVariant RunTreeModel::displayValue(int row, int column) const
{
    const Store::RunAttributes &run = m_runs.run(row);
    switch (column) {
    case NameColumn:
        return run.runName.isEmpty() ? run.runId : run.runName;
    case ExperimentColumn:
        return experimentName(row);
    case StatusColumn:
        return run.status;
    case StartTimeColumn:
        return RunFormat::shortDateTime(run.startTime);
    case DurationColumn:
        if (run.startTime == Store::NoTime || run.endTime == Store::NoTime)
            return {};
        return RunFormat::duration(run.endTime - run.startTime);
    case UserColumn:
        return userName(row);
    case SourceColumn: {
        // Scripts are recognised by their file name; the tooltip has the whole path.
        const QString source = sourceName(row);
        return source.contains(QLatin1String("://")) ? source : QFileInfo(source).fileName();
    }
    default:
        break;
    }
    if (columnKind(column) == ColumnKind::Param)
        return m_runs.param(row, paramKey(column)).value_or(QString());
    const Store::LatestMetric *metric = m_runs.metric(row, metricKey(column));
    return metric ? RunFormat::metricValue(metric->value) : QString();
}

QVariant RunTreeModel::sortValue(int row, int column) const
{
    const Store::RunAttributes &run = m_runs.run(row);
    switch (column) {
    case NameColumn:
        return run.runName.isEmpty() ? run.runId : run.runName;
    case ExperimentColumn: {
        const QString experiment = experimentName(row);
        return experiment.isEmpty() ? QVariant() : QVariant(experiment);
    }
    case StatusColumn:
        return run.status;
    case StartTimeColumn:
        return run.startTime == Store::NoTime ? QVariant() : QVariant(run.startTime);
    case DurationColumn:
        if (run.startTime == Store::NoTime || run.endTime == Store::NoTime)
            return {};
        return QVariant(run.endTime - run.startTime);
    case UserColumn: {
        const QString user = userName(row);
        return user.isEmpty() ? QVariant() : QVariant(user);
    }
    case SourceColumn: {
        const QString source = sourceName(row);
        return source.isEmpty() ? QVariant() : QVariant(source);
    }
    default:
        break;
    }
    if (columnKind(column) == ColumnKind::Param) {
        const auto value = m_runs.param(row, paramKey(column));
        return value ? QVariant(*value) : QVariant();
    }
    const Store::LatestMetric *metric = m_runs.metric(row, metricKey(column));
    return metric ? QVariant(metric->value) : QVariant();
}

QVariant RunTreeModel::data(const QModelIndex &index, int role) const
{
    const int row = runRow(index);
    if (row < 0)
        return {};
    const int column = index.column();
    const Store::RunAttributes &run = m_runs.run(row);
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case SortRole:
        return sortValue(row, column);
    case RunIdRole:
        return run.runId;
    case IsDeletedRole:
        return run.isDeleted();
    case Qt::DecorationRole:
        if (column == NameColumn)
            return RunColors::color(run.runId);
        break;
    case Qt::ToolTipRole:
        if (column == NameColumn) {
            const QString experiment = experimentName(row);
            return experiment.isEmpty() ? tr("Run %1").arg(run.runId)
                                        : tr("Run %1\nExperiment: %2").arg(run.runId, experiment);
        }
        if (column == ExperimentColumn) {
            const QString name = m_experimentNames.value(run.experimentId);
            return name.isEmpty() ? tr("Experiment ID: %1").arg(run.experimentId)
                                  : tr("Experiment: %1\nID: %2").arg(name, run.experimentId);
        }
        if (column == SourceColumn)
            return sourceName(row);
        if (column == StartTimeColumn)
            return RunFormat::dateTime(run.startTime);
        if (columnKind(column) != ColumnKind::Attribute)
            return displayValue(row, column);
        break;
    case Qt::TextAlignmentRole:
        if (columnKind(column) == ColumnKind::Metric || column == DurationColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
    case Qt::FontRole:
        if (run.isDeleted())
            return RunFormat::deletedItemStyle(role);
        break;
    default:
        break;
    }
    return {};
}

QVariant RunTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return columnKind(section) == ColumnKind::Attribute ? columnTitle(section) : columnKey(section);
    case Qt::ToolTipRole:
    case ColumnKeyRole:
        return columnKey(section);
    case Qt::TextAlignmentRole:
        // Left even above numbers: a long key elided in the middle keeps its start in place.
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        break;
    }
    return {};
}
