#pragma once

#include "registrytypes.h"
#include "storeerror.h"

#include <QSet>
#include <QWidget>

class ModelHealthPane;
class ModelVersionTableModel;
class PageFrame;
class QAction;
class QLineEdit;
class AppSettings;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTextBrowser;
class QTreeView;
class QUndoStack;
class RegisteredModelListModel;
class RegistryActions;
class RegistryActivityModel;
class RegistryLoader;
class RegistryWriter;
class StageLaneModel;
class StageLanesView;

// The Models tab: the store's registered models (filtered with MLflow's registry syntax), and
// for the selected one its versions as stage lanes and as a table, its health over time and
// the changes made to it from Kaizen. The store opens read-only; "Allow Changes" turns writing
// on for this store, and every change is confirmed where it moves stages, written in one
// transaction, and undoable (undoStack()).
class ModelsPage : public QWidget
{
    Q_OBJECT
public:
    enum Tab { LanesTab, VersionsTab, HealthTab, ActivityTab };

    explicit ModelsPage(QWidget *parent = nullptr);
    ~ModelsPage() override;

    // The store to show (any Store::Location); reads its registry. Writing goes off, and comes
    // back on for a store the user allowed changes to before (until forgetStore()).
    void setLocation(const QString &location);
    // The store was closed: changes to it must be allowed anew.
    void forgetStore(const QString &location);
    QString location() const { return m_location; }
    void reload();

    QUndoStack *undoStack() const { return m_undoStack; }
    QAction *allowChangesAction() const { return m_allowChanges; }
    QAction *focusFilterAction() const { return m_focusFilter; }
    RegistryActions *actions() const { return m_actions; }
    bool isWritable() const { return m_writable; }
    bool isLoading() const;

    // Selects a model (and a version of it, when given) once the models are read.
    void selectModel(const QString &name, int version = 0);
    QString currentModel() const;
    int currentVersion() const { return m_currentVersion; }
    void showTab(Tab tab);

    RegisteredModelListModel *modelList() const { return m_modelList; }
    ModelVersionTableModel *versionTable() const { return m_versionTable; }
    StageLaneModel *laneModel() const { return m_laneModel; }
    StageLanesView *lanesView() const { return m_lanes; }
    ModelHealthPane *healthPane() const { return m_health; }
    QTableView *modelView() const { return m_modelView; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    RegistryWriter *writer() const { return m_writer; }
    QString message() const; // the centred message shown instead of the page, if any

    void saveSettings(AppSettings &settings) const;
    void restoreSettings(const AppSettings &settings);

signals:
    // The user followed a version's (or a health point's) link to its run.
    void runActivated(const QString &experimentId, const QString &runId);
    void writabilityChanged(bool writable, const QString &reason);
    void errorOccurred(const QString &title, const QString &message);
    void loadingChanged();
    // A change was written (after it was: the lists are being read again).
    void changeWritten(const Store::RegistryChange &change);

private:
    void createLayout();
    void createToolBar(QWidget *bar);
    void applyFilter();
    void onModelsLoaded(const QString &location, const Store::RegisteredModelList &models);
    void onModelsFailed(const QString &location, const Store::Error &error);
    void onCurrentModelChanged();
    void onVersionsLoaded(const QString &model, const Store::ModelVersionList &versions);
    void setCurrentVersion(int version);
    void updateDetails();
    void updateLaneNotes();
    void updateContext();
    void onWritabilityChanged(const QString &location, bool writable, const QString &reason);
    void onChangeApplied(const QString &location, const Store::RegistryChange &change,
                         const Store::RegistryWrite &write);
    void onChangeFailed(const QString &location, const Store::RegistryChange &change,
                        const Store::Error &error);
    void showVersionMenu(int version, const QPoint &globalPos);
    void chooseAgeLimit();

    QString m_location;
    Store::RegisteredModelList m_allModels;
    Store::ModelVersionList m_versions;
    QString m_versionsModel; // whose versions m_versions holds
    QString m_pendingModel;
    int m_pendingVersion = 0;
    int m_currentVersion = 0;
    bool m_writable = false;
    QSet<QString> m_allowedStores; // normalised: the user allowed changes to them this session

    RegistryLoader *m_loader;
    RegistryWriter *m_writer;
    QUndoStack *m_undoStack;
    RegistryActions *m_actions;
    RegisteredModelListModel *m_modelList;
    QSortFilterProxyModel *m_modelProxy;
    ModelVersionTableModel *m_versionTable;
    QSortFilterProxyModel *m_versionProxy;
    StageLaneModel *m_laneModel;
    RegistryActivityModel *m_activity;

    PageFrame *m_frame = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QTableView *m_modelView = nullptr;
    QTabWidget *m_tabs = nullptr;
    StageLanesView *m_lanes = nullptr;
    QTableView *m_versionView = nullptr;
    ModelHealthPane *m_health = nullptr;
    QTreeView *m_activityView = nullptr;
    QTextBrowser *m_details = nullptr;
    QAction *m_allowChanges = nullptr;
    QAction *m_focusFilter = nullptr;
    QAction *m_ageLimit = nullptr;
};
