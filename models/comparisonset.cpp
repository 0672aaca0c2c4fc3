#include "comparisonset.h"

#include "runformat.h"
#include "storelocation.h"

#include <QSet>
#include <QSettings>
#include <QVariantMap>

#include <algorithm>

using namespace RunDiff;

ComparisonSet::ComparisonSet(QObject *parent) : QObject(parent) { }

QString ComparisonSet::runKey(const QString &location, const QString &runId)
{
    return Store::Location::normalize(location) + QLatin1Char('\n') + runId;
}

QString ComparisonSet::runKey(const RunSource &source)
{
    return runKey(source.location, source.runId);
}

void ComparisonSet::setSelection(const MergedRuns &shown, const QList<int> &selectedRows)
{
    m_shown = shown;
    m_shownStores.clear();
    for (const QString &location : shown.locations)
        m_shownStores.append(Store::Location::normalize(location));
    m_selectedRows = selectedRows;
    emit selectionChanged();
}

int ComparisonSet::rowIn(const MergedRuns &shown, const QStringList &stores, const RunSource &run)
{
    const int store = int(stores.indexOf(Store::Location::normalize(run.location)));
    if (store < 0 || run.location.isEmpty())
        return -1;
    const auto storeOf
        = [&](int row) { return shown.storeOfRow.empty() ? 0 : shown.storeOfRow[size_t(row)]; };
    const int row = shown.runs.indexOfRun(run.runId);
    if (row < 0 || storeOf(row) == store)
        return row;
    for (int other = 0; other < shown.runs.size(); ++other) { // the same id in two stores: rare
        if (storeOf(other) == store && shown.runs.run(other).runId == run.runId)
            return other;
    }
    return -1;
}

RunSource ComparisonSet::selectedSource(int row) const
{
    return {m_shown.location(row), m_shown.runs.run(row).runId, m_shown.runs, row, m_shown.runKey(row)};
}

bool ComparisonSet::hasRunsToPin() const
{
    return std::any_of(m_selectedRows.cbegin(), m_selectedRows.cend(), [this](int row) {
        return !isPinned(m_shown.location(row), m_shown.runs.run(row).runId);
    });
}

bool ComparisonSet::isPinned(const QString &location, const QString &runId) const
{
    const QString key = runKey(location, runId);
    return std::any_of(m_pinned.cbegin(), m_pinned.cend(),
                       [&key](const RunSource &pinned) { return runKey(pinned) == key; });
}

void ComparisonSet::setPinnedRuns(const QList<RunSource> &pinned)
{
    QStringList before, after;
    for (const RunSource &p : std::as_const(m_pinned))
        before.append(runKey(p));
    for (const RunSource &p : pinned)
        after.append(runKey(p));
    if (before == after)
        return;
    m_pinned = pinned;
    emit pinnedRunsChanged();
}

void ComparisonSet::pinSelectedRuns()
{
    QList<RunSource> pinned = m_pinned;
    for (const int row : std::as_const(m_selectedRows)) {
        const RunSource source = selectedSource(row);
        if (!isPinned(source.location, source.runId))
            pinned.append(detachedSource(source));
    }
    setPinnedRuns(pinned);
}

const RunSource *ComparisonSet::sourceOfColumn(int run) const
{
    return run >= 0 && run < m_sourceOfColumn.size() ? &m_compared[m_sourceOfColumn[run]] : nullptr;
}

void ComparisonSet::pinRun(int run)
{
    const RunSource *source = sourceOfColumn(run);
    if (source && !isPinned(source->location, source->runId))
        setPinnedRuns(m_pinned + QList<RunSource> {detachedSource(*source)});
}

void ComparisonSet::unpinRun(int run)
{
    if (const RunSource *source = sourceOfColumn(run))
        unpin(source->location, source->runId);
}

void ComparisonSet::unpin(const QString &location, const QString &runId)
{
    const QString key = runKey(location, runId);
    QList<RunSource> pinned = m_pinned;
    pinned.removeIf([&key](const RunSource &p) { return runKey(p) == key; });
    setPinnedRuns(pinned);
}

void ComparisonSet::clearPinned()
{
    setPinnedRuns({});
}

void ComparisonSet::unpinUnavailable()
{
    QList<RunSource> pinned = m_pinned;
    for (const UnavailableRun &u : std::as_const(m_unavailable)) {
        const QString key = runKey(m_compared.value(u.source));
        pinned.removeIf([&key](const RunSource &p) { return runKey(p) == key; });
    }
    setPinnedRuns(pinned);
}

void ComparisonSet::updateRuns()
{
    QList<RunSource> sources;
    QStringList keys;
    for (const RunSource &pinned : std::as_const(m_pinned)) {
        // A pinned run the run browser shows comes with its newest values.
        const int row = rowIn(m_shown, m_shownStores, pinned);
        sources.append(row >= 0 ? selectedSource(row) : pinned);
        keys.append(runKey(pinned));
    }
    QSet<QString> seen(keys.cbegin(), keys.cend());
    for (const int row : std::as_const(m_selectedRows)) {
        const RunSource source = selectedSource(row);
        const QString key = runKey(source);
        if (seen.contains(key))
            continue;
        sources.append(source);
        keys.append(key);
        seen.insert(key);
    }
    m_runs = sources;
    m_runKeys = keys;
}

QStringList ComparisonSet::runIds() const
{
    QStringList ids;
    for (const RunSource &source : m_runs)
        ids.append(source.runId);
    return ids;
}

bool ComparisonSet::startComparing()
{
    if (m_runKeys == m_comparedKeys)
        return false;
    m_comparedKeys = m_runKeys;
    m_compared = m_runs;
    m_unavailable.clear();
    return true;
}

