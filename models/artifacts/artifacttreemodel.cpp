#include "artifacttreemodel.h"

#include "artifactentry.h"
#include "artifactlisting.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QMimeData>
#include <QSet>
#include <QUrl>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

using Artifacts::ArtifactEntry;
using Artifacts::ArtifactEntryList;

struct ArtifactTreeModel::Node
{
    enum class State {
        Unread, // a folder nobody asked for yet
        Reading, // on a worker
        Inserting, // read; rows going in batch by batch
        Read,
        Failed, // could not be read: `failure` says why
    };

    ArtifactEntry entry; // the root's path is empty
    Node *parent = nullptr;
    int row = 0;
    State state = State::Unread;
    QString failure;
    std::vector<std::unique_ptr<Node>> children;
    ArtifactEntryList pending; // read, in order; the first `inserted` are children already
    qsizetype inserted = 0;

    bool canExpand() const { return entry.isDir && !entry.isBroken; }
    QString name() const { return entry.path.mid(entry.path.lastIndexOf(QLatin1Char('/')) + 1); }
    bool isDangling() const { return entry.isBroken && !entry.isDir; }
};

// Runs `work` on the pool and hands its result to `deliver` on this object's thread, always
// through the event loop. `this` outlives the worker (the destructor waits), and a posted
// delivery dies with it.
template<typename Work, typename Deliver> void ArtifactTreeModel::runTask(Work work, Deliver deliver)
{
    m_tasks.removeIf([](const QFuture<void> &task) { return task.isFinished(); });
    m_tasks.append(QtConcurrent::run(&m_pool, [this, work, deliver] {
        const auto result = work();
        QMetaObject::invokeMethod(
            this, [deliver, result] { deliver(result); }, Qt::QueuedConnection);
    }));
}

ArtifactTreeModel::ArtifactTreeModel(QObject *parent) : QAbstractItemModel(parent)
{
    qRegisterMetaType<ArtifactEntry>();
    // Folders the view opens, plus the background count.
    m_pool.setMaxThreadCount(4);
    reset(QString());
}

ArtifactTreeModel::~ArtifactTreeModel()
{
    if (m_cancel)
        m_cancel->store(true);
    ++m_generation;
    for (QFuture<void> &task : m_tasks)
        task.waitForFinished();
}

void ArtifactTreeModel::reset(const QString &rootPath)
{
    beginResetModel();
    if (m_cancel)
        m_cancel->store(true);
    m_cancel = std::make_shared<Store::CancelFlag>(false);
    ++m_generation;
    m_activeReads = 0;
    m_rootPath = rootPath;
    m_root = std::make_unique<Node>();
    m_root->entry.isDir = true;
    m_root->state = rootPath.isEmpty() ? Node::State::Read : Node::State::Unread;
    endResetModel();
}

void ArtifactTreeModel::setRoot(const QString &absoluteFolder)
{
    reset(QDir::cleanPath(QFileInfo(absoluteFolder).absoluteFilePath()));
    if (m_root->state == Node::State::Unread) // a slot of modelReset may have asked already
        startReading(m_root.get());
}

void ArtifactTreeModel::clear()
{
    reset(QString());
    setLoading(false);
}

void ArtifactTreeModel::setLoading(bool loading)
{
    if (loading == m_isLoading)
        return;
    m_isLoading = loading;
    emit loadingChanged(loading);
}

void ArtifactTreeModel::startReading(Node *node)
{
    node->state = Node::State::Reading;
    ++m_activeReads;
    setLoading(true);
    const int generation = m_generation;
    runTask(
        [root = m_rootPath, path = node->entry.path, cancel = m_cancel] {
            auto entries = Artifacts::listFolder(root, path, cancel.get());
            if (entries) // folders first, each part still in name order
                std::stable_partition(entries->begin(), entries->end(),
                                      [](const ArtifactEntry &e) { return e.isDir; });
            return entries;
        },
        [this, generation, node](const Store::Result<ArtifactEntryList> &entries) {
            if (generation != m_generation)
                return; // `node` is gone with its root
            if (!entries) {
                node->state = Node::State::Failed;
                node->failure = entries.error().message;
                --m_activeReads;
                setLoading(m_activeReads > 0);
                if (node != m_root.get())
                    emit dataChanged(indexOf(node), indexOf(node, ColumnCount - 1));
                emit folderFailed(node->entry.path, node->failure);
                return;
            }
            node->pending = entries.value();
            node->inserted = 0;
            node->state = Node::State::Inserting;
            insertBatch(node, generation);
        });
}

