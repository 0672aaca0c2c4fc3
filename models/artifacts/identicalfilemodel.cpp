#include "identicalfilemodel.h"

#include "runformat.h"

IdenticalFileModel::IdenticalFileModel(QObject *parent) : QAbstractTableModel(parent) { }

void IdenticalFileModel::setMatches(const QList<IdenticalFileMatch> &matches)
{
    beginResetModel();
    m_matches = matches;
    endResetModel();
}

const IdenticalFileMatch &IdenticalFileModel::matchAt(const QModelIndex &index) const
{
    return m_matches[index.row()];
}

int IdenticalFileModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

int IdenticalFileModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IdenticalFileModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IdenticalFileMatch &match = matchAt(index);
    switch (role) {
    case RunIdRole:
        return match.runId;
    case RelativePathRole:
        return match.relativePath;
    case Qt::ToolTipRole:
        return match.runId;
    case Qt::DisplayRole:
        switch (index.column()) {
        case RunColumn:
            return RunFormat::runName(match.runName, match.runId);
        case ExperimentColumn:
            return match.experimentId;
        case PathColumn:
            return match.relativePath;
        }
    }
    return {};
}

QVariant IdenticalFileModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RunColumn:
        return tr("Run");
    case ExperimentColumn:
        return tr("Experiment");
    case PathColumn:
        return tr("Path");
    }
    return {};
}
