#include "registeredmodellistmodel.h"

#include "registryformat.h"
#include "runformat.h"

#include <QHash>

RegisteredModelListModel::RegisteredModelListModel(QObject *parent) : QAbstractTableModel(parent) { }

void RegisteredModelListModel::setModels(const Store::RegisteredModelList &models)
{
    if (updateInPlace(models))
        return;
    beginResetModel();
    m_models = models;
    endResetModel();
}

bool RegisteredModelListModel::updateInPlace(const Store::RegisteredModelList &models)
{
    QHash<QString, qsizetype> newRows;
    for (qsizetype row = 0; row < models.size(); ++row) {
        if (newRows.contains(models.at(row).name))
            return false; // names are unique in a store; a list that repeats one is reset
        newRows.insert(models.at(row).name, row);
    }
    // Rows can only be kept if the models of both lists are in the same relative order.
    qsizetype previous = -1;
    for (const Store::RegisteredModel &model : std::as_const(m_models)) {
        const auto found = newRows.constFind(model.name);
        if (found == newRows.cend())
            continue;
        if (*found <= previous)
            return false;
        previous = *found;
    }

    // Vanished models, from the last row up, a run of adjacent rows at a time.
    for (qsizetype last = m_models.size() - 1; last >= 0;) {
        if (newRows.contains(m_models.at(last).name)) {
            --last;
            continue;
        }
        qsizetype first = last;
        while (first > 0 && !newRows.contains(m_models.at(first - 1).name))
            --first;
        beginRemoveRows({}, int(first), int(last));
        m_models.remove(first, last - first + 1);
        endRemoveRows();
        last = first - 1;
    }
    // The kept models now stand in the order of `models`: insert the new ones between them.
    const bool hadRows = !m_models.isEmpty();
    for (qsizetype row = 0; row < models.size();) {
        if (row < m_models.size() && m_models.at(row).name == models.at(row).name) {
            m_models[row] = models.at(row);
            ++row;
            continue;
        }
        const qsizetype end = row < m_models.size() ? newRows.value(m_models.at(row).name) : models.size();
        beginInsertRows({}, int(row), int(end - 1));
        m_models = m_models.first(row) + models.mid(row, end - row) + m_models.sliced(row);
        endInsertRows();
        row = end;
    }
    if (hadRows)
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    return true;
}

Store::RegisteredModel RegisteredModelListModel::modelAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_models.size())
        return {};
    return m_models.at(index.row());
}

QString RegisteredModelListModel::modelName(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_models.size())
        return {};
    return m_models.at(index.row()).name;
}

QModelIndex RegisteredModelListModel::indexOfModel(const QString &name, int column) const
{
    for (qsizetype row = 0; row < m_models.size(); ++row) {
        if (m_models.at(row).name == name)
            return index(int(row), column);
    }
    return {};
}

QString RegisteredModelListModel::stageOfColumn(int column)
{
    if (column < NoneColumn || column > ArchivedColumn)
        return {};
    return Store::registryStages().at(column - NoneColumn);
}

int RegisteredModelListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_models.size());
}

int RegisteredModelListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegisteredModelListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Store::RegisteredModel &model = m_models.at(index.row());
    const QString stage = stageOfColumn(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(model, index.column());
    case Qt::ToolTipRole:
        return toolTip(model, index.column());
    case SortRole:
        return sortValue(model, index.column());
    case ModelNameRole:
        return model.name;
    case StageRole:
        return stage.isEmpty() ? QVariant() : QVariant(stage);
    case VersionRole:
        if (!stage.isEmpty() && model.latestVersions.contains(stage))
            return model.latestVersions.value(stage);
        break;
    case DescriptionRole:
        return model.description;
    case Qt::TextAlignmentRole:
        if (!stage.isEmpty())
            return QVariant(Qt::AlignCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant RegisteredModelListModel::displayValue(const Store::RegisteredModel &model, int column) const
{
    switch (column) {
    case NameColumn:
        return model.name;
    case DescriptionColumn:
        return RegistryFormat::firstLine(model.description);
    case NoneColumn:
    case StagingColumn:
    case ProductionColumn:
    case ArchivedColumn: {
        const QString stage = stageOfColumn(column);
        if (!model.latestVersions.contains(stage))
            return {};
        return RegistryFormat::versionText(model.latestVersions.value(stage));
    }
    case AliasesColumn:
        return RegistryFormat::aliasesText(model.aliases);
    case TagsColumn:
        return RegistryFormat::tagsText(model.tags);
    case LastUpdatedColumn:
        return RunFormat::shortDateTime(model.lastUpdatedTime);
    default:
        break;
    }
    return {};
}

QVariant RegisteredModelListModel::sortValue(const Store::RegisteredModel &model, int column) const
{
    switch (column) {
    case NoneColumn:
    case StagingColumn:
    case ProductionColumn:
    case ArchivedColumn: {
        const QString stage = stageOfColumn(column);
        if (!model.latestVersions.contains(stage))
            return {};
        return model.latestVersions.value(stage);
    }
    case LastUpdatedColumn:
        if (model.lastUpdatedTime == Store::NoTime)
            return {};
        return model.lastUpdatedTime;
    default:
        break;
    }
    return displayValue(model, column);
}

QString RegisteredModelListModel::toolTip(const Store::RegisteredModel &model, int column) const
{
    switch (column) {
    case NameColumn:
    case DescriptionColumn:
        return model.description.isEmpty() ? model.name
                                           : model.name + QLatin1String("\n\n") + model.description;
    case NoneColumn:
    case StagingColumn:
    case ProductionColumn:
    case ArchivedColumn: {
        const QString stage = stageOfColumn(column);
        if (!model.latestVersions.contains(stage))
            return tr("No version in %1").arg(stage);
        return tr("Latest version in %1: %2").arg(stage).arg(model.latestVersions.value(stage));
    }
    case AliasesColumn: {
        QStringList lines;
        for (auto it = model.aliases.cbegin(); it != model.aliases.cend(); ++it)
            lines.append(tr("@%1: version %2").arg(it.key()).arg(it.value()));
        return lines.join(QLatin1Char('\n'));
    }
    case TagsColumn:
        return RegistryFormat::tagsTooltip(model.tags);
    case LastUpdatedColumn:
        return RunFormat::dateTime(model.lastUpdatedTime);
    default:
        break;
    }
    return {};
}

QVariant RegisteredModelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    const QString stage = stageOfColumn(section);
    switch (role) {
    case Qt::DisplayRole:
        switch (section) {
        case NameColumn:
            return tr("Name");
        case DescriptionColumn:
            return tr("Description");
        case AliasesColumn:
            return tr("Aliases");
        case TagsColumn:
            return tr("Tags");
        case LastUpdatedColumn:
            return tr("Last updated");
        default:
            return stage;
        }
    case Qt::ToolTipRole:
        if (!stage.isEmpty())
            return tr("The latest version in %1").arg(stage);
        break;
    case StageRole:
        if (!stage.isEmpty())
            return stage;
        break;
    case Qt::TextAlignmentRole:
        if (!stage.isEmpty())
            return QVariant(Qt::AlignCenter);
        break;
    default:
        break;
    }
    return {};
}
