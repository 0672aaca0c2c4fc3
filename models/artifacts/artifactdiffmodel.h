#pragma once

#include "artifacttreediff.h"

#include <QAbstractItemModel>
#include <QColor>

// The union of two runs' artifact trees (a TreeDiff) as a tree: one row per path, folders
// holding their contents. "Only differences" hides the Same rows (a folder with a difference
// inside is Changed, so it stays). The Change column carries the mark's colour as a decoration
// and every column its foreground, so a plain QTreeView shows the marks.
class ArtifactDiffModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns { NameColumn, LeftSizeColumn, RightSizeColumn, ChangeColumn, ColumnCount };
    enum Roles {
        MarkRole = Qt::UserRole + 1, // int Artifacts::DiffMark, every column
        RelativePathRole, // QString, '/'-separated under both roots, every column
        LeftPathRole, // QString, the absolute left path; empty when only on the right
        RightPathRole, // QString, the absolute right path; empty when only on the left
        IsDirRole, // bool, every column
        SortRole, // QString name (Name), qint64 bytes (sizes, -1 when absent), int mark (Change)
    };

    explicit ArtifactDiffModel(QObject *parent = nullptr);

    void setDiff(const Artifacts::TreeDiff &diff);
    void clear();
    const Artifacts::TreeDiff &diff() const { return m_diff; }

    void setOnlyDifferences(bool only);
    bool onlyDifferences() const { return m_onlyDifferences; }

    // Typed accessors. index must be valid.
    const Artifacts::TreeDiffEntry &entryAt(const QModelIndex &index) const;
    QString leftPathAt(const QModelIndex &index) const;
    QString rightPathAt(const QModelIndex &index) const;
    // The Name column's index of a shown path; invalid when not shown.
    QModelIndex indexOfPath(const QString &relativePath) const;

    // What the view shows for a mark: its name ("Added") and colour, for rows and the legend.
    static QString markName(Artifacts::DiffMark mark);
    static QColor markColor(Artifacts::DiffMark mark);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        qsizetype entry = -1; // into m_diff.entries
        int parent = -1; // into m_nodes; -1: top level
        int row = 0; // among its parent's children
        QList<int> children; // into m_nodes
    };
    void rebuild();
    const Node &nodeAt(const QModelIndex &index) const { return m_nodes[int(index.internalId())]; }
    const QList<int> &childrenOf(const QModelIndex &parent) const;
    QVariant sizeData(bool present, const Artifacts::ArtifactEntry &entry, int role) const;

    Artifacts::TreeDiff m_diff;
    bool m_onlyDifferences = false;
    QList<Node> m_nodes;
    QList<int> m_topLevel;
    QHash<QString, int> m_nodeOfPath;
};