void ArtifactTreeModel::insertBatch(Node *node, int generation)
{
    const qsizetype total = node->pending.size();
    const qsizetype count = std::min<qsizetype>(BatchSize, total - node->inserted);
    if (count > 0) {
        const int firstRow = int(node->children.size());
        beginInsertRows(indexOf(node), firstRow, firstRow + int(count) - 1);
        node->children.reserve(size_t(total));
        for (qsizetype i = 0; i < count; ++i) {
            auto child = std::make_unique<Node>();
            child->entry = node->pending.at(node->inserted + i);
            child->parent = node;
            child->row = int(node->children.size());
            if (!child->canExpand())
                child->state = Node::State::Read;
            node->children.push_back(std::move(child));
        }
        node->inserted += count;
        endInsertRows();
        if (generation != m_generation)
            return; // a slot reset the model
    }
    if (node->inserted < total) {
        QMetaObject::invokeMethod(
            this,
            [this, node, generation] {
                if (generation == m_generation)
                    insertBatch(node, generation);
            },
            Qt::QueuedConnection);
        return;
    }
    node->pending = {};
    node->inserted = 0;
    node->state = Node::State::Read;
    --m_activeReads;
    const QString path = node->entry.path;
    if (node == m_root.get())
        startCounting(); // the first level is shown
    setLoading(m_activeReads > 0);
    emit folderLoaded(path);
}

void ArtifactTreeModel::startCounting()
{
    const int generation = m_generation;
    runTask([root = m_rootPath, cancel = m_cancel] { return Artifacts::countArtifacts(root, cancel.get()); },
            [this, generation](const Store::Result<Artifacts::ArtifactTotals> &totals) {
                if (generation == m_generation && totals)
                    emit totalsCounted(totals->files, totals->folders, totals->bytes);
            });
}

ArtifactTreeModel::Node *ArtifactTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ArtifactTreeModel::indexOf(const Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, node);
}

ArtifactEntry ArtifactTreeModel::entryAt(const QModelIndex &index) const
{
    return index.isValid() ? nodeOf(index)->entry : ArtifactEntry();
}

QString ArtifactTreeModel::absolutePath(const QModelIndex &index) const
{
    if (!index.isValid() || m_rootPath.isEmpty())
        return m_rootPath;
    return m_rootPath + QLatin1Char('/') + nodeOf(index)->entry.path;
}

QModelIndex ArtifactTreeModel::indexForPath(const QString &relativePath) const
{
    const Node *node = m_root.get();
    QString path;
    for (const QString &part : relativePath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        path = path.isEmpty() ? part : path + QLatin1Char('/') + part;
        const auto child
            = std::find_if(node->children.begin(), node->children.end(),
                           [&](const std::unique_ptr<Node> &c) { return c->entry.path == path; });
        if (child == node->children.end())
            return {};
        node = child->get();
    }
    return indexOf(node);
}

QModelIndex ArtifactTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount || parent.column() > 0)
        return {};
    const Node *node = nodeOf(parent);
    if (size_t(row) >= node->children.size())
        return {};
    return createIndex(row, column, node->children[size_t(row)].get());
}

QModelIndex ArtifactTreeModel::parent(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    return indexOf(nodeOf(index)->parent);
}

int ArtifactTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int ArtifactTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool ArtifactTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    if (!node->canExpand())
        return false;
    switch (node->state) {
    case Node::State::Unread:
    case Node::State::Reading:
    case Node::State::Inserting:
        return true; // a folder shows it can be opened until it turns out empty
    case Node::State::Read:
        return !node->children.empty();
    case Node::State::Failed:
        return false;
    }
    return false;
}

