#include "artifactdiffmodel.h"

#include "artifactentry.h"

#include <QBrush>
#include <QLocale>

using Artifacts::DiffMark;
using Artifacts::TreeDiffEntry;

ArtifactDiffModel::ArtifactDiffModel(QObject *parent) : QAbstractItemModel(parent) { }

void ArtifactDiffModel::setDiff(const Artifacts::TreeDiff &diff)
{
    beginResetModel();
    m_diff = diff;
    rebuild();
    endResetModel();
}

void ArtifactDiffModel::clear()
{
    setDiff({});
}

void ArtifactDiffModel::setOnlyDifferences(bool only)
{
    if (only == m_onlyDifferences)
        return;
    beginResetModel();
    m_onlyDifferences = only;
    rebuild();
    endResetModel();
}

void ArtifactDiffModel::rebuild()
{
    m_nodes.clear();
    m_topLevel.clear();
    m_nodeOfPath.clear();
    for (qsizetype i = 0; i < m_diff.entries.size(); ++i) {
        const TreeDiffEntry &entry = m_diff.entries[i];
        if (m_onlyDifferences && entry.mark == DiffMark::Same)
            continue;
        Node node;
        node.entry = i;
        const qsizetype slash = entry.path.lastIndexOf(QLatin1Char('/'));
        node.parent = slash < 0 ? -1 : m_nodeOfPath.value(entry.path.left(slash), -1);
        if (slash >= 0 && node.parent < 0)
            continue; // its folder is hidden (cannot happen with consistent marks)
        QList<int> &siblings = node.parent < 0 ? m_topLevel : m_nodes[node.parent].children;
        node.row = int(siblings.size());
        const int id = int(m_nodes.size());
        siblings.append(id);
        m_nodes.append(node);
        m_nodeOfPath.insert(entry.path, id);
    }
}

const TreeDiffEntry &ArtifactDiffModel::entryAt(const QModelIndex &index) const
{
    return m_diff.entries[nodeAt(index).entry];
}

QString ArtifactDiffModel::leftPathAt(const QModelIndex &index) const
{
    const TreeDiffEntry &entry = entryAt(index);
    return entry.hasLeft ? Artifacts::absolutePath(m_diff.leftRoot, entry.path) : QString();
}

QString ArtifactDiffModel::rightPathAt(const QModelIndex &index) const
{
    const TreeDiffEntry &entry = entryAt(index);
    return entry.hasRight ? Artifacts::absolutePath(m_diff.rightRoot, entry.path) : QString();
}

QModelIndex ArtifactDiffModel::indexOfPath(const QString &relativePath) const
{
    const int id = m_nodeOfPath.value(relativePath, -1);
    return id < 0 ? QModelIndex() : createIndex(m_nodes[id].row, NameColumn, quintptr(id));
}

QString ArtifactDiffModel::markName(DiffMark mark)
{
    switch (mark) {
    case DiffMark::Same:
        return tr("Same");
    case DiffMark::Added:
        return tr("Added");
    case DiffMark::Removed:
        return tr("Removed");
    case DiffMark::Changed:
        return tr("Changed");
    case DiffMark::TypeChanged:
        return tr("File ↔ folder");
    }
    return {};
}

QColor ArtifactDiffModel::markColor(DiffMark mark)
{
    switch (mark) {
    case DiffMark::Same:
        return {};
    case DiffMark::Added:
        return QColor(0x1a, 0x7f, 0x37);
    case DiffMark::Removed:
        return QColor(0xcf, 0x22, 0x2e);
    case DiffMark::Changed:
        return QColor(0xbf, 0x87, 0x00);
    case DiffMark::TypeChanged:
        return QColor(0x82, 0x50, 0xdf);
    }
    return {};
}

const QList<int> &ArtifactDiffModel::childrenOf(const QModelIndex &parent) const
{
    return parent.isValid() ? nodeAt(parent).children : m_topLevel;
}

QModelIndex ArtifactDiffModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0 || (parent.isValid() && parent.column() != 0))
        return {};
    const QList<int> &children = childrenOf(parent);
    if (row >= children.size())
        return {};
    return createIndex(row, column, quintptr(children[row]));
}

QModelIndex ArtifactDiffModel::parent(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const int parentId = nodeAt(index).parent;
    if (parentId < 0)
        return {};
    return createIndex(m_nodes[parentId].row, NameColumn, quintptr(parentId));
}

int ArtifactDiffModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(childrenOf(parent).size());
}

int ArtifactDiffModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant ArtifactDiffModel::sizeData(bool present, const Artifacts::ArtifactEntry &entry, int role) const
{
    if (role == SortRole)
        return present && !entry.isDir ? entry.size : qint64(-1);
    if (!present)
        return QStringLiteral("—");
    if (entry.isDir)
        return QString();
    if (entry.isBroken)
        return tr("broken link");
    return Artifacts::formatSize(entry.size);
}

QVariant ArtifactDiffModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const TreeDiffEntry &entry = entryAt(index);
    switch (role) {
    case MarkRole:
        return int(entry.mark);
    case RelativePathRole:
        return entry.path;
    case LeftPathRole:
        return leftPathAt(index);
    case RightPathRole:
        return rightPathAt(index);
    case IsDirRole:
        return entry.isDir();
    case Qt::ForegroundRole:
        return entry.mark == DiffMark::Same ? QVariant() : QVariant(QBrush(markColor(entry.mark)));
    case Qt::DecorationRole:
        return index.column() == ChangeColumn && entry.mark != DiffMark::Same
            ? QVariant(markColor(entry.mark))
            : QVariant();
    case Qt::ToolTipRole:
        return entry.problem.isEmpty() ? entry.path : entry.path + QLatin1Char('\n') + entry.problem;
    case Qt::TextAlignmentRole:
        return index.column() == LeftSizeColumn || index.column() == RightSizeColumn
            ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant();
    case Qt::DisplayRole:
    case SortRole:
        switch (index.column()) {
        case NameColumn:
            return entry.name();
        case LeftSizeColumn:
            return sizeData(entry.hasLeft, entry.left, role);
        case RightSizeColumn:
            return sizeData(entry.hasRight, entry.right, role);
        case ChangeColumn:
            return role == SortRole ? QVariant(int(entry.mark)) : QVariant(markName(entry.mark));
        }
        return {};
    }
    return {};
}

QVariant ArtifactDiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LeftSizeColumn:
        return tr("Left size");
    case RightSizeColumn:
        return tr("Right size");
    case ChangeColumn:
        return tr("Change");
    }
    return {};
}
