#pragma once

#include "rundiffmodel.h"

#include <QHash>

// Metrics of the compared runs: one row per metric key, a key column, a direction column ("min"
// or "max", editable), then one column per run (in the order of Diff::runs). A run cell shows
// the latest value; its roles hold min, max and the step of the best value in the row's
// direction. The runs whose latest value is best are marked (IsBestRole, bold; all of those
// that tie for it); NaN and missing are never best, and when the runs holding a number all hold
// the same one none is marked (RunDiff::distinctBestRun). Every metric is a row (there is no "only
// differences" for metrics).
class MetricDiffModel : public RunDiffModel
{
    Q_OBJECT
public:
    enum Columns { KeyColumn, DirectionColumn, FirstRunColumn };
    // Besides RunDiffModel::Roles; a run cell's value, and so its delta, is the latest one.
    enum MetricRoles {
        DirectionRole = FirstOwnRole, // int (RunDiff::Direction) of the row (any column)
        IsDefaultDirectionRole, // bool: the row's direction is the one its key suggests
        IsBestRole, // bool: this run's latest value is the row's best (ties: each of them)
        BestRunRole, // int: index of the best run in Diff::runs, -1: none (any column)
        LatestRole, // double (NaN possible)
        LatestStepRole, // qint64
        MinRole, // double
        MaxRole, // double
        BestValueRole, // double: min or max by the row's direction
        BestStepRole, // qint64: step of BestValueRole
        SummaryTextRole, // QString: "min 0.1 @ 3 · max 0.9 @ 12"
    };

    explicit MetricDiffModel(QObject *parent = nullptr);

    // Directions chosen with setDirection() stay across setDiff() for the same keys.
    void setDiff(const RunDiff::Diff &diff);
    void clear();
    const RunDiff::Diff &diff() const { return m_diff; }

    // Overrides the direction suggested by the key (directionForKey()) for a key.
    void setDirection(const QString &key, RunDiff::Direction direction);
    void resetDirection(const QString &key);
    RunDiff::Direction direction(const QString &key) const;

    // Typed accessors.
    const RunDiff::MetricRow &rowAt(const QModelIndex &index) const; // index must be valid
    QString keyAt(const QModelIndex &index) const;
    std::optional<RunDiff::MetricStats> statsAt(const QModelIndex &index) const;
    // The first run with the row's best latest value, -1 when there is none or every run
    // holding a number holds the same one.
    int bestRunOfRow(int row) const;
    // The run's latest value is the row's best (several runs when they tie for it).
    bool isBest(int row, int run) const;
    int rowOfKey(const QString &key) const;

    // Rows as text (latest values; min, max and best step in separate tables' columns).
    RunDiff::TextTable textTable() const;
    QString toMarkdown() const { return RunDiff::toMarkdown(textTable()); }
    QString toCsv() const { return RunDiff::toCsv(textTable()); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QString leadingColumnTitle(int column) const override;
    void recomputeBest();
    std::optional<RunDiff::Delta> deltaAt(int row, int run) const;

    RunDiff::Diff m_diff;
    QList<RunDiff::Direction> m_directions; // per row
    QList<int> m_best; // per row
    QHash<QString, RunDiff::Direction> m_overrides;
};
