#pragma once

#include "registrytypes.h"
#include "storeerror.h"

#include <QObject>

class QAction;
class QMenu;
class QUndoStack;
class QWidget;
class RegistryWriter;

// The registry's commands (stage transitions, aliases, tags, descriptions) as actions, and what
// happens between a request and the write: the plan by MLflow's rules (RegistryPlanner), a
// confirmation for transitions, the editors for the rest, then an undoable command on the stack.
// The page tells it what the user is looking at with setContext().
class RegistryActions : public QObject
{
    Q_OBJECT
public:
    RegistryActions(RegistryWriter *writer, QUndoStack *undoStack, QWidget *dialogParent);

    // The store, the selected model with its live versions, and the current version (0: none).
    void setContext(const QString &location, const Store::RegisteredModel &model,
                    const Store::ModelVersionList &versions, int currentVersion);
    void setWritable(bool writable);

    // To Staging, Production, Archived, None (Ctrl+Alt+S, P, A, N).
    QList<QAction *> transitionActions() const { return m_transitionActions; }
    QAction *setAliasAction() const { return m_setAlias; }
    QAction *setTagAction() const { return m_setTag; }
    QAction *editDescriptionAction() const { return m_editDescription; }
    QAction *editModelDescriptionAction() const { return m_editModelDescription; }
    QAction *setModelTagAction() const { return m_setModelTag; }
    // Fills `menu` with what applies to the current version (or to the model when version is 0),
    // including the aliases and tags it can delete.
    void fillContextMenu(QMenu *menu, int version);
    // Adds the transition, alias, tag and description actions to `menu`.
    void addToMenu(QMenu *menu);

    // A card dropped on a lane, or a transition from the menu.
    void requestTransition(int version, const QString &stage);

signals:
    // A request refused by MLflow's rules before anything was written.
    void refused(const QString &message);

private:
    void push(const Store::Result<Store::RegistryChange> &change);
    void editAlias();
    void editTag(int version);
    void editDescription(int version);
    void updateEnabled();

    RegistryWriter *m_writer;
    QUndoStack *m_undoStack;
    QWidget *m_dialogParent;
    QString m_location;
    Store::RegisteredModel m_model;
    Store::ModelVersionList m_versions;
    int m_currentVersion = 0;
    bool m_writable = false;
    QList<QAction *> m_transitionActions;
    QAction *m_setAlias;
    QAction *m_setTag;
    QAction *m_editDescription;
    QAction *m_setModelTag;
    QAction *m_editModelDescription;
};
