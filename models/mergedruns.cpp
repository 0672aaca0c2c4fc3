#include "mergedruns.h"

namespace {

std::string_view utf8(const QByteArray &bytes)
{
    return std::string_view(bytes.constData(), size_t(bytes.size()));
}

std::string_view utf8(QByteArrayView bytes)
{
    return std::string_view(bytes.data(), size_t(bytes.size()));
}

} // namespace

MergedRuns mergeRuns(const QList<StoreRuns> &stores)
{
    MergedRuns merged;
    for (const StoreRuns &store : stores)
        merged.locations.append(store.location);
    if (stores.size() == 1) {
        merged.runs = stores.constFirst().runs; // storeOfRow empty: every row is of the one store
        return merged;
    }
    Store::RunTableBuilder builder;
    qint64 total = 0;
    for (const StoreRuns &store : stores)
        total += store.runs.size();
    builder.reserveRuns(total);
    merged.storeOfRow.reserve(size_t(total));
    for (qsizetype s = 0; s < stores.size(); ++s) {
        const Store::RunTable &table = stores.at(s).runs;
        // Keys as UTF-8 once per table, not once per value.
        QList<QByteArray> paramKeys, tagKeys, metricKeys;
        for (const QString &key : table.paramKeys())
            paramKeys.append(key.toUtf8());
        for (const QString &key : table.tagKeys())
            tagKeys.append(key.toUtf8());
        for (const QString &key : table.metricKeys())
            metricKeys.append(key.toUtf8());
        for (int row = 0; row < table.size(); ++row) {
            const int to = builder.addRun(table.run(row));
            merged.storeOfRow.push_back(int(s));
            for (const auto &entry : table.params(row))
                builder.addParam(to, utf8(paramKeys.at(entry.key)), utf8(table.text(entry)));
            for (const auto &entry : table.tags(row))
                builder.addTag(to, utf8(tagKeys.at(entry.key)), utf8(table.text(entry)));
            for (const auto &entry : table.metrics(row))
                builder.addMetric(to, utf8(metricKeys.at(entry.key)), entry.metric);
        }
    }
    merged.runs = builder.build();
    return merged;
}
