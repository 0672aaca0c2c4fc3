#pragma once

#include "storeerror.h"

#include <QMainWindow>
#include <QSet>
#include <QStringList>

class ArtifactsPage;
class ChartsPage;
class AppSettings;
class LiveUpdates;
class ComparePage;
class ModelsPage;
class NoticeBar;
class QAction;
class QLabel;
class QMenu;
class QMimeData;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QToolBar;
class RunsPage;

// The main window: creates the pages and the application's actions, places the pages'
// actions in menus, and shows what the pages report (errors, notices, progress).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    static constexpr int MaxRecentStores = 10;

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // `location`: see Store::Location; the experiment is a name or an id. Opens the store
    // beside the open ones (or goes to it) and shows its runs.
    void openStore(const QString &location, const QString &experimentNameOrId = {},
                   const QStringList &runIds = {});
    // Opens stores side by side (the command line's `kaizen STORE STORE...`), the first shown.
    void openStores(const QStringList &locations, const QString &experimentNameOrId = {},
                    const QStringList &runIds = {});
    // The stores open when Kaizen last closed, when File › Reopen Stores at Start is on;
    // false when there were none to open.
    bool restoreOpenStores();
    // Closes the store whose runs show (File › Close Store).
    void closeCurrentStore();
    QAction *closeStoreAction() const { return m_closeStoreAction; }
    QAction *reopenStoresAction() const { return m_reopenStoresAction; }
    // File › Open Database…: a store on PostgreSQL.
    QAction *openDatabaseAction() const { return m_openDatabaseAction; }

    enum Page { RunsTab, ChartsTab, CompareTab, ModelsTab, ArtifactsTab, PageCount };

    RunsPage *runsPage() const { return m_runsPage; }
    ChartsPage *chartsPage() const { return m_chartsPage; }
    ComparePage *comparePage() const { return m_comparePage; }
    ModelsPage *modelsPage() const { return m_modelsPage; }
    ArtifactsPage *artifactsPage() const { return m_artifactsPage; }
    LiveUpdates *liveUpdates() const { return m_live; }
    QTabWidget *tabWidget() const { return m_tabs; }
    void showPage(Page page);
    NoticeBar *noticeBar() const { return m_noticeBar; }
    QStringList recentStores() const;
    QString statusText() const;
    // The first local file (or mlruns/ folder) of a drop; empty if the drop holds none.
    static QString fileFromMimeData(const QMimeData *mimeData);
    // A dropped file: a store file opens; any other file is looked for among the artifacts of
    // the open store's runs (the runs holding an identical file are listed).
    void openDroppedFile(const QString &path);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createToolBar();
    void updateIcons();
    void showAbout();
    void createStatusBar();
    void chooseStore();
    void chooseFolderStore();
    // mainwindowdatabase.cpp
    void chooseDatabase();
    void askForPassword(const QString &location, const Store::Error &error);
    void addRecentStore(const QString &location);
    void removeRecentStore(const QString &location);
    void fillRecentMenu();
    void onCurrentStoreChanged(const QString &location);
    void showError(const QString &title, const QString &message);
    void setProgress(qint64 done, qint64 total);
    void updateLoading();
    void cancelLoading();
    void saveSettings() const;
    void restoreSettings(const AppSettings &settings);
    void resetLayout();
    void connectModelsPage();
    void connectArtifactsPage();
    void findRunsWithFile(const QString &path);
    void updateStoreLabel();

    RunsPage *m_runsPage;
    ChartsPage *m_chartsPage;
    ComparePage *m_comparePage;
    ModelsPage *m_modelsPage;
    ArtifactsPage *m_artifactsPage;
    QTabWidget *m_tabs;
    LiveUpdates *m_live;
    NoticeBar *m_noticeBar;
    QMenu *m_recentMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openDatabaseAction = nullptr;
    QAction *m_goToAction = nullptr; // the command palette (Ctrl+K)
    QAction *m_closeStoreAction = nullptr;
    QAction *m_reopenStoresAction = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_storeLabel = nullptr;
    QProgressBar *m_progressBar = nullptr;
    QPushButton *m_cancelButton = nullptr;
    // The last store asked for by openStore(), to open it again as asked once a password is given.
    struct OpenRequest
    {
        QString location;
        QString experimentNameOrId;
        QStringList runIds;
    };
    OpenRequest m_lastOpen;
    QSet<QString> m_askingPassword; // stores whose password is being asked for
};
