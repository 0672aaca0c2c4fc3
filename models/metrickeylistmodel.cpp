#include "metrickeylistmodel.h"

#include <algorithm>

MetricKeyListModel::MetricKeyListModel(QObject *parent) : QAbstractListModel(parent) { }

QList<MetricKeyListModel::Key> MetricKeyListModel::keysOfRuns(const Store::RunTable &runs,
                                                              const QStringList &runIds)
{
    QList<int> rows;
    for (const QString &id : runIds) {
        if (const int row = runs.indexOfRun(id); row >= 0)
            rows.append(row);
    }
    return keysOfRows(runs, rows);
}

QList<MetricKeyListModel::Key> MetricKeyListModel::keysOfRows(const Store::RunTable &runs,
                                                              const QList<int> &rows)
{
    const QStringList &names = runs.metricKeys();
    std::vector<Key> byIndex(size_t(names.size()));
    for (const int row : rows) {
        for (const Store::RunTable::MetricEntry &entry : runs.metrics(row)) {
            Key &key = byIndex[size_t(entry.key)];
            ++key.runCount;
            key.hasHistory = key.hasHistory || entry.metric.step > 0;
        }
    }
    QList<Key> keys;
    for (size_t i = 0; i < byIndex.size(); ++i) {
        if (byIndex[i].runCount > 0) {
            byIndex[i].name = names.at(qsizetype(i));
            keys.append(byIndex[i]);
        }
    }
    return keys;
}

void MetricKeyListModel::setRuns(const Store::RunTable &runs, const QStringList &runIds)
{
    int count = 0;
    for (const QString &id : runIds)
        count += runs.indexOfRun(id) >= 0 ? 1 : 0;
    setKeys(keysOfRuns(runs, runIds), count);
}

void MetricKeyListModel::setRunRows(const Store::RunTable &runs, const QList<int> &rows)
{
    setKeys(keysOfRows(runs, rows), int(rows.size()));
}

void MetricKeyListModel::setKeys(QList<Key> keys, int runCount)
{
    std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
        const int byCase = a.name.compare(b.name, Qt::CaseInsensitive);
        return byCase != 0 ? byCase < 0 : a.name < b.name;
    });
    QSet<QString> previous;
    for (const Key &key : std::as_const(m_keys))
        previous.insert(key.name);
    const QSet<QString> checked = checkedFor(keys, previous);

    const bool sameNames = std::equal(keys.cbegin(), keys.cend(), m_keys.cbegin(), m_keys.cend(),
                                      [](const Key &a, const Key &b) { return a.name == b.name; });
    if (sameNames) {
        const bool changed = keys != m_keys || runCount != m_runCount;
        m_keys = std::move(keys);
        m_runCount = runCount;
        if (changed && !m_keys.isEmpty())
            emit dataChanged(index(0), index(int(m_keys.size()) - 1));
        applyChecked(checked);
        return;
    }
    const QStringList before = checkedKeys();
    beginResetModel();
    m_keys = std::move(keys);
    m_runCount = runCount;
    m_checked = checked;
    endResetModel();
    if (checkedKeys() != before)
        emit checkedKeysChanged(checkedKeys());
}

QSet<QString> MetricKeyListModel::checkedFor(const QList<Key> &keys, const QSet<QString> &previous) const
{
    QSet<QString> checked;
    QList<const Key *> undecided;
    for (const Key &key : keys) {
        if (const auto choice = m_choices.constFind(key.name); choice != m_choices.cend()) {
            if (*choice)
                checked.insert(key.name);
        } else if (previous.contains(key.name)) {
            if (m_checked.contains(key.name))
                checked.insert(key.name);
        } else {
            undecided.append(&key);
        }
    }
    // A chart of one point per run says little: single values only when there is nothing else.
    const bool anyHistory
        = std::any_of(keys.cbegin(), keys.cend(), [](const Key &key) { return key.hasHistory; });
    for (const Key *key : std::as_const(undecided)) {
        if (checked.size() >= DefaultCheckedCount)
            break;
        if (key->hasHistory || !anyHistory)
            checked.insert(key->name);
    }
    return checked;
}

void MetricKeyListModel::applyChecked(const QSet<QString> &checked)
{
    if (checked == m_checked)
        return;
    const QSet<QString> old = m_checked;
    m_checked = checked;
    for (int row = 0; row < m_keys.size(); ++row) {
        const QString &name = m_keys.at(row).name;
        if (old.contains(name) != m_checked.contains(name))
            emit dataChanged(index(row), index(row), {Qt::CheckStateRole});
    }
    emit checkedKeysChanged(checkedKeys());
}

QString MetricKeyListModel::keyAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_keys.at(index.row()).name;
}

int MetricKeyListModel::rowOfKey(const QString &key) const
{
    for (int row = 0; row < m_keys.size(); ++row) {
        if (m_keys.at(row).name == key)
            return row;
    }
    return -1;
}

void MetricKeyListModel::setChecked(const QString &key, bool checked)
{
    m_choices.insert(key, checked);
    if (rowOfKey(key) < 0)
        return;
    QSet<QString> next = m_checked;
    if (checked)
        next.insert(key);
    else
        next.remove(key);
    applyChecked(next);
}

QStringList MetricKeyListModel::checkedKeys() const
{
    QStringList keys;
    for (const Key &key : m_keys) {
        if (m_checked.contains(key.name))
            keys.append(key.name);
    }
    return keys;
}

void MetricKeyListModel::setChoices(const QHash<QString, bool> &choices)
{
    m_choices = choices;
    QSet<QString> next = m_checked;
    for (auto it = choices.cbegin(); it != choices.cend(); ++it) {
        if (rowOfKey(it.key()) < 0)
            continue;
        if (it.value())
            next.insert(it.key());
        else
            next.remove(it.key());
    }
    applyChecked(next);
}

int MetricKeyListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

QVariant MetricKeyListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Key &key = m_keys.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case KeyRole:
        return key.name;
    case Qt::CheckStateRole:
        return m_checked.contains(key.name) ? Qt::Checked : Qt::Unchecked;
    case Qt::ToolTipRole: {
        const QString runs = key.runCount == m_runCount
            ? (m_runCount == 1 ? tr("Logged by the selected run")
                               : tr("Logged by all %1 selected runs").arg(m_runCount))
            : tr("Logged by %1 of %2 selected runs").arg(key.runCount).arg(m_runCount);
        return key.hasHistory ? runs : tr("%1, one value each").arg(runs);
    }
    case RunCountRole:
        return key.runCount;
    case HasHistoryRole:
        return key.hasHistory;
    default:
        return {};
    }
}

bool MetricKeyListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::CheckStateRole
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    setChecked(m_keys.at(index.row()).name, value.value<Qt::CheckState>() == Qt::Checked);
    return true;
}

Qt::ItemFlags MetricKeyListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> MetricKeyListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KeyRole, "key");
    names.insert(RunCountRole, "runCount");
    names.insert(HasHistoryRole, "hasHistory");
    return names;
}
