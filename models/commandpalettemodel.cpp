#include "commandpalettemodel.h"

#include <algorithm>

CommandPaletteModel::CommandPaletteModel(QObject *parent) : QAbstractListModel(parent) { }

void CommandPaletteModel::setEntries(Kind kind, QList<Entry> entries)
{
    // Only written when needed: writing detaches a list shared with the caller (100,000 copies).
    if (std::any_of(entries.cbegin(), entries.cend(),
                    [kind](const Entry &entry) { return entry.kind != kind; })) {
        for (Entry &entry : entries)
            entry.kind = kind;
    }
    beginResetModel();
    m_entries[size_t(kind)] = std::move(entries);
    FuzzyTextList &titles = m_titles[size_t(kind)];
    titles.clear();
    qsizetype length = 0;
    for (const Entry &entry : m_entries[size_t(kind)])
        length += entry.title.size();
    titles.reserve(m_entries[size_t(kind)].size(), length);
    for (const Entry &entry : m_entries[size_t(kind)])
        titles.append(entry.title);
    match(false);
    updateRows();
    endResetModel();
}

int CommandPaletteModel::entryCount() const
{
    int count = 0;
    for (const QList<Entry> &entries : m_entries)
        count += int(entries.size());
    return count;
}

void CommandPaletteModel::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    // Whatever matches the longer query matches the shorter one (its subsequence).
    const bool narrowing = query.startsWith(m_query);
    m_query = query;
    m_matcher = FuzzyMatcher(query);
    beginResetModel();
    match(narrowing);
    updateRows();
    endResetModel();
}

void CommandPaletteModel::setMaxRows(int rows)
{
    if (rows == m_maxRows)
        return;
    beginResetModel();
    m_maxRows = std::max(rows, 0);
    updateRows();
    endResetModel();
}

void CommandPaletteModel::match(bool narrowing)
{
    std::vector<Hit> hits;
    if (narrowing) {
        hits.reserve(m_hits.size());
        for (const Hit &hit : m_hits) {
            if (const std::optional<int> score = m_matcher.score(m_titles[size_t(hit.kind)].at(hit.index)))
                hits.push_back({*score, hit.kind, hit.index});
        }
    } else {
        hits.reserve(size_t(entryCount()));
        for (int kind = 0; kind < KindCount; ++kind) {
            const FuzzyTextList &titles = m_titles[size_t(kind)];
            for (int index = 0; index < titles.size(); ++index) {
                if (const std::optional<int> score = m_matcher.score(titles.at(index)))
                    hits.push_back({*score, kind, index});
            }
        }
    }
    m_hits = std::move(hits);
}

bool CommandPaletteModel::isBefore(const Hit &a, const Hit &b) const
{
    if (a.score != b.score)
        return a.score > b.score;
    if (a.kind != b.kind)
        return a.kind < b.kind;
    // Titles in case-folded order (the decoded titles compare fast), then as they are written.
    const FuzzyTextList::View left = m_titles[size_t(a.kind)].at(a.index);
    const FuzzyTextList::View right = m_titles[size_t(b.kind)].at(b.index);
    if (const auto order = std::lexicographical_compare_three_way(left.chars, left.chars + left.size,
                                                                  right.chars, right.chars + right.size);
        order != 0)
        return order < 0;
    if (const int order = entryOf(a).title.compare(entryOf(b).title); order != 0)
        return order < 0;
    return a.index < b.index;
}

void CommandPaletteModel::updateRows()
{
    const auto shown = std::min(m_hits.size(), size_t(m_maxRows));
    // Only the rows shown are put in order: a few hundred of up to 100,000 matches. The matches
    // stay in the entries' order, which the next keystroke reads in.
    std::vector<Hit> best(shown);
    std::partial_sort_copy(m_hits.cbegin(), m_hits.cend(), best.begin(), best.begin() + qsizetype(shown),
                           [this](const Hit &a, const Hit &b) { return isBefore(a, b); });
    m_rows.clear();
    m_rows.reserve(shown);
    for (size_t i = 0; i < shown; ++i) {
        const Hit &hit = best[i];
        QList<int> positions;
        if (!m_matcher.isEmpty()) {
            if (const std::optional<FuzzyMatcher::Match> match = m_matcher.match(entryOf(hit).title))
                positions = match->positions;
        }
        m_rows.push_back({hit, positions});
    }
}

const CommandPaletteModel::Entry &CommandPaletteModel::entry(int row) const
{
    return entryOf(m_rows.at(size_t(row)).hit);
}

CommandPaletteModel::Entry CommandPaletteModel::entryAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= rowCount())
        return {};
    return entry(index.row());
}

QString CommandPaletteModel::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Action:
        return tr("Action");
    case Kind::Experiment:
        return tr("Experiment");
    case Kind::Run:
        return tr("Run");
    case Kind::Metric:
        return tr("Metric");
    case Kind::RegisteredModel:
        return tr("Model");
    }
    return {};
}

int CommandPaletteModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant CommandPaletteModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(size_t(index.row()));
    const Entry &entry = entryOf(row.hit);
    switch (role) {
    case Qt::DisplayRole:
        return entry.title;
    case Qt::ToolTipRole:
        return entry.detail.isEmpty() ? entry.title : QStringLiteral("%1\n%2").arg(entry.title, entry.detail);
    case KindRole:
        return int(entry.kind);
    case KindNameRole:
        return kindName(entry.kind);
    case DetailRole:
        return entry.detail;
    case MatchPositionsRole:
        return QVariant::fromValue(row.positions);
    case ScoreRole:
        return row.hit.score;
    default:
        return {};
    }
}

QHash<int, QByteArray> CommandPaletteModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(KindNameRole, "kindName");
    names.insert(DetailRole, "detail");
    names.insert(MatchPositionsRole, "matchPositions");
    names.insert(ScoreRole, "score");
    return names;
}
