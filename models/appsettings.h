#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVariantMap>

#include <memory>

// One remembered value: where it lives in the settings file, its type, and its value when unset
// or unreadable.
template<typename T> struct SettingKey
{
    QString name;
    T fallback {};
};

// Kaizen's settings file, through typed keys declared in one place (namespace Settings below).
// The file carries a version: a file an older Kaizen wrote is brought up to date when it is
// opened (migrate()). Window layout and view options live under "Layout/" so that a reset puts
// them back to their defaults without touching what the user keeps (recent and open stores,
// pinned runs, artifact folders, registry limits, the database server last opened). Passwords
// are never kept here.
class AppSettings
{
public:
    // 1: layout and view options moved under "Layout/" (version 0: no version, Kaizen 0.x).
    static constexpr int Version = 1;
    static inline const QString VersionKey = QStringLiteral("settingsVersion");
    static inline const QString LayoutGroup = QStringLiteral("Layout");

    // The application's settings file (QSettings()), migrated if an older Kaizen wrote it.
    AppSettings();
    // Another file, e.g. a test's; migrated too.
    explicit AppSettings(QSettings *settings);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    template<typename T> T value(const SettingKey<T> &key) const
    {
        const QVariant stored = m_settings->value(key.name);
        return stored.isValid() && stored.canConvert<T>() ? stored.value<T>() : key.fallback;
    }
    template<typename T> void setValue(const SettingKey<T> &key, const T &value)
    {
        m_settings->setValue(key.name, QVariant::fromValue(value));
    }
    template<typename T> bool contains(const SettingKey<T> &key) const
    {
        return m_settings->contains(key.name);
    }
    template<typename T> void remove(const SettingKey<T> &key) { m_settings->remove(key.name); }

    // Forgets the window layout and the view options (everything under "Layout/").
    void resetLayout();
    // The version of the file as it was found (0: written before versions, or new).
    int foundVersion() const { return m_foundVersion; }
    QSettings &file() { return *m_settings; }
    const QSettings &file() const { return *m_settings; }

private:
    void migrate();

    std::unique_ptr<QSettings> m_owned;
    QSettings *m_settings;
    int m_foundVersion = 0;
};

