#include "experimentlistmodel.h"
#include "runformat.h"


ExperimentListModel::ExperimentListModel(QObject *parent) : QAbstractItemModel(parent) { }

void ExperimentListModel::setExperiments(const Store::ExperimentList &experiments)
{
    beginResetModel();
    m_all = experiments;
    updateShown();
    endResetModel();
}

void ExperimentListModel::setShowDeleted(bool show)
{
    if (show == m_showDeleted)
        return;
    beginResetModel();
    m_showDeleted = show;
    updateShown();
    endResetModel();
}

void ExperimentListModel::updateShown()
{
    m_shown.clear();
    for (const Store::Experiment &experiment : std::as_const(m_all)) {
        if (m_showDeleted || !experiment.isDeleted())
            m_shown.append(experiment);
    }
}

Store::Experiment ExperimentListModel::experimentAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_shown.size())
        return {};
    return m_shown.at(index.row());
}

QString ExperimentListModel::experimentId(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_shown.size())
        return {};
    return m_shown.at(index.row()).id;
}

QModelIndex ExperimentListModel::indexOfExperiment(const QString &experimentId, int column) const
{
    for (int row = 0; row < m_shown.size(); ++row) {
        if (m_shown.at(row).id == experimentId)
            return index(row, column);
    }
    return {};
}

QModelIndex ExperimentListModel::findExperiment(const QString &idOrName) const
{
    if (const QModelIndex byId = indexOfExperiment(idOrName); byId.isValid())
        return byId;
    for (int row = 0; row < m_shown.size(); ++row) {
        if (m_shown.at(row).name == idOrName)
            return index(row, NameColumn);
    }
    return {};
}

QModelIndex ExperimentListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (parent.isValid() || row < 0 || row >= m_shown.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column);
}

QModelIndex ExperimentListModel::parent(const QModelIndex &) const
{
    return {};
}

int ExperimentListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.size());
}

int ExperimentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExperimentListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_shown.size())
        return {};
    const Store::Experiment &experiment = m_shown.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return experiment.isDeleted() ? tr("%1 (deleted)").arg(experiment.name) : experiment.name;
        return experiment.runCount;
    case SortRole:
        if (index.column() == NameColumn)
            return experiment.name;
        return experiment.runCount;
    case ExperimentIdRole:
        return experiment.id;
    case IsDeletedRole:
        return experiment.isDeleted();
    case Qt::ToolTipRole: {
        QString tip = tr("Experiment %1: %2").arg(experiment.id, experiment.name);
        if (!experiment.artifactLocation.isEmpty())
            tip += QLatin1Char('\n') + tr("Artifacts: %1").arg(experiment.artifactLocation);
        if (!experiment.description.isEmpty())
            tip += QLatin1String("\n\n") + experiment.description;
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == RunCountColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
    case Qt::FontRole:
        if (experiment.isDeleted())
            return RunFormat::deletedItemStyle(role);
        break;
    default:
        break;
    }
    return {};
}

QVariant ExperimentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Experiment");
        case RunCountColumn:
            return tr("Runs");
        default:
            break;
        }
    }
    if (role == Qt::TextAlignmentRole && section == RunCountColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}
