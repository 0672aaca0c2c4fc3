#pragma once

#include "registrytypes.h"

#include <QAbstractTableModel>

// The registered models of a store, one row each, in the order given (the store's: by name).
// One column per stage holds the latest version in that stage, so that "what is in
// Production" reads down a column and sorts by version.
//
// setModels() keeps rows stable: models still present keep their rows (updated through
// dataChanged), vanished ones are removed and new ones inserted in place, so that a view's
// selection and current row survive a refresh. Only a new list that reorders the models it
// shares with the old one resets the model.
class RegisteredModelListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns {
        NameColumn,
        DescriptionColumn, // the description's first line
        NoneColumn, // the four stage columns, in lane order: the latest version in each
        StagingColumn,
        ProductionColumn,
        ArchivedColumn,
        AliasesColumn,
        TagsColumn,
        LastUpdatedColumn,
        ColumnCount
    };
    enum Roles {
        ModelNameRole = Qt::UserRole + 1, // QString (any column): the registered model's name
        // QString for text columns, int for stage columns (invalid without a version in the
        // stage), qint64 ms for the time (invalid without one)
        SortRole,
        StageRole, // QString (stage columns, cells and horizontal header): the column's stage
        VersionRole, // int (stage columns): the latest version in the stage; invalid if none
        DescriptionRole, // QString (any column): the whole Markdown description
    };

    explicit RegisteredModelListModel(QObject *parent = nullptr);

    void setModels(const Store::RegisteredModelList &models);
    const Store::RegisteredModelList &models() const { return m_models; }

    // The model of a row; a default RegisteredModel for an invalid index.
    Store::RegisteredModel modelAt(const QModelIndex &index) const;
    QString modelName(const QModelIndex &index) const;
    QModelIndex indexOfModel(const QString &name, int column = NameColumn) const;
    // The stage a column shows (NoneColumn ... ArchivedColumn), empty for other columns.
    static QString stageOfColumn(int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // Applies `models` row by row; false when the shared models are in another order (the
    // caller then resets).
    bool updateInPlace(const Store::RegisteredModelList &models);
    QVariant displayValue(const Store::RegisteredModel &model, int column) const;
    QVariant sortValue(const Store::RegisteredModel &model, int column) const;
    QString toolTip(const Store::RegisteredModel &model, int column) const;

    Store::RegisteredModelList m_models;
};
