#include "csvtablemodel.h"

#include <limits>

namespace Artifacts {

namespace {

bool readsAsNumber(const QString &cell, double *value = nullptr)
{
    bool ok = false;
    const double number = cell.trimmed().toDouble(&ok);
    if (value)
        *value = number;
    return ok;
}

} // namespace

CsvTableModel::CsvTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void CsvTableModel::setHeader(const QStringList &header)
{
    beginResetModel();
    m_header = header;
    m_numeric = QList<bool>(header.size(), true);
    m_rows.clear();
    endResetModel();
}

void CsvTableModel::clear()
{
    setHeader({});
}

void CsvTableModel::appendRows(const QList<QStringList> &rows)
{
    if (rows.isEmpty())
        return;
    qsizetype widest = m_header.size();
    for (const QStringList &row : rows)
        widest = std::max(widest, row.size());
    if (widest > m_header.size()) {
        beginInsertColumns({}, int(m_header.size()), int(widest - 1));
        for (qsizetype column = m_header.size(); column < widest; ++column)
            m_header.append(tr("Column %1").arg(column + 1));
        m_numeric.resize(widest, true);
        for (QStringList &row : m_rows)
            row.resize(widest);
        endInsertColumns();
    }
    const bool wasNumeric = m_numeric.contains(true);
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (QStringList row : rows) {
        row.resize(m_header.size());
        for (qsizetype column = 0; column < row.size(); ++column) {
            if (m_numeric[column] && !row[column].isEmpty() && !readsAsNumber(row[column]))
                m_numeric[column] = false;
        }
        m_rows.append(std::move(row));
    }
    endInsertRows();
    if (wasNumeric && first > 0) // a column may have stopped being numeric: alignment changes
        emit dataChanged(index(0, 0), index(first - 1, columnCount() - 1), {Qt::TextAlignmentRole, SortRole});
}

int CsvTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CsvTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_header.size());
}

QVariant CsvTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const QString &cell = m_rows[index.row()][index.column()];
    const bool numeric = m_numeric[index.column()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return cell;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(
            Qt::Alignment(numeric ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter));
    case SortRole: {
        if (!numeric)
            return cell;
        double value = std::numeric_limits<double>::lowest();
        if (!cell.isEmpty())
            readsAsNumber(cell, &value);
        return value;
    }
    case NumericRole:
        return numeric;
    default:
        return {};
    }
}

QVariant CsvTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < m_rows.size())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= m_header.size())
        return {};
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole)
        return m_header[section];
    if (role == NumericRole)
        return m_numeric[section];
    return {};
}

} // namespace Artifacts
