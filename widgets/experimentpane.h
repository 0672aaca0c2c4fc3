#pragma once

#include "openstores.h"
#include "runloader.h"
#include "storeerror.h"
#include "storetypes.h"

#include <QHash>
#include <QStringList>
#include <QWidget>

class ExperimentListModel;
class QCheckBox;
class QTreeView;

// The open stores and their experiments, left of the run table: a tree of stores (shown only
// once two are open) and their experiments. Choosing experiments (several with Ctrl/Shift+click,
// in any of the stores) shows their runs together. The current store is the one of the
// experiment clicked last: the window's title, registry and artifacts follow it.
class ExperimentPane : public QWidget
{
    Q_OBJECT
public:
    explicit ExperimentPane(QWidget *parent = nullptr);

    // Opens the store if it is not open yet, then shows it alone and current with this
    // experiment chosen (name or id; empty: the ones chosen before, else the first with runs).
    void openStore(const QString &location, const QString &experimentNameOrId = {});
    // Opens the store beside the others, leaving what is chosen as it is.
    void addStore(const QString &location);
    // Closes the store; when it was the current one, another store with chosen experiments
    // becomes current, else the first store left.
    void closeStore(const QString &location);
    // Reads every store's experiments again; refresh() one store's (then experimentsReadAgain
    // for a store with chosen experiments, or experimentsChosen when those are gone).
    void reload();
    void refresh(const QString &location);
    void setShowDeleted(bool show);
    Store::ViewType viewType() const;

    QString currentLocation() const { return m_current; }
    // A store being opened to become current.
    QString pendingLocation() const { return m_pending; }
    QStringList locations() const; // open, in the order they were opened
    RunLoader *loader(const QString &location) const;
    OpenStores *stores() const { return m_stores; }
    // The chosen experiments, by store in the order the stores were opened (stores without
    // chosen experiments left out); those of the current store.
    QList<StoreExperiments> chosen() const { return m_chosen; }
    QStringList chosenExperimentIds() const;
    // A store's experiment names by id.
    QHash<QString, QString> experimentNames(const QString &location) const;
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
    // The runs of these experiments should show (a new choice).
    void experimentsChosen(const QList<StoreExperiments> &chosen);
    // A store with chosen experiments was read again and they are all still there (reload,
    // live updates): its runs may be read again, keeping the view.
    void experimentsReadAgain(const QString &location);
    void noticeChanged(const QString &notice);
    // Something the user asked for that could not be done ("no such experiment").
    void messageChanged(const QString &message);

private:
    void onExperimentsLoaded(const QString &location, const Store::ExperimentList &experiments);
    void onSelectionChanged();
    // Which experiments of the store to choose: `wanted` (name or id), else `previous`, else the
    // first with runs, else the first.
    QList<QModelIndex> targets(const QString &location, const QString &wanted, const QStringList &previous);
    QList<QModelIndex> indexesOf(const QList<StoreExperiments> &chosen) const;
    QStringList chosenIn(const QString &location) const;
    void selectRows(const QList<QModelIndex> &indexes);
    // Groups the rows by store (in the stores' order) and makes them the choice.
    void choose(const QList<QModelIndex> &rows, const QString &current, bool select = true);
    void choose(const QList<StoreExperiments> &chosen, const QString &current);
    void updateRoot();

    OpenStores *m_stores;
    ExperimentListModel *m_model;
    QTreeView *m_view;
    QCheckBox *m_showDeletedBox;
    QString m_current;
    QList<StoreExperiments> m_chosen;
    QString m_pending; // opening, to become current
    QString m_pendingExperiment;
    QHash<QString, QStringList> m_chosenBefore; // by store: what was chosen when it was left
    bool m_selecting = false; // selecting by code
};
