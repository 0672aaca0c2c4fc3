#pragma once

#include "identicalfilefinder.h"

#include <QAbstractTableModel>

// The artifact files found identical to a given one (IdenticalFileFinder): one row per file.
class IdenticalFileModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Columns { RunColumn, ExperimentColumn, PathColumn, ColumnCount };
    enum Roles {
        RunIdRole = Qt::UserRole + 1, // QString, every column
        RelativePathRole, // QString, every column
    };

    explicit IdenticalFileModel(QObject *parent = nullptr);

    void setMatches(const QList<IdenticalFileMatch> &matches);
    void clear() { setMatches({}); }
    const QList<IdenticalFileMatch> &matches() const { return m_matches; }
    const IdenticalFileMatch &matchAt(const QModelIndex &index) const; // index must be valid

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<IdenticalFileMatch> m_matches;
};
