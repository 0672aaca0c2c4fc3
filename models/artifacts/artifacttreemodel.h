#pragma once

#include "artifactentry.h"
#include "storetypes.h"

#include <QAbstractItemModel>
#include <QFuture>
#include <QList>
#include <QThreadPool>

#include <memory>
#include <vector>

// A run's artifact folder as a lazy tree: a folder's entries are read when a view asks for them
// (canFetchMore/fetchMore), on a worker thread, sorted there (folders first, then by name, as
// listArtifacts() orders names), and inserted through the event loop in batches of BatchSize
// rows, so that a folder of 100,000 files never blocks the GUI thread. Results of a superseded
// root (setRoot(), clear()) are dropped. Once the first level is in, the whole tree is counted
// in the background (totalsCounted). Links that cannot be followed (dangling, looping back to a
// folder above them) and unreadable folders are shown marked and never expand. Entries can be
// dragged out as file URLs; nothing is ever dropped, moved or changed.
class ArtifactTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Columns { NameColumn, SizeColumn, ModifiedColumn, ColumnCount };
    enum Roles {
        EntryRole = Qt::UserRole + 1, // Artifacts::ArtifactEntry: the row's entry (any column)
        AbsolutePathRole, // QString: the entry's absolute path on this machine (any column)
        IsDirRole, // bool: the entry is a folder, or a link to one (any column)
        // Name: QString, folders before files, then the name; size: qint64 bytes (folders -1);
        // modified: qint64 ms since the epoch (0: unknown).
        SortRole,
    };
    // Rows inserted at a time; the rest of a large folder follows through the event loop.
    static constexpr int BatchSize = 2000;

    explicit ArtifactTreeModel(QObject *parent = nullptr);
    // Cancels the reads and the count in flight and waits for their workers.
    ~ArtifactTreeModel() override;

    // Shows `absoluteFolder` (resets the model) and starts reading its first level.
    void setRoot(const QString &absoluteFolder);
    // Shows nothing.
    void clear();
    QString root() const { return m_rootPath; }
    Artifacts::ArtifactEntry entryAt(const QModelIndex &index) const;
    QString absolutePath(const QModelIndex &index) const;
    // The index (column 0) of the entry at `relativePath` ('/'-separated) if its folder has been
    // read; invalid otherwise, and for an empty path (the root).
    QModelIndex indexForPath(const QString &relativePath) const;
    // True while a folder is being read or its rows inserted.
    bool isLoading() const { return m_isLoading; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    // File URLs of the entries of `indexes` (each row once, in the order given).
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData *, Qt::DropAction, int, int, const QModelIndex &) const override;
    bool dropMimeData(const QMimeData *, Qt::DropAction, int, int, const QModelIndex &) override;

signals:
    void loadingChanged(bool loading);
    // Every row of the folder (empty path: the root) has been inserted.
    void folderLoaded(const QString &relativePath);
    // The folder (empty path: the root) could not be read; it shows no children.
    void folderFailed(const QString &relativePath, const QString &message);
    // The whole tree, counted in the background after the first level: files (anything that
    // is not a folder, dangling links included), folders (unfollowed links to folders
    // included) and the bytes of the files.
    void totalsCounted(qint64 files, qint64 folders, qint64 bytes);

private:
    struct Node;
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node, int column = 0) const;
    void startReading(Node *node);
    void insertBatch(Node *node, int generation);
    void startCounting();
    void setLoading(bool loading);
    void reset(const QString &rootPath);
    template<typename Work, typename Deliver> void runTask(Work work, Deliver deliver);

    QString m_rootPath;
    std::unique_ptr<Node> m_root;
    int m_generation = 0;
    int m_activeReads = 0; // folders being read or inserted
    bool m_isLoading = false;
    std::shared_ptr<Store::CancelFlag> m_cancel; // of the current root
    QThreadPool m_pool;
    QList<QFuture<void>> m_tasks;
};