namespace {

// The run's values by key name: the tables intern their keys each in their own order.
template<typename Entries, typename Value>
QHash<QString, QString> byName(Entries entries, const QStringList &keys, Value value)
{
    QHash<QString, QString> named;
    for (const auto &entry : entries)
        named.insert(keys.at(entry.key), value(entry));
    return named;
}

bool sameRun(const Store::RunTable &a, int rowA, const Store::RunTable &b, int rowB)
{
    const Store::RunAttributes &x = a.run(rowA);
    const Store::RunAttributes &y = b.run(rowB);
    if (x.status != y.status || x.endTime != y.endTime || x.runName != y.runName
        || x.lifecycleStage != y.lifecycleStage)
        return false;
    const auto text = [](const Store::RunTable &table) {
        return [&table](const Store::RunTable::TextEntry &entry) { return table.textString(entry); };
    };
    const auto metric = [](const Store::RunTable::MetricEntry &entry) {
        const Store::LatestMetric &m = entry.metric;
        return QStringLiteral("%1 %2 %3 %4")
            .arg(m.step)
            .arg(m.timestamp)
            .arg(m.storedValue(), 0, 'g', 17)
            .arg(m.isNan);
    };
    return byName(a.params(rowA), a.paramKeys(), text(a)) == byName(b.params(rowB), b.paramKeys(), text(b))
        && byName(a.tags(rowA), a.tagKeys(), text(a)) == byName(b.tags(rowB), b.tagKeys(), text(b))
        && byName(a.metrics(rowA), a.metricKeys(), metric) == byName(b.metrics(rowB), b.metricKeys(), metric);
}

} // namespace

bool ComparisonSet::comparedRunsChangedIn(const MergedRuns &shown) const
{
    QStringList stores;
    for (const QString &location : shown.locations)
        stores.append(Store::Location::normalize(location));
    return std::any_of(m_compared.cbegin(), m_compared.cend(), [&](const RunSource &source) {
        if (source.row < 0 || !stores.contains(Store::Location::normalize(source.location)))
            return false;
        const int row = rowIn(shown, stores, source);
        return row < 0 || !sameRun(source.table, source.row, shown.runs, row);
    });
}

void ComparisonSet::forgetCompared()
{
    m_comparedKeys.clear();
}

void ComparisonSet::clearCompared()
{
    m_comparedKeys.clear();
    m_compared.clear();
    m_unavailable.clear();
    m_sourceOfColumn.clear();
}

void ComparisonSet::setColumns(const QList<UnavailableRun> &unavailable, const QList<RunSource> &read)
{
    m_unavailable = unavailable;
    m_sourceOfColumn.clear();
    for (int i = 0; i < m_compared.size(); ++i) {
        if (std::none_of(m_unavailable.cbegin(), m_unavailable.cend(),
                         [i](const UnavailableRun &u) { return u.source == i; }))
            m_sourceOfColumn.append(i);
    }
    for (RunSource &pinned : m_pinned) {
        if (pinned.row >= 0)
            continue;
        const QString key = runKey(pinned);
        for (const RunSource &source : read) {
            if (source.row >= 0 && runKey(source) == key)
                pinned = source;
        }
    }
}

void ComparisonSet::clearColumns()
{
    m_sourceOfColumn.clear();
}

QList<int> ComparisonSet::pinnedColumns() const
{
    QList<int> columns;
    for (int run = 0; run < m_sourceOfColumn.size(); ++run) {
        const RunSource &source = m_compared[m_sourceOfColumn[run]];
        if (isPinned(source.location, source.runId))
            columns.append(run);
    }
    return columns;
}

void ComparisonSet::setBaselineRun(int run)
{
    const RunSource *source = sourceOfColumn(run);
    m_baselineKey = source ? runKey(*source) : QString();
}

int ComparisonSet::baselineRun() const
{
    int baseline = -1;
    for (int run = 0; run < m_sourceOfColumn.size() && !m_baselineKey.isEmpty(); ++run) {
        if (runKey(m_compared[m_sourceOfColumn[run]]) == m_baselineKey)
            baseline = run;
    }
    return baseline;
}

QString ComparisonSet::nameOf(const RunSource &source) const
{
    if (source.row >= 0 && source.row < source.table.size()) {
        const QString name = source.table.run(source.row).runName;
        if (!name.isEmpty())
            return name;
    }
    const QString remembered = m_rememberedNames.value(runKey(source));
    return RunFormat::runName(remembered, source.runId);
}

void ComparisonSet::saveSettings(QSettings &settings, const QString &key) const
{
    QVariantList pinned;
    for (const RunSource &source : m_pinned) {
        pinned.append(QVariantMap {{QStringLiteral("location"), Store::Location::normalize(source.location)},
                                   {QStringLiteral("runId"), source.runId},
                                   {QStringLiteral("runName"), nameOf(source)}});
    }
    settings.setValue(key, pinned);
}

void ComparisonSet::restoreSettings(const QSettings &settings, const QString &key)
{
    // Pinned runs come back by store and id, without a table: they are read when compared.
    QList<RunSource> pinned;
    for (const QVariant &entry : settings.value(key).toList()) {
        const QVariantMap map = entry.toMap();
        const RunSource source {map.value(QStringLiteral("location")).toString(),
                                map.value(QStringLiteral("runId")).toString()};
        if (source.location.isEmpty() || source.runId.isEmpty())
            continue;
        m_rememberedNames.insert(runKey(source), map.value(QStringLiteral("runName")).toString());
        pinned.append(source);
    }
    setPinnedRuns(pinned);
}
