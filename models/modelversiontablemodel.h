#pragma once

#include "registrytypes.h"

#include <QAbstractTableModel>

// The versions of one registered model, one row each, in the order given (the store's: version
// ascending).
//
// setVersions() with the same versions of the same model (a refresh after a stage change, an
// alias, a description) keeps every row and reports the new values through dataChanged, so that
// a view's selection survives; versions added or removed, or another model, reset the model.
class ModelVersionTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        VersionColumn,
        StageColumn,
        StatusColumn,
        AliasesColumn,
        SourceColumn,
        RunColumn, // the run the version was registered from
        CreatedColumn,
        UpdatedColumn,
        DescriptionColumn, // the description's first line
        TagsColumn,
        ColumnCount
    };
    enum Roles {
        ModelNameRole = Qt::UserRole + 1, // QString (any column): the registered model's name
        VersionRole, // int (any column): the version number
        StageRole, // QString (any column): None, Staging, Production or Archived
        // QString (any column): the version's run id, else its logged model's source run (MLflow
        // 3); empty without a run. For a view that links the run column to the run.
        RunIdRole,
        // int for the version, qint64 ms for times (invalid without one), QString otherwise
        SortRole,
        DescriptionRole, // QString (any column): the whole Markdown description
    };

    explicit ModelVersionTableModel(QObject *parent = nullptr);

    void setVersions(const Store::ModelVersionList &versions);
    void clear() { setVersions({}); }
    const Store::ModelVersionList &versions() const { return m_versions; }
    // The model the versions belong to; empty without versions.
    QString modelName() const { return m_versions.isEmpty() ? QString() : m_versions.first().modelName; }

    // The version of a row; a default ModelVersion for an invalid index.
    Store::ModelVersion versionAt(const QModelIndex &index) const;
    QModelIndex indexOfVersion(int version, int column = VersionColumn) const;
    // The run a version links to: its run id, else its logged model's source run.
    static QString runIdOf(const Store::ModelVersion &version);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    bool hasSameRows(const Store::ModelVersionList &versions) const;
    QVariant displayValue(const Store::ModelVersion &version, int column) const;
    QVariant sortValue(const Store::ModelVersion &version, int column) const;
    QString toolTip(const Store::ModelVersion &version, int column) const;

    Store::ModelVersionList m_versions;
};
