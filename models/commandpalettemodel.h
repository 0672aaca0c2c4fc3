#pragma once

#include "fuzzymatcher.h"

#include <QAbstractListModel>
#include <QList>
#include <QString>

#include <array>
#include <vector>

// The command palette's list (Ctrl+K): every place the palette can go to — menu actions,
// experiments, runs, metric keys, registered models — filtered and ordered by how well the query
// fuzzily matches their titles (FuzzyMatcher). Equal scores list by kind (in Kind's order), then
// by title. At most maxRows() rows show; matchCount() says how many matched.
//
// Entries come by kind through whole-value setters; the palette's owner gathers them when it
// opens. Their titles are decoded for matching once, there; a query that extends the previous
// one (typing on) is matched against the previous matches only; only the rows shown are sorted.
class CommandPaletteModel : public QAbstractListModel
{
    Q_OBJECT
public:
    // In the order equal scores are listed.
    enum class Kind { Action, Experiment, Run, Metric, RegisteredModel };
    static constexpr int KindCount = 5;
    static constexpr int DefaultMaxRows = 300;

    struct Entry
    {
        Kind kind = Kind::Action;
        QString title; // what the query matches: a run's name, an action's text without '&'
        QString detail; // beside it, dimmed: where it is ("mnist-cnn · mlflow.db"), a menu and shortcut
        // Where it goes.
        QString location; // the store: Experiment, Run, RegisteredModel
        QString experimentId; // Experiment, Run
        QString
            key; // Run: its id; Metric: its key; RegisteredModel: its name; Action: an id of the gatherer's
        bool operator==(const Entry &other) const = default;
    };

    enum Roles {
        KindRole = Qt::UserRole + 1, // int: the Kind
        KindNameRole, // QString: "Run", "Experiment", ... (kindName())
        DetailRole, // QString: Entry::detail
        MatchPositionsRole, // QList<int>: UTF-16 indexes into the title of the matched characters
        ScoreRole, // int: the title's score for the query (0 for an empty query)
    };

    explicit CommandPaletteModel(QObject *parent = nullptr);

    // Replace the entries of one kind (each entry's kind is set to it).
    void setActions(QList<Entry> entries) { setEntries(Kind::Action, std::move(entries)); }
    void setExperiments(QList<Entry> entries) { setEntries(Kind::Experiment, std::move(entries)); }
    void setRuns(QList<Entry> entries) { setEntries(Kind::Run, std::move(entries)); }
    void setMetrics(QList<Entry> entries) { setEntries(Kind::Metric, std::move(entries)); }
    void setModels(QList<Entry> entries) { setEntries(Kind::RegisteredModel, std::move(entries)); }
    void setEntries(Kind kind, QList<Entry> entries);
    const QList<Entry> &entries(Kind kind) const { return m_entries[size_t(kind)]; }
    // Every entry of every kind.
    int entryCount() const;

    // Shows the entries whose titles match, best first (an empty query: every entry, by kind and
    // title).
    void setQuery(const QString &query);
    QString query() const { return m_query; }
    // The entries that match the query; the first maxRows() of them are rows.
    int matchCount() const { return int(m_hits.size()); }
    void setMaxRows(int rows);
    int maxRows() const { return m_maxRows; }

    const Entry &entry(int row) const;
    // The entry of a row; a default Entry for an invalid index.
    Entry entryAt(const QModelIndex &index) const;
    QList<int> matchPositions(int row) const { return m_rows.at(size_t(row)).positions; }
    static QString kindName(Kind kind);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    struct Hit
    {
        int score;
        int kind;
        int index; // in m_entries[kind]
    };
    struct Row
    {
        Hit hit;
        QList<int> positions;
    };
    const Entry &entryOf(const Hit &hit) const { return m_entries[size_t(hit.kind)].at(hit.index); }
    bool isBefore(const Hit &a, const Hit &b) const;
    // Matches the query against every entry, or only against the previous matches.
    void match(bool narrowing);
    void updateRows();

    std::array<QList<Entry>, KindCount> m_entries;
    std::array<FuzzyTextList, KindCount> m_titles; // the entries' titles, decoded for matching
    QString m_query;
    FuzzyMatcher m_matcher;
    std::vector<Hit> m_hits; // every entry matching m_query, in the entries' order
    std::vector<Row> m_rows; // the best of them
    int m_maxRows = DefaultMaxRows;
};

Q_DECLARE_METATYPE(CommandPaletteModel::Entry)
