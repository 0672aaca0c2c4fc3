#pragma once

#include "runtable.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <QStringList>

// The metric keys of a set of runs as a checkable list: the charts page draws one chart per
// checked key. Keys are in alphabetical order. A key the user checked or unchecked keeps that
// choice (choices(), remembered by the page across sessions); a key that stays in the list when
// the runs change keeps its state; any other key is checked while fewer than
// DefaultCheckedCount are, if it was logged as a curve (at a step > 0) or no key was.
class MetricKeyListModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int DefaultCheckedCount = 6;

    enum Roles {
        KeyRole = Qt::UserRole + 1,
        RunCountRole, // int: how many of the runs logged the key
        HasHistoryRole, // bool: some run logged it at a step > 0
    };

    struct Key
    {
        QString name;
        int runCount = 0;
        bool hasHistory = false;
        bool operator==(const Key &other) const = default;
    };

    explicit MetricKeyListModel(QObject *parent = nullptr);

    // The keys of the latest metrics of `runIds` in `runs` (ids not in the table are skipped).
    static QList<Key> keysOfRuns(const Store::RunTable &runs, const QStringList &runIds);
    static QList<Key> keysOfRows(const Store::RunTable &runs, const QList<int> &rows);

    // Replaces the keys (sorted here); `runCount` is the number of runs they came from.
    void setKeys(QList<Key> keys, int runCount);
    void setRuns(const Store::RunTable &runs, const QStringList &runIds);
    // The same, for runs given by their rows in `runs` (runs of several stores may share ids).
    void setRunRows(const Store::RunTable &runs, const QList<int> &rows);
    const QList<Key> &keys() const { return m_keys; }
    int runCount() const { return m_runCount; }
    QString keyAt(const QModelIndex &index) const;
    int rowOfKey(const QString &key) const;

    bool isChecked(const QString &key) const { return m_checked.contains(key); }
    // A user's choice: remembered in choices().
    void setChecked(const QString &key, bool checked);
    // The checked keys in list order.
    QStringList checkedKeys() const;

    // Keys the user checked (true) or unchecked (false), also for keys not in the list now.
    QHash<QString, bool> choices() const { return m_choices; }
    void setChoices(const QHash<QString, bool> &choices);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void checkedKeysChanged(const QStringList &keys);

private:
    // Checks keys per the rules above; `previous` are the keys listed before.
    QSet<QString> checkedFor(const QList<Key> &keys, const QSet<QString> &previous) const;
    void applyChecked(const QSet<QString> &checked);

    QList<Key> m_keys;
    int m_runCount = 0;
    QSet<QString> m_checked;
    QHash<QString, bool> m_choices;
};
