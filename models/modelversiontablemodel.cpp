#include "modelversiontablemodel.h"

#include "registryformat.h"
#include "runformat.h"

ModelVersionTableModel::ModelVersionTableModel(QObject *parent) : QAbstractTableModel(parent) { }

void ModelVersionTableModel::setVersions(const Store::ModelVersionList &versions)
{
    if (hasSameRows(versions)) {
        m_versions = versions;
        if (!m_versions.isEmpty())
            emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_versions = versions;
    endResetModel();
}

bool ModelVersionTableModel::hasSameRows(const Store::ModelVersionList &versions) const
{
    if (versions.size() != m_versions.size())
        return false;
    for (qsizetype row = 0; row < versions.size(); ++row) {
        if (versions.at(row).version != m_versions.at(row).version
            || versions.at(row).modelName != m_versions.at(row).modelName)
            return false;
    }
    return true;
}

Store::ModelVersion ModelVersionTableModel::versionAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_versions.size())
        return {};
    return m_versions.at(index.row());
}

QModelIndex ModelVersionTableModel::indexOfVersion(int version, int column) const
{
    for (qsizetype row = 0; row < m_versions.size(); ++row) {
        if (m_versions.at(row).version == version)
            return index(int(row), column);
    }
    return {};
}

QString ModelVersionTableModel::runIdOf(const Store::ModelVersion &version)
{
    return version.runId.isEmpty() ? version.loggedModelRunId : version.runId;
}

int ModelVersionTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int ModelVersionTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelVersionTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::ModelVersion &version = m_versions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(version, index.column());
    case Qt::ToolTipRole:
        return toolTip(version, index.column());
    case SortRole:
        return sortValue(version, index.column());
    case ModelNameRole:
        return version.modelName;
    case VersionRole:
        return version.version;
    case StageRole:
        return version.stage;
    case RunIdRole:
        return runIdOf(version);
    case DescriptionRole:
        return version.description;
    case Qt::TextAlignmentRole:
        if (index.column() == VersionColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant ModelVersionTableModel::displayValue(const Store::ModelVersion &version, int column) const
{
    switch (column) {
    case VersionColumn:
        return version.version;
    case StageColumn:
        return version.stage;
    case StatusColumn:
        return RegistryFormat::statusText(version.status);
    case AliasesColumn:
        return RegistryFormat::aliasesText(version.aliases);
    case SourceColumn:
        return version.source;
    case RunColumn:
        return runIdOf(version);
    case CreatedColumn:
        return RunFormat::shortDateTime(version.creationTime);
    case UpdatedColumn:
        return RunFormat::shortDateTime(version.lastUpdatedTime);
    case DescriptionColumn:
        return RegistryFormat::firstLine(version.description);
    case TagsColumn:
        return RegistryFormat::tagsText(version.tags);
    default:
        break;
    }
    return {};
}

QVariant ModelVersionTableModel::sortValue(const Store::ModelVersion &version, int column) const
{
    const auto time = [](qint64 ms) { return ms == Store::NoTime ? QVariant() : QVariant(ms); };
    switch (column) {
    case VersionColumn:
        return version.version;
    case StageColumn: // lane order, not alphabetical
        return int(Store::registryStages().indexOf(version.stage));
    case CreatedColumn:
        return time(version.creationTime);
    case UpdatedColumn:
        return time(version.lastUpdatedTime);
    default:
        break;
    }
    return displayValue(version, column);
}

QString ModelVersionTableModel::toolTip(const Store::ModelVersion &version, int column) const
{
    switch (column) {
    case StatusColumn:
        if (!version.statusMessage.isEmpty())
            return RegistryFormat::statusText(version.status) + QLatin1String(": ") + version.statusMessage;
        return RegistryFormat::statusText(version.status);
    case SourceColumn:
        if (!version.storageLocation.isEmpty() && version.storageLocation != version.source)
            return tr("%1\nStored at %2").arg(version.source, version.storageLocation);
        return version.source;
    case RunColumn:
        if (version.runId.isEmpty() && !version.loggedModelRunId.isEmpty())
            return tr("Run %1 (the source run of logged model %2)")
                .arg(version.loggedModelRunId,
                     version.loggedModelName.isEmpty() ? version.loggedModelId : version.loggedModelName);
        return version.runId.isEmpty() ? tr("Not registered from a run") : tr("Run %1").arg(version.runId);
    case CreatedColumn:
        if (!version.userId.isEmpty())
            return tr("%1 by %2").arg(RunFormat::dateTime(version.creationTime), version.userId);
        return RunFormat::dateTime(version.creationTime);
    case UpdatedColumn:
        return RunFormat::dateTime(version.lastUpdatedTime);
    case DescriptionColumn:
        return version.description;
    case TagsColumn:
        return RegistryFormat::tagsTooltip(version.tags);
    default:
        break;
    }
    return tr("%1 version %2 (%3)").arg(version.modelName).arg(version.version).arg(version.stage);
}

QVariant ModelVersionTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::TextAlignmentRole && section == VersionColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case StageColumn:
        return tr("Stage");
    case StatusColumn:
        return tr("Status");
    case AliasesColumn:
        return tr("Aliases");
    case SourceColumn:
        return tr("Source");
    case RunColumn:
        return tr("Run");
    case CreatedColumn:
        return tr("Created");
    case UpdatedColumn:
        return tr("Updated");
    case DescriptionColumn:
        return tr("Description");
    case TagsColumn:
        return tr("Tags");
    default:
        break;
    }
    return {};
}
