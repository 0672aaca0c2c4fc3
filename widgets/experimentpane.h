#pragma once

#include "storeerror.h"
#include "storetypes.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

class ExperimentListModel;
class OpenStores;
class QCheckBox;
class QTreeView;
#include "runloader.h"

// The open stores and their experiments, left of the run table: a tree of stores (shown only
// once two are open) and their experiments. Choosing experiments (several with Ctrl/Shift+click)
// chooses their store: the runs of one store are shown at a time, and choosing in another store
// makes it the current one.
class ExperimentPane : public QWidget
{
    Q_OBJECT
public:
    explicit ExperimentPane(QWidget *parent = nullptr);

    // Opens the store if it is not open yet, then makes it current with this experiment chosen
    // (name or id; empty: the ones chosen before, else the first with runs).
    void openStore(const QString &location, const QString &experimentNameOrId = {});
    // Opens the store beside the others, leaving the current one current.
    void addStore(const QString &location);
    // Closes the store; when it was the current one, the first store left becomes current.
    void closeStore(const QString &location);
    // Reads every store's experiments again (then experimentsChosen with keepView, for the
    // current store); refresh() only the current store's.
    void reload();
    void refresh();
    void setShowDeleted(bool show);
    Store::ViewType viewType() const;

    QString currentLocation() const { return m_current; }
    // A store being opened to become current.
    QString pendingLocation() const { return m_pending; }
    QStringList locations() const; // open, in the order they were opened
    RunLoader *loader(const QString &location) const;
    // The chosen experiments of the current store, in the store's order; their names by id.
    QStringList chosenExperimentIds() const { return m_chosen; }
    QHash<QString, QString> experimentNames() const;
    // Chooses this experiment of the current store alone (as a click does).
    bool selectExperiment(const QString &nameOrId);

    QTreeView *view() const { return m_view; }
    QCheckBox *showDeletedBox() const { return m_showDeletedBox; }
    ExperimentListModel *model() const { return m_model; }

signals:
    void loaderAdded(const QString &location, RunLoader *loader);
    // A store was opened (its experiments read a first time), current or not.
    void storeOpened(const QString &location);
    void openFailed(const QString &location, const Store::Error &error);
    void currentStoreChanged(const QString &location);
    // The runs of these experiments of the current store should show; `keepView` when the store
    // was read again and the same experiments are chosen (reload, live updates).
    void experimentsChosen(const QStringList &experimentIds, bool keepView);
    void noticeChanged(const QString &notice);
    // Something the user asked for that could not be done ("no such experiment").
    void messageChanged(const QString &message);

private:
    void onExperimentsLoaded(const QString &location, const Store::ExperimentList &experiments);
    void onSelectionChanged();
    // Which experiments of the store to choose: `wanted` (name or id), else `previous`, else the
    // first with runs, else the first.
    QList<QModelIndex> targets(const QString &location, const QString &wanted, const QStringList &previous);
    void selectRows(const QList<QModelIndex> &indexes);
    void choose(const QString &location, const QList<QModelIndex> &rows, bool keepView, bool select = true);
    void updateRoot();

    OpenStores *m_stores;
    ExperimentListModel *m_model;
    QTreeView *m_view;
    QCheckBox *m_showDeletedBox;
    QString m_current;
    QStringList m_chosen;
    QString m_pending; // opening, to become current
    QString m_pendingExperiment;
    QHash<QString, QStringList> m_chosenBefore; // by store: what was chosen when it was left
    bool m_selecting = false; // selecting by code
};