// Every key Kaizen keeps, with its type and default. Values kept per store or per model build
// their keys beside their code, in groups of their own that a layout reset leaves alone:
// "Registry/stageAgeLimits/" (StageStaleness), "ModelHealth/" (ModelHealthPane) and
// "ArtifactRoots/" (Artifacts::ArtifactRoots).
namespace Settings {

// The window.
inline const SettingKey<QByteArray> WindowGeometry {QStringLiteral("Layout/MainWindow/geometry")};
inline const SettingKey<QByteArray> WindowState {QStringLiteral("Layout/MainWindow/state")};
inline const SettingKey<int> CurrentPage {QStringLiteral("Layout/MainWindow/page"), 0};
inline const SettingKey<QStringList> RecentStores {QStringLiteral("MainWindow/recentStores")};
inline const SettingKey<QStringList> OpenStores {QStringLiteral("MainWindow/openStores")}; // current first
inline const SettingKey<bool> ReopenStores {QStringLiteral("MainWindow/reopenStores"), true};

// File › Open Database…: the server last opened from it. Never a password (those live in
// memory only: Store::SessionCredentials).
inline const SettingKey<QString> DatabaseHost {QStringLiteral("OpenDatabase/host")};
inline const SettingKey<int> DatabasePort {QStringLiteral("OpenDatabase/port"), 5432};
inline const SettingKey<QString> DatabaseName {QStringLiteral("OpenDatabase/database")};
inline const SettingKey<QString> DatabaseUser {QStringLiteral("OpenDatabase/user")};

// The Runs tab.
inline const SettingKey<QByteArray> RunsSplitter {QStringLiteral("Layout/RunsPage/splitter")};
inline const SettingKey<QByteArray> RunsDetailsSplitter {QStringLiteral("Layout/RunsPage/detailsSplitter")};
inline const SettingKey<QByteArray> RunsArtifactsSplitter {
    QStringLiteral("Layout/RunsPage/artifactsSplitter")};
inline const SettingKey<int> RunsSideTab {QStringLiteral("Layout/RunsPage/sideTab"), 0};
inline const SettingKey<QString> RunsSortKey {QStringLiteral("Layout/RunsPage/sortKey")};
inline const SettingKey<int> RunsSortOrder {QStringLiteral("Layout/RunsPage/sortOrder"),
                                            int(Qt::DescendingOrder)};
inline const SettingKey<bool> ShowDeleted {QStringLiteral("Layout/RunsPage/showDeleted"), false};
// A run table's columns (group: "RunsPage"): hidden and shown by choice, widths by column key.
inline SettingKey<QStringList> hiddenColumns(const QString &group)
{
    return {QStringLiteral("Layout/%1/hiddenColumns").arg(group)};
}
inline SettingKey<QStringList> shownColumns(const QString &group)
{
    return {QStringLiteral("Layout/%1/shownColumns").arg(group)};
}
inline SettingKey<QVariantMap> columnWidths(const QString &group)
{
    return {QStringLiteral("Layout/%1/columnWidths").arg(group)};
}

// The Charts tab.
inline const SettingKey<QString> ChartsXAxis {QStringLiteral("Layout/ChartsPage/xAxis")};
inline const SettingKey<bool> ChartsLogY {QStringLiteral("Layout/ChartsPage/logY"), false};
inline const SettingKey<bool> ChartsIgnoreOutliers {QStringLiteral("Layout/ChartsPage/ignoreOutliers"),
                                                    false};
inline const SettingKey<double> ChartsSmoothing {QStringLiteral("Layout/ChartsPage/smoothing"), 0.0};
inline const SettingKey<bool> ChartsCombineKeys {QStringLiteral("Layout/ChartsPage/combineKeys"), false};
inline const SettingKey<bool> ChartsSyncZoom {QStringLiteral("Layout/ChartsPage/syncZoom"), false};
inline const SettingKey<QByteArray> ChartsSplitter {QStringLiteral("Layout/ChartsPage/splitter")};
inline const SettingKey<QVariantMap> ChartsKeyChoices {QStringLiteral("Layout/ChartsPage/keyChoices")};

// The Compare tab.
inline const SettingKey<bool> CompareOnlyDifferences {QStringLiteral("Layout/ComparePage/onlyDifferences"),
                                                      true};
inline const SettingKey<bool> CompareShowSystemTags {QStringLiteral("Layout/ComparePage/showSystemTags"),
                                                     false};
inline const SettingKey<QByteArray> CompareSplitter {QStringLiteral("Layout/ComparePage/splitter")};
inline const SettingKey<QByteArray> CompareTableSplitter {QStringLiteral("Layout/ComparePage/tableSplitter")};
inline const SettingKey<int> CompareTable {QStringLiteral("Layout/ComparePage/table"), 0};
inline const SettingKey<int> ComparePlot {QStringLiteral("Layout/ComparePage/plot"), 0};
inline const SettingKey<QStringList> CompareAxes {QStringLiteral("Layout/ComparePage/axes")};
inline const SettingKey<QVariantList> PinnedRuns {QStringLiteral("ComparePage/pinned")};

// The Models tab.
inline const SettingKey<QByteArray> ModelsSplitter {QStringLiteral("Layout/ModelsPage/splitter")};
inline const SettingKey<int> ModelsTab {QStringLiteral("Layout/ModelsPage/tab"), 0};
inline const SettingKey<QString> ModelsFilter {QStringLiteral("Layout/ModelsPage/filter")};

// Live updates.
inline const SettingKey<int> LiveIntervalMs {QStringLiteral("LiveUpdates/intervalMs"), 2000};
inline const SettingKey<bool> LiveFollow {QStringLiteral("Layout/LiveUpdates/follow"), true};

} // namespace Settings