bool ArtifactTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return false;
    const Node *node = nodeOf(parent);
    return node->state == Node::State::Unread && node->canExpand();
}

void ArtifactTreeModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startReading(nodeOf(parent));
}

QVariant ArtifactTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    const ArtifactEntry &entry = node->entry;
    const int column = index.column();
    switch (role) {
    case EntryRole:
        return QVariant::fromValue(entry);
    case AbsolutePathRole:
        return absolutePath(index);
    case IsDirRole:
        return entry.isDir;
    case SortRole:
        if (column == SizeColumn)
            return entry.isDir ? qint64(-1) : entry.size;
        if (column == ModifiedColumn)
            return entry.modified;
        return QString((entry.isDir ? QLatin1Char('0') : QLatin1Char('1')) + node->name());
    case Qt::DisplayRole:
        if (column == SizeColumn)
            return entry.isDir ? QString() : Artifacts::formatSize(entry.size);
        if (column == ModifiedColumn) {
            return entry.modified == 0
                ? QString()
                : QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry.modified), QLocale::ShortFormat);
        }
        if (node->isDangling())
            return tr("%1 (broken link)").arg(node->name());
        if (entry.isBroken && entry.isSymlink)
            return tr("%1 (link not followed)").arg(node->name());
        if (entry.isBroken || node->state == Node::State::Failed)
            return tr("%1 (unreadable)").arg(node->name());
        return node->name();
    case Qt::ToolTipRole: {
        if (column == SizeColumn)
            return entry.isDir ? QString() : tr("%1 bytes").arg(QLocale().toString(entry.size));
        if (column == ModifiedColumn) {
            return entry.modified == 0
                ? QString()
                : QLocale().toString(QDateTime::fromMSecsSinceEpoch(entry.modified), QLocale::LongFormat);
        }
        QString tip = QDir::toNativeSeparators(absolutePath(index));
        if (node->isDangling())
            tip += QLatin1Char('\n') + tr("A link whose target does not exist.");
        else if (entry.isBroken && entry.isSymlink)
            tip += QLatin1Char('\n')
                + tr("A link to a folder above it, or to a folder that cannot be read: not followed.");
        else if (entry.isBroken)
            tip += QLatin1Char('\n') + tr("This folder cannot be read.");
        else if (node->state == Node::State::Failed)
            tip += QLatin1Char('\n') + node->failure;
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (column == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant ArtifactTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    case ModifiedColumn:
        return tr("Modified");
    default:
        return {};
    }
}

Qt::ItemFlags ArtifactTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Node *node = nodeOf(index);
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (!node->entry.isDir)
        flags |= Qt::ItemNeverHasChildren;
    if (!node->isDangling())
        flags |= Qt::ItemIsDragEnabled;
    return flags;
}

QStringList ArtifactTreeModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list")};
}

QMimeData *ArtifactTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QList<QUrl> urls;
    QSet<const Node *> seen;
    for (const QModelIndex &index : indexes) {
        if (!index.isValid() || index.model() != this)
            continue;
        const Node *node = nodeOf(index);
        if (seen.contains(node) || node->isDangling())
            continue;
        seen.insert(node);
        urls.append(QUrl::fromLocalFile(absolutePath(index)));
    }
    if (urls.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setUrls(urls);
    return mime;
}

Qt::DropActions ArtifactTreeModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

Qt::DropActions ArtifactTreeModel::supportedDropActions() const
{
    return Qt::IgnoreAction; // Kaizen never changes an artifact folder
}

bool ArtifactTreeModel::canDropMimeData(const QMimeData *, Qt::DropAction, int, int,
                                        const QModelIndex &) const
{
    return false;
}

bool ArtifactTreeModel::dropMimeData(const QMimeData *, Qt::DropAction, int, int, const QModelIndex &)
{
    return false;
}
