#pragma once

#include "artifactlocation.h"

#include <QWidget>

class ArtifactPreview;
class ArtifactTreeModel;
class QLabel;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QTreeView;

// A run's artifacts: where they are (or why they cannot be shown), the folder as a lazy tree
// (files drag out as file URLs) and a preview of the current file. Beside the run details it
// stacks the tree above the preview; as a tab of its own it puts them side by side.
// Only ever reads the artifacts.
class ArtifactsPane : public QWidget
{
    Q_OBJECT
public:
    enum class Arrangement { Stacked, SideBySide };

    explicit ArtifactsPane(Arrangement arrangement, QWidget *parent = nullptr);

    // Shows the artifacts of a run of the store at `storeLocation` (its normalised location);
    // the URI is the run's artifact_uri as MLflow recorded it. Resolving it stats the file
    // system, so it happens on a worker; the result arrives through the event loop.
    void showRun(const QString &storeLocation, const QString &runId, const QString &runName,
                 const QString &artifactUri);
    void clear();

    QString storeLocation() const { return m_storeLocation; } // of the run shown
    QString runId() const { return m_runId; }
    QString runName() const { return m_runName; }
    // The run's artifact folder on this machine; empty until resolved or when there is none.
    QString artifactRoot() const;
    const Artifacts::Location &location() const { return m_location; }
    // What the bar above the tree says: the folder and its totals, or why there is nothing.
    QString statusText() const;

    ArtifactTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    ArtifactPreview *preview() const { return m_preview; }
    // Gives the tree the keyboard focus (Ctrl+Shift+A), its first row current if none is.
    void focusTree();

    QByteArray saveState() const;
    void restoreState(const QByteArray &state);

signals:
    // The run's location was resolved (or found missing / remote) and the tree reset.
    void locationResolved(const Artifacts::Location &location);
    // The user asked to compare this run's artifacts with another run's (context menu).
    void compareRequested(const QString &runId);

private:
    void resolve();
    void applyLocation(const Artifacts::Location &location);
    void chooseArtifactsRoot();
    void onCurrentChanged();
    void showContextMenu(const QPoint &pos);
    void updateStatus();
    QString currentAbsolutePath() const;

    ArtifactTreeModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLabel *m_status;
    QPushButton *m_chooseRootButton;
    QSplitter *m_splitter;
    QTreeView *m_tree;
    ArtifactPreview *m_preview;

    QString m_storeLocation;
    QString m_runId;
    QString m_runName;
    QString m_artifactUri;
    Artifacts::Location m_location;
    QString m_totals;
    quint64 m_generation = 0;
};
