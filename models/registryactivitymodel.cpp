#include "registryactivitymodel.h"

#include "registryplanner.h"

#include <QDateTime>

RegistryActivityModel::RegistryActivityModel(QObject *parent) : QAbstractTableModel(parent) { }

void RegistryActivityModel::setEntries(const RegistryActivityList &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int RegistryActivityModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RegistryActivityModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegistryActivityModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RegistryActivity &entry = m_entries.at(index.row());
    if (role == SortRole && index.column() == TimeColumn)
        return entry.time;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return entry.time == Store::NoTime
            ? QString()
            : QDateTime::fromMSecsSinceEpoch(entry.time).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case UserColumn:
        return entry.user;
    case ChangeColumn:
        return entry.change.summary;
    case DetailsColumn: {
        const QStringList lines = RegistryPlanner::describeChange(entry.change);
        return role == Qt::ToolTipRole ? lines.join(QLatin1Char('\n')) : lines.join(QStringLiteral("; "));
    }
    default:
        break;
    }
    return {};
}

QVariant RegistryActivityModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("When");
    case UserColumn:
        return tr("Who");
    case ChangeColumn:
        return tr("Change");
    case DetailsColumn:
        return tr("Before → after");
    default:
        break;
    }
    return {};
}
