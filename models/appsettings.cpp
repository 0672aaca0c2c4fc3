#include "appsettings.h"

namespace {

// Before version 1 the layout keys lived at the top level: these groups and keys move under
// "Layout/" (the others in them are the user's: recent and open stores, pinned runs).
bool isLegacyLayoutKey(const QString &key)
{
    static const QStringList groups = {QStringLiteral("RunsPage/"), QStringLiteral("ChartsPage/"),
                                       QStringLiteral("ComparePage/"), QStringLiteral("ModelsPage/")};
    static const QStringList keys
        = {QStringLiteral("MainWindow/geometry"), QStringLiteral("MainWindow/state"),
           QStringLiteral("MainWindow/page"), QStringLiteral("LiveUpdates/follow")};
    if (key == Settings::PinnedRuns.name)
        return false;
    return keys.contains(key) || std::any_of(groups.cbegin(), groups.cend(), [&](const QString &group) {
               return key.startsWith(group);
           });
}

} // namespace

AppSettings::AppSettings() : m_owned(std::make_unique<QSettings>()), m_settings(m_owned.get())
{
    migrate();
}

AppSettings::AppSettings(QSettings *settings) : m_settings(settings)
{
    migrate();
}

AppSettings::~AppSettings() = default;

void AppSettings::migrate()
{
    m_foundVersion = m_settings->value(VersionKey, 0).toInt();
    if (m_foundVersion >= Version)
        return; // up to date, or written by a newer Kaizen: left as it is
    if (m_foundVersion < 1) {
        for (const QString &key : m_settings->allKeys()) {
            if (!isLegacyLayoutKey(key))
                continue;
            m_settings->setValue(LayoutGroup + QLatin1Char('/') + key, m_settings->value(key));
            m_settings->remove(key);
        }
    }
    m_settings->setValue(VersionKey, Version);
}

void AppSettings::resetLayout()
{
    m_settings->remove(LayoutGroup);
}
